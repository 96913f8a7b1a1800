package io.aura.command.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.booking.BookingCommands.AwaitApproval;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.schedule.TimeRange;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One request to hold a resource for a time range, and what became of it. */
public class Booking {

    @AggregateIdentifier
    private String bookingId;

    private String resourceId;
    private String requester;
    private TimeRange range;
    private int attendees;
    private BookingStatus status;
    private TimeRange pendingReschedule;

    protected Booking() {}

    @CommandHandler
    public Booking(RequestBooking c) {
        apply(new BookingRequested(c.bookingId(), c.resourceId(), c.title(), c.range(), c.attendees(),
                c.attendeeNames(), c.description(), c.requester()));
    }

    @CommandHandler
    void handle(ConfirmBooking c) {
        if (status == BookingStatus.REQUESTED || status == BookingStatus.PENDING_APPROVAL) {
            apply(new BookingConfirmed(bookingId, resourceId, range));
        }
    }

    @CommandHandler
    void handle(AwaitApproval c) {
        if (status == BookingStatus.REQUESTED) {
            apply(new BookingAwaitingApproval(bookingId, resourceId, range));
        }
    }

    @CommandHandler
    void handle(RejectBooking c) {
        if (status == BookingStatus.REQUESTED) {
            apply(new BookingRejected(bookingId, resourceId, c.conflicts(), c.violations(), c.suggestions()));
        }
    }

    @CommandHandler
    void handle(CancelBooking c) {
        requireOwnerOrAdmin(c.by(), c.byAdmin());
        if (!status.isActive()) {
            throw new BookingStateException("a " + status + " booking cannot be cancelled");
        }
        apply(new BookingCancelled(bookingId, resourceId, range, c.reason()));
    }

    @CommandHandler
    void handle(RequestReschedule c) {
        requireOwnerOrAdmin(c.by(), c.byAdmin());
        if (!status.isActive()) {
            throw new BookingStateException("a " + status + " booking cannot be rescheduled");
        }
        if (pendingReschedule != null) {
            throw new BookingStateException("a reschedule of this booking is already being decided");
        }
        apply(new RescheduleRequested(bookingId, resourceId, range, c.to(), attendees));
    }

    @CommandHandler
    void handle(CompleteReschedule c) {
        if (c.to().equals(pendingReschedule)) {
            apply(new BookingRescheduled(bookingId, resourceId, range, c.to()));
        }
    }

    @CommandHandler
    void handle(RefuseReschedule c) {
        if (c.to().equals(pendingReschedule)) {
            apply(new RescheduleRefused(bookingId, resourceId, c.to(), c.conflicts(), c.violations()));
        }
    }

    private void requireOwnerOrAdmin(String by, boolean byAdmin) {
        if (!byAdmin && !requester.equals(by)) {
            throw new NotOwnerException("only the requester or an administrator may change this booking");
        }
    }

    @EventSourcingHandler
    void on(BookingRequested e) {
        bookingId = e.bookingId();
        resourceId = e.resourceId();
        requester = e.requester();
        range = e.range();
        attendees = e.attendees();
        status = BookingStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(BookingConfirmed e) {
        status = BookingStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(BookingAwaitingApproval e) {
        status = BookingStatus.PENDING_APPROVAL;
    }

    @EventSourcingHandler
    void on(BookingRejected e) {
        status = BookingStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(BookingCancelled e) {
        status = BookingStatus.CANCELLED;
        pendingReschedule = null;
    }

    @EventSourcingHandler
    void on(RescheduleRequested e) {
        pendingReschedule = e.to();
    }

    @EventSourcingHandler
    void on(BookingRescheduled e) {
        range = e.to();
        pendingReschedule = null;
    }

    @EventSourcingHandler
    void on(RescheduleRefused e) {
        pendingReschedule = null;
    }
}
