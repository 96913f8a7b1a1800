package io.aura.ui.admin;

import io.aura.gateway.ReadYourWrites;
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
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Closing and opening resources for the administration view: the same commands and read-your-writes as the API. */
@Service
public class ScheduleDesk {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public ScheduleDesk(ReadYourWrites readYourWrites, QueryGateway queries, CommandGateway commands, Clock clock) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
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
