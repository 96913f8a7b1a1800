package io.aura.ui.admin;

import io.aura.gateway.ReadYourWrites;
import io.aura.gateway.ResourceAdministration;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.RemoveBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.ListBlackouts;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.Reasons;
import io.aura.ui.SignedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * Resources for the administration views: registering, editing, retiring (through the gateway's
 * {@link ResourceAdministration}, the same rules and commands as the API's /api/resources) and closing and
 * opening them (blackouts), as the signed-in administrator.
 */
@Service
public class ScheduleDesk {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final ResourceAdministration administration;

    public ScheduleDesk(ReadYourWrites readYourWrites, QueryGateway queries, CommandGateway commands, Clock clock,
                        ResourceAdministration administration) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.administration = administration;
    }

    /** Every resource, retired ones too, by name (ADMIN). */
    public List<ResourceView> resources() {
        SignedIn.requireAnyRole("ADMIN");
        return administration.all();
    }

    /** The resource as it is now, retired or not (ADMIN). */
    public Optional<ResourceView> resource(String resourceId) {
        SignedIn.requireAnyRole("ADMIN");
        return administration.find(resourceId);
    }

    /**
     * Registers a resource (ADMIN), as POST /api/resources.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming each wrong field (a taken name too); nothing
     *     is recorded
     */
    public ResourceView register(ResourceSpec spec) {
        SignedIn.requireAnyRole("ADMIN");
        return administration.register(spec);
    }

    /**
     * Replaces a resource's rules (ADMIN), as PUT /api/resources/{id}; empty when it is gone.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming each wrong field; nothing is recorded
     */
    public Optional<ResourceView> change(String resourceId, ResourceSpec spec) {
        SignedIn.requireAnyRole("ADMIN");
        return administration.change(resourceId, spec);
    }

    /** Retires a resource (ADMIN), as POST /api/resources/{id}/retire: no new bookings, the ones it has stay. */
    public Optional<ResourceView> retire(String resourceId) {
        SignedIn.requireAnyRole("ADMIN");
        return administration.retire(resourceId);
    }

    /**
     * Closes a resource for a range (ADMIN); answers once the read side has it, so a list read next
     * shows it and suggestions avoid it.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming {@code reason} when it is too long
     */
    public void close(String resourceId, TimeRange range, String reason) {
        SignedIn.requireAnyRole("ADMIN");
        Reasons.requireBounded(reason); // before sending: the field is marked however the command travels
        String blackoutId = UUID.randomUUID().toString();
        readYourWrites.sendAndAwait(new AddBlackout(resourceId, blackoutId, range, reason), new FindBlackout(blackoutId),
                BlackoutView.class, b -> true, READ_SIDE_TIMEOUT);
    }

    /**
     * Opens the resource again where the blackout closed it (ADMIN), as DELETE /api/resources/{id}/blackouts/{id}
     * does: the schedule accepts bookings there from the moment the command is stored (the lists follow
     * within a batch). Removing one that is gone already records nothing.
     */
    public void remove(String resourceId, String blackoutId) {
        SignedIn.requireAnyRole("ADMIN");
        commands.sendAndWait(new RemoveBlackout(resourceId, blackoutId));
    }

    /** The resource's blackouts not over yet and beginning within a year, by start (ADMIN). */
    public List<BlackoutView> upcomingBlackouts(String resourceId) {
        SignedIn.requireAnyRole("ADMIN");
        Instant now = clock.instant();
        Instant yearAhead = now.plus(Duration.ofDays(366));
        return queries.query(new ListBlackouts(resourceId), ResponseTypes.multipleInstancesOf(BlackoutView.class))
                .join().stream().filter(b -> b.end().isAfter(now) && b.start().isBefore(yearAhead)).toList();
    }
}
