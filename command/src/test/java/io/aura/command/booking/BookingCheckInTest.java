package io.aura.command.booking;

import static io.aura.command.booking.BookingTestData.aBookingRequest;

import io.aura.command.Fixtures;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CheckIn;
import io.aura.kernel.booking.BookingCommands.ConfirmApprovedBooking;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.MarkNoShow;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCheckedIn;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check-in and no-show (ADR 0033): the booking decides both, one date at a time. */
class BookingCheckInTest {
    static final TimeRange MONDAY = new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));
    static final TimeRange TUESDAY = new TimeRange(Instant.parse("2026-12-08T09:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"));
    /** check-in required within 10 minutes of the start */
    static final CheckInPolicy TEN_MINUTES = new CheckInPolicy(true, 10);
    static final BookingRequested REQUESTED = aBookingRequest("b-1", MONDAY).by("alice").recorded();
    static final BookingConfirmed CONFIRMED = new BookingConfirmed("b-1", "r-1", List.of(MONDAY), List.of(), List.of(),
            TEN_MINUTES);
    static final BookingRequested SERIES_REQUESTED = aBookingRequest("b-1", MONDAY, TUESDAY).by("alice").recorded();
    static final BookingConfirmed SERIES_CONFIRMED = new BookingConfirmed("b-1", "r-1", List.of(MONDAY, TUESDAY),
            List.of(), List.of(), TEN_MINUTES);

    FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Booking.class);
    }

    @Test
    void a_confirmation_keeps_the_check_in_policy_the_hold_was_placed_under() {
        fixture.given(REQUESTED)
                .when(new ConfirmBooking("b-1", List.of(MONDAY), List.of(), List.of(), TEN_MINUTES))
                .expectEvents(CONFIRMED);
    }

    @Test
    void an_approved_booking_is_confirmed_with_the_policy_it_awaited_approval_under() {
        fixture.given(REQUESTED, new BookingAwaitingApproval("b-1", "r-1", List.of(MONDAY), List.of(), List.of(), "a-1",
                        TEN_MINUTES))
                .when(new ConfirmApprovedBooking("b-1", "a-1"))
                .expectEvents(CONFIRMED);
    }

    @Test
    void the_owner_checks_in_within_the_window_and_the_time_is_answered() {
        Instant at = Instant.parse("2026-12-07T09:04:00Z");
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CheckIn("b-1", at, "alice", false))
                .expectEvents(new BookingCheckedIn("b-1", "r-1", MONDAY, at, "alice"))
                .expectResultMessagePayload(at);
    }

    @Test
    void check_in_opens_fifteen_minutes_before_the_start() {
        Instant early = Instant.parse("2026-12-07T08:45:00Z");
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CheckIn("b-1", early, "alice", false))
                .expectEvents(new BookingCheckedIn("b-1", "r-1", MONDAY, early, "alice"));
    }

    @Test
    void before_the_window_a_check_in_is_refused_naming_the_window() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CheckIn("b-1", Instant.parse("2026-12-07T08:44:59Z"), "alice", false))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("checkedInAt: check-in is open from 2026-12-07T08:45:00Z to 2026-12-07T09:10:00Z")
                .expectNoEvents();
    }

    @Test
    void at_the_end_of_the_window_a_check_in_is_too_late() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CheckIn("b-1", Instant.parse("2026-12-07T09:10:00Z"), "alice", false))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void checking_in_again_records_nothing_and_answers_the_first_time() {
        Instant first = Instant.parse("2026-12-07T09:01:00Z");
        fixture.given(REQUESTED, CONFIRMED, new BookingCheckedIn("b-1", "r-1", MONDAY, first, "alice"))
                .when(new CheckIn("b-1", Instant.parse("2026-12-07T09:02:00Z"), "alice", false))
                .expectNoEvents()
                .expectResultMessagePayload(first);
    }

    @Test
    void someone_else_may_not_check_in_but_an_administrator_may() {
        Instant at = Instant.parse("2026-12-07T09:03:00Z");
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CheckIn("b-1", at, "mallory", false))
                .expectException(NotOwnerException.class);
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CheckIn("b-1", at, "admin", true))
                .expectEvents(new BookingCheckedIn("b-1", "r-1", MONDAY, at, "admin"));
    }

    @Test
    void a_booking_that_holds_nothing_cannot_be_checked_in_to() {
        fixture.given(REQUESTED)
                .when(new CheckIn("b-1", Instant.parse("2026-12-07T09:03:00Z"), "alice", false))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("bookingId: this booking holds no date to check in to");
    }

    @Test
    void without_a_policy_check_in_is_recorded_until_the_end_and_never_releases_anything() {
        BookingConfirmed noPolicy = new BookingConfirmed("b-1", "r-1", List.of(MONDAY), List.of(), List.of());
        Instant late = Instant.parse("2026-12-07T09:50:00Z");
        fixture.given(REQUESTED, noPolicy)
                .when(new CheckIn("b-1", late, "alice", false))
                .expectEvents(new BookingCheckedIn("b-1", "r-1", MONDAY, late, "alice"));
        fixture.given(REQUESTED, noPolicy)
                .when(new MarkNoShow("b-1", MONDAY, Instant.parse("2026-12-07T09:59:00Z")))
                .expectNoEvents();
    }

    @Test
    void a_date_not_checked_in_by_the_end_of_its_window_is_a_no_show_and_the_single_booking_with_it() {
        Instant due = Instant.parse("2026-12-07T09:10:00Z");
        fixture.given(REQUESTED, CONFIRMED)
                .when(new MarkNoShow("b-1", MONDAY, due))
                .expectEvents(new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, due, "alice"),
                        new BookingMarkedNoShow("b-1", "r-1"));
    }

    @Test
    void before_its_window_ends_a_date_is_no_no_show() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new MarkNoShow("b-1", MONDAY, Instant.parse("2026-12-07T09:09:59Z")))
                .expectNoEvents();
    }

    @Test
    void a_date_checked_in_to_is_never_a_no_show() {
        fixture.given(REQUESTED, CONFIRMED,
                        new BookingCheckedIn("b-1", "r-1", MONDAY, Instant.parse("2026-12-07T09:09:59Z"), "alice"))
                .when(new MarkNoShow("b-1", MONDAY, Instant.parse("2026-12-07T09:10:00Z")))
                .expectNoEvents();
    }

    @Test
    void a_no_show_is_marked_once_and_a_late_check_in_after_it_is_refused() {
        Instant due = Instant.parse("2026-12-07T09:10:00Z");
        fixture.given(REQUESTED, CONFIRMED, new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, due, "alice"),
                        new BookingMarkedNoShow("b-1", "r-1"))
                .when(new MarkNoShow("b-1", MONDAY, due.plusSeconds(5)))
                .expectNoEvents();
        fixture.given(REQUESTED, CONFIRMED, new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, due, "alice"),
                        new BookingMarkedNoShow("b-1", "r-1"))
                .when(new CheckIn("b-1", Instant.parse("2026-12-07T09:09:00Z"), "alice", false))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_cancelled_booking_is_no_no_show() {
        fixture.given(REQUESTED, CONFIRMED, new io.aura.kernel.booking.BookingEvents.BookingCancelled("b-1", "r-1", null))
                .when(new MarkNoShow("b-1", MONDAY, Instant.parse("2026-12-07T09:30:00Z")))
                .expectNoEvents();
    }

    @Test
    void a_no_show_booking_cannot_be_cancelled_any_more() {
        fixture.given(REQUESTED, CONFIRMED, new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, MONDAY.start(), "alice"),
                        new BookingMarkedNoShow("b-1", "r-1"))
                .when(new CancelBooking("b-1", null, "alice", false))
                .expectException(BookingStateException.class);
    }

    @Test
    void in_a_series_each_date_is_checked_in_to_or_released_on_its_own() {
        Instant mondayDue = Instant.parse("2026-12-07T09:10:00Z");
        // Monday missed: only that date goes, the series stays confirmed
        fixture.given(SERIES_REQUESTED, SERIES_CONFIRMED)
                .when(new MarkNoShow("b-1", MONDAY, mondayDue))
                .expectEvents(new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, mondayDue, "alice"));
        // Tuesday's check-in is Tuesday's, whatever became of Monday
        Instant tuesdayAt = Instant.parse("2026-12-08T09:05:00Z");
        fixture.given(SERIES_REQUESTED, SERIES_CONFIRMED, new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, mondayDue, "alice"))
                .when(new CheckIn("b-1", tuesdayAt, "alice", false))
                .expectEvents(new BookingCheckedIn("b-1", "r-1", TUESDAY, tuesdayAt, "alice"));
        // both dates missed: the series as a whole is a no-show
        Instant tuesdayDue = Instant.parse("2026-12-08T09:10:00Z");
        fixture.given(SERIES_REQUESTED, SERIES_CONFIRMED, new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, mondayDue, "alice"))
                .when(new MarkNoShow("b-1", TUESDAY, tuesdayDue))
                .expectEvents(new OccurrenceMarkedNoShow("b-1", "r-1", TUESDAY, tuesdayDue, "alice"),
                        new BookingMarkedNoShow("b-1", "r-1"));
        // Monday checked in, Tuesday missed: Tuesday is released, the booking is not a no-show
        fixture.given(SERIES_REQUESTED, SERIES_CONFIRMED,
                        new BookingCheckedIn("b-1", "r-1", MONDAY, Instant.parse("2026-12-07T09:00:00Z"), "alice"))
                .when(new MarkNoShow("b-1", TUESDAY, tuesdayDue))
                .expectEvents(new OccurrenceMarkedNoShow("b-1", "r-1", TUESDAY, tuesdayDue, "alice"));
    }

    @Test
    void a_window_longer_than_the_date_makes_it_due_at_its_end() {
        BookingConfirmed longWindow = new BookingConfirmed("b-1", "r-1", List.of(MONDAY), List.of(), List.of(),
                new CheckInPolicy(true, 240));
        fixture.given(REQUESTED, longWindow)
                .when(new MarkNoShow("b-1", MONDAY, MONDAY.end()))
                .expectEvents(new OccurrenceMarkedNoShow("b-1", "r-1", MONDAY, MONDAY.end(), "alice"),
                        new BookingMarkedNoShow("b-1", "r-1"));
    }
}
