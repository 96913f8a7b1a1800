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
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Drives one booking through the conflict check: asks the resource's schedule for a hold, then
 * confirms, waits for approval, or rejects; moves the hold on a reschedule and releases it on a
 * cancellation. It decides nothing itself: the schedule and the booking do.
 */
public class BookingSaga {
    static final String BOOKING_ID = "bookingId";

    // No other state: everything a step needs travels in the events (a saga's fields would have to
    // survive serialisation; an association is all this one keeps).
    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingRequested event, @Timestamp Instant requestedAt) {
        commands.send(new PlaceHold(event.resourceId(), event.bookingId(), event.occurrences(), event.policy(),
                event.attendees(), requestedAt));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldPlaced event) {
        commands.send(event.approvalRequired()
                ? new AwaitApproval(event.bookingId(), event.occurrences(), event.skipped(), event.skippedConflicts())
                : new ConfirmBooking(event.bookingId(), event.occurrences(), event.skipped(), event.skippedConflicts()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldRefused event) {
        commands.send(new RejectBooking(event.bookingId(), event.conflicts(), event.violations(), event.suggestions()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(RescheduleRequested event, @Timestamp Instant requestedAt) {
        commands.send(new MoveHold(event.resourceId(), event.bookingId(), event.to(), event.attendees(), requestedAt));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldMoved event) {
        commands.send(new CompleteReschedule(event.bookingId(), event.to()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldMoveRefused event) {
        commands.send(new RefuseReschedule(event.bookingId(), event.to(), event.conflicts(), event.violations()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(OccurrenceCancelled event) {
        commands.send(new ReleaseHold(event.resourceId(), event.bookingId(), List.of(event.occurrence())));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingCancelled event) {
        commands.send(new ReleaseHold(event.resourceId(), event.bookingId(), List.of()));
    }
}
