package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.CheckInDue;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.RescheduleStatus;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every booking view store does, whatever keeps it (SQLite, PostgreSQL, MongoDB): each adapter's
 * test extends this with its own store.
 */
abstract class BookingViewStoreContract {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");

    abstract BookingViewStore store();

    @Test
    void a_saved_booking_is_found_as_it_was_saved() {
        TimeRange slot = slot(MONDAY_9, 60);
        BookingView view = new BookingView("b-1", "Standup", "r-1", slot.start(), slot.end(), BookingStatus.REJECTED,
                "alice", 4, List.of("bob", "carol"), "weekly", "RRULE:FREQ=WEEKLY;COUNT=2",
                List.of(new Occurrence(slot.start(), slot.end(), OccurrenceStatus.REJECTED)),
                List.of(new Conflict(slot, Conflict.Source.BOOKING, "b-0", slot)),
                List.of("attendees: 12 attendees exceed this resource's capacity of 10"),
                List.of(FieldViolation.of("attendees", Rule.OVER_CAPACITY, 12, 10)),
                List.of(new Suggestion("r-1", MONDAY_9.plusSeconds(3600), MONDAY_9.plusSeconds(7200), 0.5)),
                new RescheduleOutcome(RescheduleStatus.REFUSED, slot.start(), slot.end(), List.of(), List.of("start: is in the past"),
                        List.of(FieldViolation.of("start", Rule.IN_THE_PAST))), 3);

        store().save(view);

        assertThat(store().find("b-1")).contains(view);
        assertThat(store().find("b-2")).isEmpty();
    }

    @Test
    void the_outlook_event_of_each_date_is_kept_with_the_view() {
        TimeRange first = slot(MONDAY_9, 60);
        TimeRange second = slot(MONDAY_9.plus(Duration.ofDays(7)), 60);
        BookingView series = new BookingView("b-1", "Weekly", "r-1", first.start(), first.end(), BookingStatus.CONFIRMED,
                "alice", 4, List.of(), null, "RRULE:FREQ=WEEKLY;COUNT=2", List.of(
                        new Occurrence(first.start(), first.end(), OccurrenceStatus.CONFIRMED, null, null, "AAMk-1"),
                        new Occurrence(second.start(), second.end(), OccurrenceStatus.CANCELLED, null, null, "AAMk-2")),
                List.of(), List.of(), List.of(), List.of(), null, 5);

        store().save(series);

        assertThat(store().find("b-1").orElseThrow().occurrences()).extracting(Occurrence::externalEventId)
                .containsExactly("AAMk-1", "AAMk-2");
    }

    @Test
    void saving_a_booking_again_replaces_it_and_the_calendar_follows() {
        BookingView confirmed = booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60));
        store().save(confirmed);
        assertThat(calendar(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(7200), "r-1")).hasSize(1);

        BookingView cancelled = booking("b-1", "r-1", "alice", BookingStatus.CANCELLED, slot(MONDAY_9, 60));
        store().save(cancelled);

        assertThat(store().find("b-1")).contains(cancelled);
        assertThat(calendar(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(7200), "r-1")).isEmpty();
    }

    @Test
    void the_calendar_lists_each_active_occurrence_overlapping_the_window_of_one_resource_or_all() {
        store().save(booking("mine", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60)));
        store().save(booking("pending", "r-1", "bob", BookingStatus.PENDING_APPROVAL, slot(MONDAY_9.plusSeconds(7200), 30)));
        store().save(booking("other-room", "r-2", "bob", BookingStatus.CONFIRMED, slot(MONDAY_9, 60)));
        store().save(booking("ends-at-the-window", "r-1", "bob", BookingStatus.CONFIRMED, slot(MONDAY_9.minusSeconds(3600), 60)));
        store().save(booking("starts-at-its-end", "r-1", "bob", BookingStatus.CONFIRMED, slot(MONDAY_9.plusSeconds(4 * 3600), 60)));
        store().save(booking("rejected", "r-1", "bob", BookingStatus.REJECTED, slot(MONDAY_9, 60)));
        store().save(booking("requested", "r-1", "bob", BookingStatus.REQUESTED, slot(MONDAY_9, 60)));
        TimeRange kept = slot(MONDAY_9.plusSeconds(3600), 30);
        TimeRange cancelledDate = slot(MONDAY_9.plusSeconds(5400), 30);
        store().save(new BookingView("series", "Series", "r-1", kept.start(), kept.end(), BookingStatus.CONFIRMED,
                "carol", 2, List.of(), null, "RRULE:FREQ=DAILY;COUNT=2", List.of(
                        new Occurrence(kept.start(), kept.end(), OccurrenceStatus.CONFIRMED),
                        new Occurrence(cancelledDate.start(), cancelledDate.end(), OccurrenceStatus.CANCELLED)),
                List.of(), List.of(), List.of(), List.of(), null, 4));

        Instant from = MONDAY_9;
        Instant to = MONDAY_9.plusSeconds(4 * 3600);
        assertThat(calendar(from, to, "r-1")).extracting(CalendarEntry::bookingId)
                .containsExactlyInAnyOrder("mine", "pending", "series");
        assertThat(calendar(from, to, null)).extracting(CalendarEntry::bookingId)
                .containsExactlyInAnyOrder("mine", "pending", "series", "other-room");
        assertThat(calendar(from, to, "r-1")).filteredOn(e -> e.bookingId().equals("series")).singleElement()
                .isEqualTo(new CalendarEntry("series", "Series", "r-1", kept.start(), kept.end(), BookingStatus.CONFIRMED,
                        "carol", false, null));
        assertThat(calendar(from, to, "r-1")).filteredOn(e -> e.bookingId().equals("pending")).singleElement()
                .extracting(CalendarEntry::status).isEqualTo(BookingStatus.PENDING_APPROVAL);
    }

    @Test
    void a_private_bookings_calendar_entries_carry_who_asked_that_it_is_private_and_its_category() {
        TimeRange slot = slot(MONDAY_9, 60);
        BookingView secret = new BookingView("secret", "Salary talk", "r-1", slot.start(), slot.end(),
                BookingStatus.CONFIRMED, "olga", 2, List.of("dana"), "about the raise", null,
                List.of(new Occurrence(slot.start(), slot.end(), OccurrenceStatus.CONFIRMED)), List.of(), List.of(),
                List.of(), List.of(), null, 2, true, "Training");

        store().save(secret);

        assertThat(store().find("secret")).contains(secret);
        assertThat(calendar(MONDAY_9, MONDAY_9.plusSeconds(3600), "r-1")).containsExactly(new CalendarEntry("secret",
                "Salary talk", "r-1", slot.start(), slot.end(), BookingStatus.CONFIRMED, "olga", true, "Training"));
    }

    @Test
    void a_long_booking_that_began_long_before_the_window_is_still_on_the_calendar() {
        store().save(booking("short", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9.minus(Duration.ofDays(30)), 60)));
        store().save(booking("conference", "r-1", "alice", BookingStatus.CONFIRMED,
                new TimeRange(MONDAY_9.minus(Duration.ofDays(20)), MONDAY_9.plus(Duration.ofDays(1)))));

        assertThat(calendar(MONDAY_9, MONDAY_9.plusSeconds(3600), "r-1")).extracting(CalendarEntry::bookingId)
                .containsExactly("conference");
        assertThat(calendar(MONDAY_9, MONDAY_9.plusSeconds(3600), null)).extracting(CalendarEntry::bookingId)
                .containsExactly("conference");
    }

    @Test
    void a_requesters_bookings_come_latest_start_first_and_no_more_than_asked() {
        for (int day = 0; day < 5; day++) {
            store().save(booking("a-" + day, "r-1", "alice", BookingStatus.CONFIRMED,
                    slot(MONDAY_9.plus(Duration.ofDays(day)), 60)));
        }
        store().save(booking("b-0", "r-1", "bob", BookingStatus.CONFIRMED, slot(MONDAY_9.plus(Duration.ofDays(9)), 60)));

        assertThat(store().requestedBy("alice", 3)).extracting(BookingView::bookingId).containsExactly("a-4", "a-3", "a-2");
        assertThat(store().requestedBy("nobody", 3)).isEmpty();
    }

    @Test
    void the_cancelled_bookings_of_a_resource_with_a_date_in_the_window_are_found_and_follow_each_save() {
        store().save(booking("cancelled", "r-1", "alice", BookingStatus.CANCELLED, slot(MONDAY_9, 60)));
        store().save(booking("other-room", "r-2", "alice", BookingStatus.CANCELLED, slot(MONDAY_9, 60)));
        store().save(booking("later", "r-1", "alice", BookingStatus.CANCELLED, slot(MONDAY_9.plusSeconds(86400), 60)));
        store().save(booking("confirmed", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60)));
        TimeRange first = slot(MONDAY_9.minusSeconds(7 * 86400), 60);
        store().save(new BookingView("series", "Series", "r-1", first.start(), first.end(), BookingStatus.CANCELLED,
                "carol", 2, List.of(), null, "RRULE:FREQ=WEEKLY;COUNT=2", List.of(
                        new Occurrence(first.start(), first.end(), OccurrenceStatus.CANCELLED),
                        new Occurrence(MONDAY_9, MONDAY_9.plusSeconds(3600), OccurrenceStatus.CANCELLED)),
                List.of(), List.of(), List.of(), List.of(), null, 5));

        assertThat(store().cancelledBetween(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(7200), "r-1"))
                .extracting(BookingView::bookingId).containsExactlyInAnyOrder("cancelled", "series");

        store().save(booking("confirmed", "r-1", "alice", BookingStatus.CANCELLED, slot(MONDAY_9, 60)));
        assertThat(store().cancelledBetween(MONDAY_9, MONDAY_9.plusSeconds(60), "r-1"))
                .extracting(BookingView::bookingId).containsExactlyInAnyOrder("cancelled", "series", "confirmed");
        store().clear();
        assertThat(store().cancelledBetween(MONDAY_9, MONDAY_9.plusSeconds(60), "r-1")).isEmpty();
    }

    @Test
    void clearing_forgets_every_booking_and_its_place_on_the_calendar() {
        store().save(booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60)));

        store().clear();

        assertThat(store().find("b-1")).isEmpty();
        assertThat(store().requestedBy("alice", 10)).isEmpty();
        assertThat(calendar(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(7200), null)).isEmpty();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_what_an_earlier_one_saved() {
        BookingView requested = booking("b-1", "r-1", "alice", BookingStatus.REQUESTED, slot(MONDAY_9, 60));
        BookingView confirmed = booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().save(requested);
            assertThat(store().find("b-1")).contains(requested);
            store().save(confirmed);
            assertThat(store().find("b-1")).contains(confirmed);
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().find("b-1")).contains(confirmed);
        assertThat(calendar(MONDAY_9, MONDAY_9.plusSeconds(60), "r-1")).hasSize(1);
    }

    @Test
    void a_date_needing_check_in_is_due_once_its_window_ended_until_checked_in_or_released() {
        TimeRange monday = slot(MONDAY_9, 60);
        TimeRange tuesday = slot(MONDAY_9.plus(Duration.ofDays(1)), 60);
        Instant mondayDue = MONDAY_9.plus(Duration.ofMinutes(10));
        Instant tuesdayDue = tuesday.start().plus(Duration.ofMinutes(10));
        BookingView series = withOccurrences(booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, monday),
                new Occurrence(monday.start(), monday.end(), OccurrenceStatus.CONFIRMED, mondayDue, null),
                new Occurrence(tuesday.start(), tuesday.end(), OccurrenceStatus.CONFIRMED, tuesdayDue, null));
        store().save(series);
        store().save(booking("b-2", "r-1", "bob", BookingStatus.CONFIRMED, slot(MONDAY_9.minusSeconds(7200), 30)));

        assertThat(store().find("b-1")).contains(series);
        assertThat(store().checkInsDue(mondayDue.minusMillis(1), 10)).isEmpty();
        assertThat(store().checkInsDue(mondayDue, 10)).containsExactly(new CheckInDue("b-1", monday.start(), monday.end()));
        assertThat(store().checkInsDue(tuesdayDue, 10)).containsExactly(
                new CheckInDue("b-1", monday.start(), monday.end()), new CheckInDue("b-1", tuesday.start(), tuesday.end()));
        assertThat(store().checkInsDue(tuesdayDue, 1)).hasSize(1);

        // Monday checked in, Tuesday a no-show: nothing is due any more
        store().save(withOccurrences(series,
                new Occurrence(monday.start(), monday.end(), OccurrenceStatus.CONFIRMED, mondayDue, MONDAY_9),
                new Occurrence(tuesday.start(), tuesday.end(), OccurrenceStatus.NO_SHOW, tuesdayDue, null)));
        assertThat(store().checkInsDue(tuesdayDue.plusSeconds(60), 10)).isEmpty();
        assertThat(store().find("b-1").orElseThrow().occurrences().get(0).checkedInAt()).isEqualTo(MONDAY_9);
    }

    @Test
    void reports_find_the_bookings_with_a_held_date_starting_in_the_period_of_one_requester_or_all() {
        TimeRange monday = slot(MONDAY_9, 60);
        TimeRange nextMonday = slot(MONDAY_9.plus(Duration.ofDays(7)), 60);
        BookingView series = withOccurrences(booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, monday),
                new Occurrence(monday.start(), monday.end(), OccurrenceStatus.NO_SHOW),
                new Occurrence(nextMonday.start(), nextMonday.end(), OccurrenceStatus.CONFIRMED));
        BookingView bobs = booking("b-2", "r-2", "bob", BookingStatus.CONFIRMED, slot(MONDAY_9.plusSeconds(3600), 30));
        BookingView pending = booking("b-3", "r-1", "alice", BookingStatus.PENDING_APPROVAL, slot(MONDAY_9, 30));
        store().save(series);
        store().save(bobs);
        store().save(pending);
        Instant weekEnd = MONDAY_9.plus(Duration.ofDays(6));

        assertThat(store().heldStartingBetween(MONDAY_9, weekEnd, null)).containsExactlyInAnyOrder(series, bobs);
        assertThat(store().heldStartingBetween(MONDAY_9, weekEnd, "alice")).containsExactly(series);
        assertThat(store().heldStartingBetween(MONDAY_9.plusSeconds(1), weekEnd, "alice")).as("counted by start")
                .isEmpty();
        assertThat(store().heldStartingBetween(weekEnd, weekEnd.plus(Duration.ofDays(7)), null))
                .containsExactly(series);

        store().save(withStatus(bobs, BookingStatus.CANCELLED, new Occurrence(bobs.start(), bobs.end(),
                OccurrenceStatus.CANCELLED)));
        assertThat(store().heldStartingBetween(MONDAY_9, weekEnd, null)).containsExactly(series);
        store().clear();
        assertThat(store().heldStartingBetween(MONDAY_9, weekEnd, null)).isEmpty();
    }

    @Test
    void a_cancelled_booking_and_a_cleared_store_have_nothing_due() {
        TimeRange monday = slot(MONDAY_9, 60);
        Instant due = MONDAY_9.plus(Duration.ofMinutes(10));
        BookingView confirmed = withOccurrences(booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, monday),
                new Occurrence(monday.start(), monday.end(), OccurrenceStatus.CONFIRMED, due, null));
        store().save(confirmed);
        store().save(withStatus(confirmed, BookingStatus.CANCELLED, new Occurrence(monday.start(), monday.end(),
                OccurrenceStatus.CANCELLED)));
        assertThat(store().checkInsDue(due, 10)).isEmpty();

        store().save(confirmed);
        store().clear();
        assertThat(store().checkInsDue(due, 10)).isEmpty();
    }

    @Test
    void the_bookings_mentioning_a_person_are_those_they_requested_or_declined_this_batch_s_included() {
        store().save(booking("mine", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60)));
        store().save(declined(booking("declined-by-her", "r-1", "bob", BookingStatus.PENDING_APPROVAL,
                slot(MONDAY_9.plusSeconds(7200), 60)), "alice", "no room for that"));
        // a name containing hers, and a text naming her: neither is hers
        store().save(declined(booking("alice_b", "r-1", "alice_b", BookingStatus.PENDING_APPROVAL,
                slot(MONDAY_9.plusSeconds(14400), 60)), "carol", "ask alice"));

        assertThat(store().mentioning("alice")).extracting(BookingView::bookingId)
                .containsExactlyInAnyOrder("mine", "declined-by-her");
        assertThat(store().mentioning("alice_b")).extracting(BookingView::bookingId).containsExactly("alice_b");
        assertThat(store().mentioning("dave")).isEmpty();

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().save(booking("new-in-batch", "r-2", "alice", BookingStatus.REQUESTED, slot(MONDAY_9, 60)));
            assertThat(store().mentioning("alice")).extracting(BookingView::bookingId)
                    .containsExactlyInAnyOrder("mine", "declined-by-her", "new-in-batch");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
    }

    @Test
    void an_erased_requester_s_booking_shows_the_erased_title_wherever_it_is_read_and_keeps_its_place() {
        TimeRange slot = slot(MONDAY_9, 60);
        BookingView mine = new BookingView("b-1", "Alice's surprise party", "r-1", slot.start(), slot.end(),
                BookingStatus.CONFIRMED, "alice", 3, List.of("Bob Baker", "Carol King"), "Do not tell Bob", null,
                List.of(new Occurrence(slot.start(), slot.end(), OccurrenceStatus.CONFIRMED)), List.of(), List.of(),
                List.of(), List.of(), null, 4);
        store().save(mine);

        BookingView erased = BookingViewFold.erased(mine, "alice");
        store().save(erased);

        assertThat(erased.title()).isEqualTo(io.aura.kernel.privacy.PersonalData.ERASED);
        assertThat(erased.description()).isNull();
        assertThat(erased.attendeeNames()).isEmpty();
        assertThat(erased.attendees()).isEqualTo(3);
        assertThat(store().find("b-1")).contains(erased);
        assertThat(calendar(MONDAY_9, MONDAY_9.plusSeconds(60), "r-1")).extracting(CalendarEntry::title)
                .containsExactly(io.aura.kernel.privacy.PersonalData.ERASED);
        assertThat(store().requestedBy("alice", 10)).containsExactly(erased);
        assertThat(store().heldStartingBetween(MONDAY_9, MONDAY_9.plusSeconds(60), "alice")).containsExactly(erased);
    }

    @Test
    void an_erased_approver_s_comment_reads_as_erased_on_someone_else_s_booking_whose_title_stays() {
        BookingView declined = declined(booking("b-1", "r-1", "bob", BookingStatus.REJECTED, slot(MONDAY_9, 60)),
                "alice", "Alice thinks it too dear");
        store().save(declined);

        BookingView erased = BookingViewFold.erased(declined, "alice");
        store().save(erased);

        assertThat(store().find("b-1")).contains(erased);
        assertThat(erased.title()).isEqualTo("Booking b-1");
        assertThat(erased.refusals()).extracting(FieldViolation::message)
                .containsExactly(io.aura.kernel.privacy.PersonalData.ERASED);
        assertThat(erased.violations()).containsExactly("approval: " + io.aura.kernel.privacy.PersonalData.ERASED);
        assertThat(BookingViewFold.erased(erased, "alice")).isEqualTo(erased);
    }

    /** As the fold leaves a booking an approval declined, with {@code by}'s comment. */
    static BookingView declined(BookingView v, String by, String comment) {
        return BookingViewFold.declined(v, new io.aura.kernel.booking.BookingEvents.BookingDeclined(v.bookingId(),
                v.resourceId(), "a-" + v.bookingId(), BookingStatus.REJECTED, by, comment), v.revision() + 1);
    }

    @Test
    void the_bookings_whose_last_date_ended_before_a_cutoff_are_found_earliest_first_of_one_resource_or_all() {
        Instant cutoff = MONDAY_9;
        BookingView lastYear = booking("last-year", "r-1", "alice", BookingStatus.CONFIRMED,
                slot(MONDAY_9.minus(Duration.ofDays(365)), 60));
        BookingView lastWeek = booking("last-week", "r-2", "bob", BookingStatus.CANCELLED,
                slot(MONDAY_9.minus(Duration.ofDays(7)), 60));
        BookingView endsAtTheCutoff = booking("ends-at-the-cutoff", "r-1", "bob", BookingStatus.CONFIRMED,
                slot(MONDAY_9.minusSeconds(3600), 60));
        TimeRange old = slot(MONDAY_9.minus(Duration.ofDays(14)), 60);
        TimeRange later = slot(MONDAY_9.plus(Duration.ofDays(14)), 60);
        BookingView seriesGoingOn = withOccurrences(booking("series", "r-1", "carol", BookingStatus.CONFIRMED, old),
                new Occurrence(old.start(), old.end(), OccurrenceStatus.CONFIRMED),
                new Occurrence(later.start(), later.end(), OccurrenceStatus.CONFIRMED));
        List.of(lastYear, lastWeek, endsAtTheCutoff, seriesGoingOn).forEach(store()::save);

        assertThat(store().endedBefore(cutoff, null, 10)).containsExactly(lastYear, lastWeek);
        assertThat(store().endedBefore(cutoff, null, 1)).containsExactly(lastYear);
        assertThat(store().endedBefore(cutoff, "r-2", 10)).containsExactly(lastWeek);

        // moved into the future: no longer ended
        store().save(withOccurrences(lastWeek, new Occurrence(later.start(), later.end(), OccurrenceStatus.CANCELLED)));
        assertThat(store().endedBefore(cutoff, null, 10)).containsExactly(lastYear);
    }

    @Test
    void a_removed_booking_leaves_every_read_and_the_others_stay() {
        TimeRange monday = slot(MONDAY_9, 60);
        Instant due = MONDAY_9.plus(Duration.ofMinutes(10));
        BookingView gone = withOccurrences(booking("gone", "r-1", "alice", BookingStatus.CONFIRMED, monday),
                new Occurrence(monday.start(), monday.end(), OccurrenceStatus.CONFIRMED, due, null));
        BookingView goneCancelled = booking("gone-cancelled", "r-1", "alice", BookingStatus.CANCELLED, monday);
        BookingView kept = booking("kept", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9.plusSeconds(7200), 60));
        List.of(gone, goneCancelled, kept).forEach(store()::save);
        Instant dayAfter = MONDAY_9.plus(Duration.ofDays(1));

        store().remove(List.of("gone", "gone-cancelled", "never-stored"));

        assertThat(store().find("gone")).isEmpty();
        assertThat(store().find("gone-cancelled")).isEmpty();
        assertThat(store().find("kept")).contains(kept);
        assertThat(store().requestedBy("alice", 10)).containsExactly(kept);
        assertThat(calendar(MONDAY_9, dayAfter, "r-1")).extracting(CalendarEntry::bookingId).containsExactly("kept");
        assertThat(calendar(MONDAY_9, dayAfter, null)).extracting(CalendarEntry::bookingId).containsExactly("kept");
        assertThat(store().heldStartingBetween(MONDAY_9, dayAfter, null)).containsExactly(kept);
        assertThat(store().heldStartingBetween(MONDAY_9, dayAfter, "alice")).containsExactly(kept);
        assertThat(store().cancelledBetween(MONDAY_9, dayAfter, "r-1")).isEmpty();
        assertThat(store().checkInsDue(due, 10)).isEmpty();
        assertThat(store().endedBefore(dayAfter, null, 10)).containsExactly(kept);
    }

    static BookingView withOccurrences(BookingView v, Occurrence... occurrences) {
        return withStatus(v, v.status(), occurrences);
    }

    static BookingView withStatus(BookingView v, BookingStatus status, Occurrence... occurrences) {
        return new BookingView(v.bookingId(), v.title(), v.resourceId(), v.start(), v.end(), status, v.requester(),
                v.attendees(), v.attendeeNames(), v.description(), v.recurrence(), List.of(occurrences), v.conflicts(),
                v.violations(), v.refusals(), v.suggestions(), v.lastReschedule(), v.revision() + 1);
    }

    List<CalendarEntry> calendar(Instant from, Instant to, String resourceId) {
        return store().activeBetween(from, to, resourceId);
    }

    static TimeRange slot(Instant start, int minutes) {
        return new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
    }

    static BookingView booking(String id, String resourceId, String requester, BookingStatus status, TimeRange slot) {
        OccurrenceStatus occurrenceStatus = OccurrenceStatus.of(status);
        return new BookingView(id, "Booking " + id, resourceId, slot.start(), slot.end(), status, requester, 2, List.of(),
                null, null, List.of(new Occurrence(slot.start(), slot.end(), occurrenceStatus)), List.of(), List.of(),
                List.of(), List.of(), null, 1);
    }
}
