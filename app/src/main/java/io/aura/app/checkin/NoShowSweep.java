package io.aura.app.checkin;

import io.aura.kernel.booking.BookingCommands.MarkNoShow;
import io.aura.kernel.booking.BookingQueries.CheckInDue;
import io.aura.kernel.booking.BookingQueries.FindCheckInsDue;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The durable half of no-show release (ADR 0033, the pattern of ADR 0007): every few seconds, on every
 * node, asks the booking view which confirmed dates needing check-in are past their window and not
 * checked in, and tells each booking the time. The booking marks a no-show exactly once (optimistic
 * locking on its stream decides between nodes, and between a late check-in and the release), so a
 * restart, a lost in-memory deadline or a second node changes nothing but the delay.
 */
@Component
public class NoShowSweep {
    private static final Logger log = LoggerFactory.getLogger(NoShowSweep.class);
    static final int BATCH = 200;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public NoShowSweep(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${aura.check-in.sweep-interval:PT5S}",
            fixedDelayString = "${aura.check-in.sweep-interval:PT5S}")
    public void sweep() {
        sweepAt(clock.instant());
    }

    /** One sweep as of {@code now}; answers how many dates it told their bookings about. */
    public int sweepAt(Instant now) {
        List<CheckInDue> due;
        try {
            due = queries.query(new FindCheckInsDue(now, BATCH), ResponseTypes.multipleInstancesOf(CheckInDue.class))
                    .join();
        } catch (RuntimeException e) {
            log.warn("No-show sweep could not read the booking view: {}", e.toString());
            return 0;
        }
        for (CheckInDue date : due) {
            try {
                commands.sendAndWait(new MarkNoShow(date.bookingId(), new TimeRange(date.start(), date.end()), now));
            } catch (RuntimeException e) {
                // another node or a check-in got there first, or the store is busy: the next sweep tries again
                log.debug("No-show of booking {} not marked this time: {}", date.bookingId(), e.toString());
            }
        }
        return due.size();
    }
}
