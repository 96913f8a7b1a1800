package io.aura.app.retention;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingRetention;
import io.aura.kernel.booking.BookingRetention.Keep;
import io.aura.query.booking.BookingViewStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Past bookings leave the live views (ADR 0047): every night, on every node, the bookings whose last date
 * ended more than {@code aura.retention.past-bookings} ago ({@link BookingRetention}, the kernel's rule) are
 * removed from the booking views: the calendar, "my bookings", the status page, calendar feeds, timesheets
 * and the check-ins due. Their events stay in the store: the audit, its verification and the calendar as of
 * a past instant read those. A removal is idempotent, so two nodes sweeping at once only do the work twice.
 * A replay folds them back in; the rebuild sweeps once it is done ({@code ReplayController}), and the
 * nightly sweep covers a rebuild by the processors themselves.
 */
@Component
public class PastBookingSweep {
    private static final Logger log = LoggerFactory.getLogger(PastBookingSweep.class);
    /** Bookings read and removed per step: bounded memory and short write transactions. */
    static final int BATCH = 500;

    private final BookingViewStore bookings;
    private final Clock clock;
    private final Keep keep;

    public PastBookingSweep(BookingViewStore bookings, Clock clock,
                            @Value("${aura.retention.past-bookings:" + BookingRetention.DEFAULT + "}") String keep) {
        this.bookings = bookings;
        this.clock = clock;
        this.keep = Keep.parse(keep); // a malformed setting stops the start, naming it
    }

    @Scheduled(cron = "${aura.retention.sweep-cron:0 15 3 * * *}")
    public void sweep() {
        try {
            sweepAt(clock.instant());
        } catch (RuntimeException e) {
            // the store is busy or down: the next night tries again, nothing is half-removed (one transaction a step)
            log.warn("Retention sweep stopped: {}", e.toString());
        }
    }

    /** One sweep of every resource as if it were {@code now}; answers how many bookings left the views. */
    public int sweepAt(Instant now) {
        return sweepAt(now, null);
    }

    /**
     * One sweep of one resource's bookings (null: all) as if it were {@code now}; answers how many bookings left
     * the views. Retention kept forever sweeps nothing.
     */
    public int sweepAt(Instant now, String resourceId) {
        Optional<Instant> cutoff = keep.cutoff(now);
        if (cutoff.isEmpty()) {
            return 0;
        }
        int removed = 0;
        while (true) {
            List<BookingView> candidates = bookings.endedBefore(cutoff.get(), resourceId, BATCH);
            List<String> past = candidates.stream().filter(v -> BookingRetention.pastRetention(v, cutoff.get()))
                    .map(BookingView::bookingId).toList();
            bookings.remove(past);
            removed += past.size();
            if (candidates.size() < BATCH || past.isEmpty()) {
                break; // the last page, or one the rule kept whole (it would come back the same)
            }
        }
        if (removed > 0) {
            log.info("Retention: {} booking(s) whose dates ended before {} left the live views (their events stay)",
                    removed, cutoff.get());
        }
        return removed;
    }
}
