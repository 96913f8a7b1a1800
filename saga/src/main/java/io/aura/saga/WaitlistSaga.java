package io.aura.saga;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.waitlist.WaitlistCommands.FulfilWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistCommands.ReturnWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import io.aura.kernel.waitlist.Waitlists;
import jakarta.inject.Inject;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Books a promoted waitlist entry for its owner (ADR 0036): requests the booking through the normal path
 * (the {@link BookingSaga} asks the schedule, which alone decides, and routes approval), then tells the
 * waitlist how it ended — held (confirmed or awaiting approval: the entry is fulfilled) or refused (the
 * slot was taken first: the entry waits again in its place). Everything it needs travels in the events.
 */
public class WaitlistSaga {
    static final String BOOKING_ID = "bookingId";

    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(WaitlistEntryPromoted event) {
        RequestBooking request = Waitlists.bookingRequest(event);
        // The owner asks, with the roles they had when they joined: the approval policy sees them, not
        // whoever freed the slot (explicit metadata wins over what the promotion's event carried).
        MetaData asOwner = MetaData.from(Map.of(MessageMetadata.ACTOR, event.owner(),
                MessageMetadata.ACTOR_ROLES, String.join(",", event.ownerRoles())));
        commands.send(new GenericCommandMessage<>(request, asOwner)).exceptionally(refused -> {
            // never lost: an entry whose booking could not even be requested waits again
            commands.send(new ReturnWaitlistEntry(event.resourceId(), event.bookingId()));
            return null;
        });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingConfirmed event) {
        commands.send(new FulfilWaitlistEntry(event.resourceId(), event.bookingId()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingAwaitingApproval event) {
        commands.send(new FulfilWaitlistEntry(event.resourceId(), event.bookingId()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingRejected event) {
        commands.send(new ReturnWaitlistEntry(event.resourceId(), event.bookingId()));
    }
}
