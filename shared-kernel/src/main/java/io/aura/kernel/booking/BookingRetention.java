package io.aura.kernel.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which bookings are past retention (ADR 0047), the one place that says so: a booking whose last date
 * ended before {@code now − retention} leaves the live views; its events stay in the store (the audit).
 * Whatever became of the booking (confirmed, cancelled, refused) does not matter, only when its dates
 * ended.
 */
public final class BookingRetention {
    private BookingRetention() {}

    /** The default: two years, long enough for any yearly report or dispute over last year's bookings. */
    public static final String DEFAULT = "P2Y";

    /**
     * How long past bookings are kept: a calendar period ({@code P2Y}, {@code P730D}) or an exact duration
     * ({@code PT48H}); zero ({@code 0}, {@code P0D}), blank or {@code forever} keeps them forever.
     */
    public record Keep(Period period, Duration duration) {
        public static final Keep FOREVER = new Keep(Period.ZERO, Duration.ZERO);

        public Keep {
            if (period.isNegative() || duration.isNegative()) {
                throw new IllegalArgumentException("a retention period cannot be negative");
            }
        }

        /** Reads the setting; a text neither an ISO-8601 period nor a duration is refused, naming it. */
        public static Keep parse(String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty() || t.equals("0") || t.equalsIgnoreCase("forever")) {
                return FOREVER;
            }
            try {
                // a period's days are calendar days; one with a time part (P1DT12H, PT48H) is an exact duration
                return t.toUpperCase().contains("T") ? new Keep(Period.ZERO, Duration.parse(t))
                        : new Keep(Period.parse(t), Duration.ZERO);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("aura.retention.past-bookings: '" + text
                        + "' is not an ISO-8601 period or duration (such as P2Y, P730D or PT48H), 0 or forever", e);
            }
        }

        public boolean forever() {
            return period.isZero() && duration.isZero();
        }

        /** The instant before which a booking's dates must all have ended to be past retention; none if forever. */
        public Optional<Instant> cutoff(Instant now) {
            if (forever()) {
                return Optional.empty();
            }
            // calendar periods counted in UTC, as every stored instant is
            return Optional.of(now.atOffset(ZoneOffset.UTC).minus(period).toInstant().minus(duration));
        }
    }

    /**
     * When the booking's last date ends: the latest end among its dates, its own slot and a move still being
     * decided (whose new slot may lie later). What a store indexes to find the bookings past a cutoff.
     */
    public static Instant lastEnd(BookingView view) {
        Instant last = view.end();
        for (Occurrence o : view.occurrences()) {
            if (o.end().isAfter(last)) {
                last = o.end();
            }
        }
        var move = view.lastReschedule();
        if (move != null && (move.status() == RescheduleStatus.PENDING
                || move.status() == RescheduleStatus.PENDING_APPROVAL) && move.end() != null
                && move.end().isAfter(last)) {
            last = move.end();
        }
        return last;
    }

    /** Whether the booking has been over for longer than retention keeps: every date ended before the cutoff. */
    public static boolean pastRetention(BookingView view, Instant cutoff) {
        return lastEnd(view).isBefore(cutoff);
    }
}
