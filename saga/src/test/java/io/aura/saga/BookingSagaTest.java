package io.aura.saga;

import io.aura.kernel.booking.BookingCommands.AwaitApproval;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingSagaTest {
    static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");
    static final String B = "b-1";
    static final String R = "r-1";
    static final TimeRange SLOT = new TimeRange(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
    static final TimeRange LATER = new TimeRange(Instant.parse("2026-12-02T11:00:00Z"), Instant.parse("2026-12-02T12:00:00Z"));
    static final BookingRequested REQUESTED = new BookingRequested(B, R, "Standup", SLOT, List.of(SLOT), null,
            ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");

    FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingSaga.class);
    }

    @Test
    void a_request_asks_the_resource_schedule_for_a_hold() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(B).publishes(REQUESTED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new PlaceHold(R, B, List.of(SLOT), ConflictPolicy.ALL_OR_NOTHING, 4, NOW));
    }

    @Test
    void a_placed_hold_without_approval_confirms_the_booking() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), false, Instant.now()))
                .expectDispatchedCommands(new ConfirmBooking(B, List.of(SLOT), List.of(), List.of()))
                .expectActiveSagas(1);
    }

    @Test
    void a_placed_hold_on_a_resource_needing_approval_waits_for_it() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), true, Instant.now()))
                .expectDispatchedCommands(new AwaitApproval(B, List.of(SLOT), List.of(), List.of()));
    }

    @Test
    void a_refused_hold_rejects_the_booking_with_its_conflicts_and_ends_the_saga() {
        var conflicts = List.of(new Conflict(SLOT, Conflict.Source.BOOKING, "b-0", SLOT));
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldRefused(R, B, List.of(SLOT), conflicts, List.of(), List.of(LATER)))
                .expectDispatchedCommands(new RejectBooking(B, conflicts, List.of(), List.of(LATER)))
                .expectActiveSagas(0);
    }

    @Test
    void a_reschedule_asks_to_move_the_hold_and_completes_when_it_moved() throws Exception {
        fixture.givenAggregate(B).published(REQUESTED)
                .andThenAggregate(R).published(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), false, Instant.now()))
                .andThenTimeAdvancesTo(NOW)
                .whenAggregate(B).publishes(new RescheduleRequested(B, R, SLOT, LATER, 4))
                .expectDispatchedCommands(new MoveHold(R, B, LATER, 4, NOW));
        fixture.givenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .whenAggregate(R).publishes(new HoldMoved(R, B, SLOT, LATER, Instant.now()))
                .expectDispatchedCommands(new CompleteReschedule(B, LATER));
    }

    @Test
    void a_refused_move_refuses_the_reschedule_and_keeps_the_saga() {
        fixture.givenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .whenAggregate(R).publishes(new HoldMoveRefused(R, B, LATER, List.of(), List.of()))
                .expectDispatchedCommands(new RefuseReschedule(B, LATER, List.of(), List.of()))
                .expectActiveSagas(1);
    }

    @Test
    void a_cancelled_occurrence_releases_just_that_occurrence() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(new OccurrenceCancelled(B, R, SLOT))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of(SLOT)))
                .expectActiveSagas(1);
    }

    @Test
    void a_cancellation_releases_the_hold_and_ends_the_saga() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(new BookingCancelled(B, R, "moved online"))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of()))
                .expectActiveSagas(0);
    }
}
