package io.aura.ui.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.OccurrenceStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Someone's bookings split as people read them: what is still ahead, soonest first, and what is over, the most
 * recent first. A series stays ahead while any of its dates is, and sorts by its next date (skipped dates,
 * left out for a conflict, do not count).
 */
public record BookingsByTime(List<BookingView> upcoming, List<BookingView> past) {

    public static BookingsByTime at(Instant now, List<BookingView> bookings) {
        List<BookingView> upcoming = bookings.stream().filter(b -> lastEnd(b).isAfter(now))
                .sorted(Comparator.comparing((BookingView b) -> nextStart(b, now)).thenComparing(BookingView::title))
                .toList();
        List<BookingView> past = bookings.stream().filter(b -> !lastEnd(b).isAfter(now))
                .sorted(Comparator.comparing(BookingsByTime::lastEnd).reversed().thenComparing(BookingView::title))
                .toList();
        return new BookingsByTime(upcoming, past);
    }

    static Instant lastEnd(BookingView booking) {
        return held(booking).map(Occurrence::end).max(Comparator.naturalOrder())
                .filter(end -> end.isAfter(booking.end())).orElse(booking.end());
    }

    /** The start of the first date not over yet (of a single booking: its start). */
    static Instant nextStart(BookingView booking, Instant now) {
        return held(booking).filter(o -> o.end().isAfter(now)).map(Occurrence::start)
                .min(Comparator.naturalOrder()).orElse(booking.start());
    }

    private static Stream<Occurrence> held(BookingView booking) {
        return booking.occurrences().stream().filter(o -> o.status() != OccurrenceStatus.SKIPPED);
    }
}
