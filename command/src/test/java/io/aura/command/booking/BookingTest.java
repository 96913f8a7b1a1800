package io.aura.command.booking;

import static io.aura.command.booking.BookingTestData.aBookingRequest;

import io.aura.command.Fixtures;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CancelOccurrence;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTest {
    static final TimeRange SLOT = new TimeRange(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
    static final TimeRange LATER = new TimeRange(Instant.parse("2026-12-02T11:00:00Z"), Instant.parse("2026-12-02T12:00:00Z"));
    static final BookingRequested REQUESTED = aBookingRequest("b-1", SLOT).by("alice").recorded();
    static final BookingConfirmed CONFIRMED = new BookingConfirmed("b-1", "r-1", List.of(SLOT), List.of(), List.of());

    FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Booking.class);
    }

    @Test
    void requesting_records_the_request() {
        fixture.givenNoPriorActivity()
                .when(aBookingRequest("b-1", SLOT).by("alice").command())
                .expectEvents(REQUESTED);
    }

    @Test
    void the_request_records_the_quotas_it_entered_with_for_the_saga_to_count_it_against() {
        ApplicableQuotas threeAWeek = ApplicableQuotas.of(List.of(new QuotaView("q-1",
                new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3))), "Europe/Berlin");
        fixture.givenNoPriorActivity()
                .when(new RequestBooking("b-1", "r-1", "Standup", SLOT, List.of(SLOT), null, ConflictPolicy.ALL_OR_NOTHING,
                        4, List.of(), null, "alice", threeAWeek))
                .expectEvents(new BookingRequested("b-1", "r-1", "Standup", SLOT, List.of(SLOT), null,
                        ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice", threeAWeek));
    }

    @Test
    void a_request_whose_title_is_past_the_limit_is_refused_naming_it_whoever_sends_it() {
        fixture.givenNoPriorActivity()
                .when(new RequestBooking("b-1", "r-1", "x".repeat(300), SLOT, List.of(SLOT), null, null, 4, List.of(),
                        null, "alice"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("title: must be at most 200 characters")
                .expectNoEvents();
    }

    @Test
    void a_requested_booking_is_confirmed_once() {
        fixture.given(REQUESTED).when(new ConfirmBooking("b-1", List.of(SLOT), List.of(), List.of())).expectEvents(CONFIRMED);
        fixture.given(REQUESTED, CONFIRMED).when(new ConfirmBooking("b-1", List.of(SLOT), List.of(), List.of())).expectNoEvents();
    }

    @Test
    void a_requested_booking_is_rejected_with_what_it_conflicted_with() {
        fixture.given(REQUESTED)
                .when(new RejectBooking("b-1", List.of(), List.of(), List.of(LATER)))
                .expectEvents(new BookingRejected("b-1", "r-1", List.of(), List.of(), List.of(LATER)));
    }

    @Test
    void the_owner_cancels_a_confirmed_booking() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CancelBooking("b-1", "moved online", "alice", false))
                .expectEvents(new BookingCancelled("b-1", "r-1", "moved online"));
    }

    @Test
    void a_cancellation_reason_over_500_characters_is_refused_and_records_nothing() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CancelBooking("b-1", "x".repeat(501), "alice", false))
                .expectException(io.aura.kernel.validation.InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void someone_else_may_not_cancel_it_but_an_admin_may() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CancelBooking("b-1", null, "mallory", false))
                .expectException(NotOwnerException.class)
                .expectNoEvents();
        fixture.given(REQUESTED, CONFIRMED)
                .when(new CancelBooking("b-1", null, "root", true))
                .expectEvents(new BookingCancelled("b-1", "r-1", null));
    }

    @Test
    void a_rejected_booking_cannot_be_cancelled() {
        fixture.given(REQUESTED, new BookingRejected("b-1", "r-1", List.of(), List.of(), List.of()))
                .when(new CancelBooking("b-1", null, "alice", false))
                .expectException(BookingStateException.class);
    }

    @Test
    void a_move_carries_the_quotas_the_booking_was_counted_against_so_the_new_date_is_counted_too() {
        ApplicableQuotas twoAWeek = ApplicableQuotas.of(List.of(new QuotaView("q-1", new QuotaSpec(null, null, null,
                "alice", QuotaPeriod.P1W, null, 2))), "Europe/Berlin");
        BookingRequested counted = new BookingRequested("b-1", "r-1", "Standup", SLOT, List.of(SLOT), null,
                ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice", twoAWeek);
        fixture.given(counted, CONFIRMED)
                .when(new RequestReschedule("b-1", LATER, "alice", false))
                .expectEvents(new RescheduleRequested("b-1", "r-1", SLOT, LATER, 4, twoAWeek));
    }

    @Test
    void a_reschedule_is_requested_then_completed() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new RequestReschedule("b-1", LATER, "alice", false))
                .expectEvents(new RescheduleRequested("b-1", "r-1", SLOT, LATER, 4));
        fixture.given(REQUESTED, CONFIRMED, new RescheduleRequested("b-1", "r-1", SLOT, LATER, 4))
                .when(new CompleteReschedule("b-1", LATER))
                .expectEvents(new BookingRescheduled("b-1", "r-1", SLOT, LATER));
    }

    @Test
    void a_refused_reschedule_keeps_the_old_slot_and_allows_another_try() {
        fixture.given(REQUESTED, CONFIRMED, new RescheduleRequested("b-1", "r-1", SLOT, LATER, 4))
                .when(new RefuseReschedule("b-1", LATER, List.of(), List.of()))
                .expectEvents(new RescheduleRefused("b-1", "r-1", LATER, List.of(), List.of()));
        fixture.given(REQUESTED, CONFIRMED, new RescheduleRequested("b-1", "r-1", SLOT, LATER, 4),
                        new RescheduleRefused("b-1", "r-1", LATER, List.of(), List.of()))
                .when(new RequestReschedule("b-1", LATER, "alice", false))
                .expectEvents(new RescheduleRequested("b-1", "r-1", SLOT, LATER, 4));
    }

    @Test
    void cancelling_one_occurrence_keeps_the_others_and_the_last_one_cancels_the_series() {
        BookingConfirmed series = new BookingConfirmed("b-1", "r-1", List.of(SLOT, LATER), List.of(), List.of());
        fixture.given(REQUESTED, series)
                .when(new CancelOccurrence("b-1", SLOT, "alice", false))
                .expectEvents(new OccurrenceCancelled("b-1", "r-1", SLOT));
        fixture.given(REQUESTED, series, new OccurrenceCancelled("b-1", "r-1", SLOT))
                .when(new CancelOccurrence("b-1", LATER, "alice", false))
                .expectEvents(new OccurrenceCancelled("b-1", "r-1", LATER),
                        new BookingCancelled("b-1", "r-1", "every occurrence was cancelled"));
    }

    @Test
    void a_series_left_with_one_occurrence_moves_from_that_occurrence_not_from_the_cancelled_first_one() {
        TimeRange nextDay = new TimeRange(LATER.start().plus(java.time.Duration.ofDays(1)),
                LATER.end().plus(java.time.Duration.ofDays(1)));
        BookingRequested series = aBookingRequest("b-1", SLOT, LATER).by("alice").recorded();
        BookingConfirmed bothHeld = new BookingConfirmed("b-1", "r-1", List.of(SLOT, LATER), List.of(), List.of());
        OccurrenceCancelled firstCancelled = new OccurrenceCancelled("b-1", "r-1", SLOT);
        fixture.given(series, bothHeld, firstCancelled)
                .when(new RequestReschedule("b-1", nextDay, "alice", false))
                .expectEvents(new RescheduleRequested("b-1", "r-1", LATER, nextDay, 4));
        fixture.given(series, bothHeld, firstCancelled, new RescheduleRequested("b-1", "r-1", LATER, nextDay, 4))
                .when(new CompleteReschedule("b-1", nextDay))
                .expectEvents(new BookingRescheduled("b-1", "r-1", LATER, nextDay));
    }

    @Test
    void a_series_cannot_be_moved_as_a_whole() {
        fixture.given(REQUESTED, new BookingConfirmed("b-1", "r-1", List.of(SLOT, LATER), List.of(), List.of()))
                .when(new RequestReschedule("b-1", LATER, "alice", false))
                .expectException(BookingStateException.class);
    }

    @Test
    void one_date_of_a_series_moves_and_its_other_dates_stay() {
        TimeRange tomorrow = new TimeRange(SLOT.start().plus(java.time.Duration.ofDays(1)),
                SLOT.end().plus(java.time.Duration.ofDays(1)));
        BookingRequested series = aBookingRequest("b-1", SLOT, LATER).by("alice").recorded();
        BookingConfirmed bothHeld = new BookingConfirmed("b-1", "r-1", List.of(SLOT, LATER), List.of(), List.of());
        fixture.given(series, bothHeld)
                .when(new RequestReschedule("b-1", LATER, tomorrow, "alice", false))
                .expectEvents(new RescheduleRequested("b-1", "r-1", LATER, tomorrow, 4));
        fixture.given(series, bothHeld, new RescheduleRequested("b-1", "r-1", LATER, tomorrow, 4))
                .when(new CompleteReschedule("b-1", tomorrow))
                .expectEvents(new BookingRescheduled("b-1", "r-1", LATER, tomorrow));
    }

    @Test
    void a_moved_date_is_held_at_its_new_time_and_the_old_time_is_no_longer_the_series() {
        TimeRange tomorrow = new TimeRange(SLOT.start().plus(java.time.Duration.ofDays(1)),
                SLOT.end().plus(java.time.Duration.ofDays(1)));
        BookingRequested series = aBookingRequest("b-1", SLOT, LATER).by("alice").recorded();
        var history = List.<Object>of(series,
                new BookingConfirmed("b-1", "r-1", List.of(SLOT, LATER), List.of(), List.of()),
                new RescheduleRequested("b-1", "r-1", LATER, tomorrow, 4),
                new BookingRescheduled("b-1", "r-1", LATER, tomorrow));
        fixture.given(history)
                .when(new CancelOccurrence("b-1", tomorrow, "alice", false))
                .expectEvents(new OccurrenceCancelled("b-1", "r-1", tomorrow));
        fixture.given(history)
                .when(new CancelOccurrence("b-1", LATER, "alice", false))
                .expectException(BookingStateException.class);
    }

    @Test
    void a_date_the_series_does_not_hold_cannot_be_moved() {
        fixture.given(aBookingRequest("b-1", SLOT, LATER).by("alice").recorded(),
                        new BookingConfirmed("b-1", "r-1", List.of(SLOT, LATER), List.of(), List.of()))
                .when(new RequestReschedule("b-1", new TimeRange(SLOT.start().plusSeconds(60), SLOT.end()), LATER,
                        "alice", false))
                .expectException(BookingStateException.class);
    }
}
