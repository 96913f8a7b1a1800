package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Check-in in the booking view (ADR 0033): when each date is due, checked in, or a no-show. */
class BookingViewCheckInFoldTest {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");
    static final TimeRange FIRST = new TimeRange(MONDAY_9, MONDAY_9.plus(Duration.ofHours(1)));
    static final TimeRange SECOND = new TimeRange(MONDAY_9.plus(Duration.ofDays(7)), MONDAY_9.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
    static final BookingRequested SERIES = new BookingRequested("b-1", "r-1", "Standup", FIRST, List.of(FIRST, SECOND),
            "RRULE:FREQ=WEEKLY;COUNT=2", ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");
    static final CheckInPolicy TEN_MINUTES = new CheckInPolicy(true, 10);

    static BookingView confirmed() {
        return BookingViewFold.decided(BookingViewFold.requested(SERIES, 0), BookingStatus.CONFIRMED,
                List.of(FIRST, SECOND), List.of(), List.of(), TEN_MINUTES, 1);
    }

    @Test
    void under_a_required_check_in_each_confirmed_date_is_due_at_its_window_end() {
        assertThat(confirmed().occurrences()).extracting(Occurrence::checkInDueAt)
                .containsExactly(FIRST.start().plus(Duration.ofMinutes(10)), SECOND.start().plus(Duration.ofMinutes(10)));
        BookingView optional = BookingViewFold.decided(BookingViewFold.requested(SERIES, 0), BookingStatus.CONFIRMED,
                List.of(FIRST, SECOND), List.of(), List.of(), new CheckInPolicy(false, 10), 1);
        assertThat(optional.occurrences()).extracting(Occurrence::checkInDueAt).containsOnlyNulls();
    }

    @Test
    void a_check_in_is_kept_on_its_date_and_a_no_show_releases_only_its_date() {
        Instant at = FIRST.start().plus(Duration.ofMinutes(3));
        BookingView view = BookingViewFold.checkedIn(confirmed(), FIRST, at, 2);
        view = BookingViewFold.noShow(view, SECOND, 3);

        assertThat(view.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(view.occurrences()).extracting(Occurrence::status)
                .containsExactly(OccurrenceStatus.CONFIRMED, OccurrenceStatus.NO_SHOW);
        assertThat(view.occurrences()).extracting(Occurrence::checkedInAt).containsExactly(at, null);
        assertThat(view.revision()).isEqualTo(3);
    }

    @Test
    void a_booking_whose_dates_were_all_missed_is_a_no_show_and_off_the_calendar() {
        BookingView view = BookingViewFold.bookingNoShow(
                BookingViewFold.noShow(BookingViewFold.noShow(confirmed(), FIRST, 2), SECOND, 3), 4);

        assertThat(view.status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(view.status().isActive()).isFalse();
        assertThat(view.occurrences()).extracting(Occurrence::status).containsOnly(OccurrenceStatus.NO_SHOW);
    }

    @Test
    void a_moved_date_keeps_the_length_of_its_check_in_window() {
        BookingRequested single = new BookingRequested("b-1", "r-1", "Standup", FIRST, List.of(FIRST), null,
                ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");
        BookingView view = BookingViewFold.decided(BookingViewFold.requested(single, 0), BookingStatus.CONFIRMED,
                List.of(FIRST), List.of(), List.of(), TEN_MINUTES, 1);
        TimeRange later = new TimeRange(FIRST.start().plus(Duration.ofHours(3)), FIRST.end().plus(Duration.ofHours(3)));

        view = BookingViewFold.rescheduled(view, new BookingRescheduled("b-1", "r-1", FIRST, later), 2);

        assertThat(view.occurrences().get(0).checkInDueAt()).isEqualTo(later.start().plus(Duration.ofMinutes(10)));
    }
}
