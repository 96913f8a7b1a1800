package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a booking's events, the Outlook event each date shows (ADR 0043). */
class BookingViewOutlookFoldTest {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");
    static final TimeRange FIRST = new TimeRange(MONDAY_9, MONDAY_9.plus(Duration.ofHours(1)));
    static final TimeRange SECOND = new TimeRange(FIRST.start().plus(Duration.ofDays(7)), FIRST.end().plus(Duration.ofDays(7)));
    static final TimeRange LATER = new TimeRange(SECOND.start().plus(Duration.ofHours(5)), SECOND.end().plus(Duration.ofHours(5)));

    static BookingView confirmed(TimeRange... dates) {
        BookingRequested requested = new BookingRequested("b-1", "r-1", "Standup", dates[0], List.of(dates),
                dates.length > 1 ? "RRULE:FREQ=WEEKLY;COUNT=2" : null, ConflictPolicy.SKIP_CONFLICTS, 4, List.of(), null,
                "alice");
        return BookingViewFold.decided(BookingViewFold.requested(requested, 0), BookingStatus.CONFIRMED, List.of(dates),
                List.of(), List.of(), 1);
    }

    @Test
    void each_date_shows_its_outlook_event_and_keeps_it_when_moved_checked_in_or_cancelled() {
        BookingView view = BookingViewFold.externalEventRecorded(confirmed(FIRST, SECOND), FIRST, "AAMk-1", 2);
        view = BookingViewFold.externalEventRecorded(view, SECOND, "AAMk-2", 3);

        assertThat(view.occurrences()).extracting(Occurrence::externalEventId).containsExactly("AAMk-1", "AAMk-2");
        assertThat(view.revision()).isEqualTo(3);

        view = BookingViewFold.rescheduled(view, new BookingRescheduled("b-1", "r-1", SECOND, LATER), 4);
        view = BookingViewFold.checkedIn(view, FIRST, FIRST.start(), 5);
        assertThat(view.occurrences()).extracting(Occurrence::externalEventId).containsExactly("AAMk-1", "AAMk-2");
        assertThat(view.occurrences().get(1).start()).isEqualTo(LATER.start());

        view = BookingViewFold.occurrenceCancelled(view, LATER, 6);
        view = BookingViewFold.cancelled(view, 7);
        assertThat(view.occurrences()).extracting(Occurrence::externalEventId).containsExactly("AAMk-1", "AAMk-2");
    }

    @Test
    void a_single_booking_moved_keeps_its_outlook_event() {
        BookingView view = BookingViewFold.externalEventRecorded(confirmed(FIRST), FIRST, "AAMk-1", 2);

        view = BookingViewFold.rescheduled(view, new BookingRescheduled("b-1", "r-1", FIRST, LATER), 3);

        assertThat(view.occurrences()).singleElement().satisfies(o -> {
            assertThat(o.start()).isEqualTo(LATER.start());
            assertThat(o.externalEventId()).isEqualTo("AAMk-1");
        });
    }
}
