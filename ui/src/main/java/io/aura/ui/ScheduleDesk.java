package io.aura.ui;

import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.Reasons;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Closing resources for the administration view: the same command and read-your-writes as the API. */
@Service
public class ScheduleDesk {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public ScheduleDesk(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
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
        SubscriptionQueryResult<Optional<BlackoutView>, BlackoutView> view = queries.subscriptionQuery(
                new FindBlackout(blackoutId), ResponseTypes.optionalInstanceOf(BlackoutView.class),
                ResponseTypes.instanceOf(BlackoutView.class));
        try {
            commands.sendAndWait(new AddBlackout(resourceId, blackoutId, range, reason));
            view.initialResult().flatMap(Mono::justOrEmpty).concatWith(view.updates()).next()
                    .timeout(BookingDesk.DECISION_TIMEOUT, Mono.empty()).block();
        } finally {
            view.cancel();
        }
    }

    /** The resource's blackouts from now on, for a year (ADMIN). */
    public List<ClosedTime> upcomingBlackouts(String resourceId) {
        SignedIn.requireAnyRole("ADMIN");
        Instant now = clock.instant();
        return queries.query(new FindClosedTimes(resourceId, now, now.plus(Duration.ofDays(366))),
                        ResponseTypes.multipleInstancesOf(ClosedTime.class)).join().stream()
                .filter(c -> c.source() == Conflict.Source.BLACKOUT).toList();
    }
}
