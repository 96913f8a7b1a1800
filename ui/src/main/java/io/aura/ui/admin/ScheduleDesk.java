package io.aura.ui.admin;

import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.Reasons;
import io.aura.ui.SignedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/** Closing resources for the administration view: the same command and read-your-writes as the API. */
@Service
public class ScheduleDesk {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;

    public ScheduleDesk(ReadYourWrites readYourWrites, QueryGateway queries, Clock clock) {
        this.readYourWrites = readYourWrites;
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
        readYourWrites.sendAndAwait(new AddBlackout(resourceId, blackoutId, range, reason), new FindBlackout(blackoutId),
                BlackoutView.class, b -> true, READ_SIDE_TIMEOUT);
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
