package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.RescheduleStatus;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given a booking's events, the view the fold computes. */
class BookingViewFoldTest {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");
    static final TimeRange FIRST = range(MONDAY_9, 60);
    static final TimeRange SECOND = range(MONDAY_9.plus(Duration.ofDays(7)), 60);
    static final BookingRequested SERIES = new BookingRequested("b-1", "r-1", "Standup", FIRST, List.of(FIRST, SECOND),
            "RRULE:FREQ=WEEKLY;COUNT=2", ConflictPolicy.SKIP_CONFLICTS, 4, List.of("bob"), "weekly", "alice");

    @Test
    void a_requested_series_lists_every_date_as_requested() {
        BookingView view = BookingViewFold.requested(SERIES, 0);

        assertThat(view.status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(view.occurrences()).containsExactly(new Occurrence(FIRST.start(), FIRST.end(), OccurrenceStatus.REQUESTED),
                new Occurrence(SECOND.start(), SECOND.end(), OccurrenceStatus.REQUESTED));
        assertThat(view.requester()).isEqualTo("alice");
        assertThat(view.revision()).isZero();
    }

    @Test
    void a_private_bookings_privacy_and_category_stay_with_its_view_through_its_decision() {
        BookingRequested secret = new BookingRequested("b-2", "r-1", "Salary talk", FIRST, List.of(FIRST), null,
                ConflictPolicy.ALL_OR_NOTHING, 2, List.of(), null, "olga", null, true, "Training");

        BookingView view = BookingViewFold.decided(BookingViewFold.requested(secret, 0), BookingStatus.CONFIRMED,
                List.of(FIRST), List.of(), List.of(), 1);

        assertThat(view.privateBooking()).isTrue();
        assertThat(view.category()).isEqualTo("Training");
        assertThat(BookingViewFold.requested(SERIES, 0).privateBooking()).isFalse();
    }

    @Test
    void a_series_confirmed_with_one_date_skipped_shows_which_and_why() {
        Conflict taken = new Conflict(SECOND, Conflict.Source.BOOKING, "b-0", SECOND);

        BookingView view = BookingViewFold.decided(BookingViewFold.requested(SERIES, 0), BookingStatus.CONFIRMED,
                List.of(FIRST), List.of(SECOND), List.of(taken), 1);

        assertThat(view.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(view.occurrences()).extracting(Occurrence::status).containsExactly(OccurrenceStatus.CONFIRMED, OccurrenceStatus.SKIPPED);
        assertThat(view.conflicts()).containsExactly(taken);
        assertThat(view.revision()).isEqualTo(1);
    }

    @Test
    void cancelling_one_date_leaves_the_others_and_cancelling_the_booking_ends_the_rest() {
        BookingView confirmed = BookingViewFold.decided(BookingViewFold.requested(SERIES, 0), BookingStatus.CONFIRMED,
                List.of(FIRST, SECOND), List.of(), List.of(), 1);

        BookingView oneDate = BookingViewFold.occurrenceCancelled(confirmed, SECOND, 2);
        BookingView whole = BookingViewFold.cancelled(oneDate, 3);

        assertThat(oneDate.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(oneDate.occurrences()).extracting(Occurrence::status).containsExactly(OccurrenceStatus.CONFIRMED, OccurrenceStatus.CANCELLED);
        assertThat(whole.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(whole.occurrences()).extracting(Occurrence::status).containsExactly(OccurrenceStatus.CANCELLED, OccurrenceStatus.CANCELLED);
    }

    @Test
    void a_rejected_request_carries_its_conflicts_the_rules_broken_and_free_slots_nearest_first_scored() {
        Conflict taken = new Conflict(FIRST, Conflict.Source.BOOKING, "b-0", FIRST);
        TimeRange sameTime = FIRST;
        TimeRange threeHoursLater = range(MONDAY_9.plus(Duration.ofHours(3)), 60);

        BookingView view = BookingViewFold.rejected(BookingViewFold.requested(SERIES, 0), new BookingRejected("b-1", "r-1",
                List.of(taken), List.of(FieldViolation.of("attendees", Rule.OVER_CAPACITY, 12, 10)),
                List.of(sameTime, threeHoursLater)), 1);

        assertThat(view.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(view.occurrences()).extracting(Occurrence::status).containsOnly(OccurrenceStatus.REJECTED);
        assertThat(view.violations()).containsExactly("attendees: 12 attendees exceed this resource's capacity of 10");
        assertThat(view.refusals()).containsExactly(FieldViolation.of("attendees", Rule.OVER_CAPACITY, 12, 10));
        assertThat(view.suggestions()).containsExactly(new Suggestion("r-1", sameTime.start(), sameTime.end(), 1.0),
                new Suggestion("r-1", threeHoursLater.start(), threeHoursLater.end(), 0.25));
    }

    @Test
    void a_rejected_approval_ends_the_booking_with_the_approvers_comment() {
        BookingView pending = BookingViewFold.decided(BookingViewFold.requested(SERIES, 0), BookingStatus.PENDING_APPROVAL,
                List.of(FIRST, SECOND), List.of(), List.of(), 1);

        BookingView view = BookingViewFold.declined(pending, new BookingDeclined("b-1", "r-1", "a-1",
                BookingStatus.REJECTED, "olga", "painting that week"), 2);

        assertThat(view.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(view.occurrences()).extracting(Occurrence::status).containsOnly(OccurrenceStatus.REJECTED);
        assertThat(view.violations()).containsExactly("approval: painting that week");
        assertThat(view.refusals()).containsExactly(new FieldViolation("approval", "painting that week"));
    }

    @Test
    void a_move_replaces_the_slot_and_a_refused_move_only_says_why() {
        BookingRequested single = new BookingRequested("b-2", "r-1", "Review", FIRST, List.of(FIRST), null,
                ConflictPolicy.ALL_OR_NOTHING, 2, List.of(), null, "alice");
        BookingView confirmed = BookingViewFold.decided(BookingViewFold.requested(single, 0), BookingStatus.CONFIRMED,
                List.of(FIRST), List.of(), List.of(), 1);
        TimeRange later = range(MONDAY_9.plus(Duration.ofHours(2)), 60);

        BookingView refused = BookingViewFold.rescheduleRefused(confirmed, new RescheduleRefused("b-2", "r-1", later,
                List.of(), List.of(FieldViolation.of("start", Rule.IN_THE_PAST))), 2);
        BookingView moved = BookingViewFold.rescheduled(refused, new BookingRescheduled("b-2", "r-1", FIRST, later), 3);

        assertThat(refused.occurrences()).isEqualTo(confirmed.occurrences());
        assertThat(refused.lastReschedule()).isEqualTo(new RescheduleOutcome(RescheduleStatus.REFUSED, later.start(), later.end(),
                List.of(), List.of("start: is in the past"), List.of(FieldViolation.of("start", Rule.IN_THE_PAST))));
        assertThat(moved.start()).isEqualTo(later.start());
        assertThat(moved.occurrences()).containsExactly(new Occurrence(later.start(), later.end(), OccurrenceStatus.CONFIRMED));
        assertThat(moved.lastReschedule().status()).isEqualTo(RescheduleStatus.MOVED);
    }

    @Test
    void moving_one_date_of_a_series_moves_that_date_and_keeps_the_others_and_the_series_start() {
        BookingView confirmed = BookingViewFold.decided(BookingViewFold.requested(SERIES, 0), BookingStatus.CONFIRMED,
                List.of(FIRST, SECOND), List.of(), List.of(), 1);
        TimeRange tuesday = range(SECOND.start().plus(Duration.ofDays(1)), 60);

        BookingView moved = BookingViewFold.rescheduled(confirmed, new BookingRescheduled("b-1", "r-1", SECOND, tuesday), 2);

        assertThat(moved.occurrences()).containsExactly(
                new Occurrence(FIRST.start(), FIRST.end(), OccurrenceStatus.CONFIRMED),
                new Occurrence(tuesday.start(), tuesday.end(), OccurrenceStatus.CONFIRMED));
        assertThat(moved.start()).isEqualTo(FIRST.start());
        assertThat(moved.lastReschedule().status()).isEqualTo(RescheduleStatus.MOVED);
    }

    static TimeRange range(Instant start, int minutes) {
        return new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
    }
}
