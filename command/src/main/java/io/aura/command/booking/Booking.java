package io.aura.command.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.booking.BookingCommands.AwaitApproval;
import io.aura.kernel.booking.BookingCommands.AwaitRescheduleApproval;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CancelOccurrence;
import io.aura.kernel.booking.BookingCommands.CheckIn;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmApprovedBooking;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.DeclineBooking;
import io.aura.kernel.booking.BookingCommands.MarkNoShow;
import io.aura.kernel.booking.BookingCommands.RecordExternalEvent;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingCheckedIn;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.ExternalEventRecorded;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.RescheduleAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One request to hold a resource for a time range, and what became of it. */
public class Booking {

    @AggregateIdentifier
    private String bookingId;

    private String resourceId;
    private String requester;
    /** the quotas the request was counted against (ADR 0034): a move is counted against them too */
    private ApplicableQuotas applicableQuotas = ApplicableQuotas.NONE;
    private TimeRange range;
    private int attendees;
    private BookingStatus status;
    private TimeRange pendingReschedule;
    /** the date the pending reschedule moves away from */
    private TimeRange pendingRescheduleFrom;
    private List<TimeRange> held = new ArrayList<>();
    private List<TimeRange> skipped = List.of();
    private List<Conflict> skippedConflicts = List.of();
    /** the approval that is open for this booking or its move, if any */
    private String pendingApprovalId;
    /** the resource's check-in policy when the hold was placed (null: none) */
    private CheckInPolicy checkIn;
    /** held dates checked in to, and when */
    private Map<TimeRange, Instant> checkedIn = new HashMap<>();
    /** each confirmed date by its start when confirmed (its key in Outlook, ADR 0043), to its times now */
    private Map<Instant, TimeRange> dates = new HashMap<>();
    /** the Outlook event recorded for a date, by the date's key */
    private Map<Instant, String> externalEvents = new HashMap<>();

    protected Booking() {}

    @CommandHandler
    public Booking(RequestBooking c) {
        // the request's own limits hold however the command arrives (API, UI, command line, a script)
        List<FieldViolation> violations = BookingRequestRules.fieldViolations(c);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new BookingRequested(c.bookingId(), c.resourceId(), c.title(), c.range(),
                c.occurrences() == null || c.occurrences().isEmpty() ? List.of(c.range()) : c.occurrences(),
                c.recurrence(), c.policy() == null ? ConflictPolicy.ALL_OR_NOTHING : c.policy(), c.attendees(),
                c.attendeeNames(), c.description(), c.requester(), c.applicableQuotas(), c.privateBooking(),
                c.category()));
    }

    @CommandHandler
    void handle(ConfirmBooking c) {
        if (status == BookingStatus.REQUESTED || status == BookingStatus.PENDING_APPROVAL) {
            apply(new BookingConfirmed(bookingId, resourceId, c.held(), c.skipped(), c.skippedConflicts(),
                    c.checkIn()));
        }
    }

    @CommandHandler
    void handle(AwaitApproval c) {
        if (status == BookingStatus.REQUESTED) {
            apply(new BookingAwaitingApproval(bookingId, resourceId, c.held(), c.skipped(), c.skippedConflicts(),
                    c.approvalId(), c.checkIn()));
        }
    }

    @CommandHandler
    void handle(ConfirmApprovedBooking c) {
        if (status == BookingStatus.PENDING_APPROVAL && c.approvalId().equals(pendingApprovalId)) {
            apply(new BookingConfirmed(bookingId, resourceId, List.copyOf(held), skipped, skippedConflicts, checkIn));
        }
    }

    @CommandHandler
    void handle(DeclineBooking c) {
        if (status == BookingStatus.PENDING_APPROVAL && c.approvalId().equals(pendingApprovalId)) {
            apply(new BookingDeclined(bookingId, resourceId, c.approvalId(), c.outcome(), c.by(), c.comment()));
        }
    }

    @CommandHandler
    void handle(AwaitRescheduleApproval c) {
        if (c.to().equals(pendingReschedule) && pendingApprovalId == null) {
            apply(new RescheduleAwaitingApproval(bookingId, resourceId, c.to(), c.approvalId()));
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
        io.aura.kernel.validation.Reasons.requireBounded(c.reason()); // whoever sends it (API, web UI)
        if (!status.isActive()) {
            throw new BookingStateException("a " + status + " booking cannot be cancelled");
        }
        apply(new BookingCancelled(bookingId, resourceId, c.reason(), pendingApprovalId));
    }

    @CommandHandler
    void handle(CancelOccurrence c) {
        requireOwnerOrAdmin(c.by(), c.byAdmin());
        if (!status.isActive() || !held.contains(c.occurrence())) {
            throw new BookingStateException("this booking holds no such occurrence");
        }
        apply(new OccurrenceCancelled(bookingId, resourceId, c.occurrence()));
        if (held.isEmpty()) { // the last one: the booking as a whole is cancelled
            apply(new BookingCancelled(bookingId, resourceId, "every occurrence was cancelled", pendingApprovalId));
        }
    }

    @CommandHandler
    void handle(RequestReschedule c) {
        requireOwnerOrAdmin(c.by(), c.byAdmin());
        if (status == BookingStatus.PENDING_APPROVAL) {
            throw new BookingStateException("a booking awaiting approval cannot be rescheduled: cancel it and book again");
        }
        if (!status.isActive()) {
            throw new BookingStateException("a " + status + " booking cannot be rescheduled");
        }
        if (c.from() == null && held.size() > 1) {
            throw new BookingStateException("a series cannot be moved as a whole: move one of its dates");
        }
        if (c.from() != null && !held.contains(c.from())) {
            throw new BookingStateException("this booking holds no such occurrence");
        }
        if (pendingReschedule != null) {
            throw new BookingStateException("a reschedule of this booking is already being decided");
        }
        apply(new RescheduleRequested(bookingId, resourceId, c.from() == null ? currentSlot() : c.from(), c.to(),
                attendees, applicableQuotas));
    }

    @CommandHandler
    void handle(CompleteReschedule c) {
        if (c.to().equals(pendingReschedule)) {
            apply(new BookingRescheduled(bookingId, resourceId,
                    pendingRescheduleFrom == null ? currentSlot() : pendingRescheduleFrom, c.to()));
        }
    }

    @CommandHandler
    void handle(RefuseReschedule c) {
        if (c.to().equals(pendingReschedule)) {
            apply(new RescheduleRefused(bookingId, resourceId, c.to(), c.conflicts(), c.violations()));
        }
    }

    /**
     * Checks in to the held date whose window holds {@code at}; a date checked in already answers its
     * first check-in and records nothing. The same stream as {@link MarkNoShow}: a late check-in racing
     * the release is decided by the order of the two on this stream, exactly one of them wins.
     */
    @CommandHandler
    Instant handle(CheckIn c) {
        requireOwnerOrAdmin(c.by(), c.byAdmin());
        if (status != BookingStatus.CONFIRMED || held.isEmpty()) {
            throw new InvalidInputException(List.of(FieldViolation.of("bookingId", Rule.CHECK_IN_NOTHING_HELD)));
        }
        TimeRange next = null; // the date whose window opens next, else the last one that closed: named in the refusal
        TimeRange last = null;
        for (TimeRange occurrence : held) {
            TimeRange window = CheckInPolicy.window(checkIn, occurrence);
            if (!c.at().isBefore(window.start()) && c.at().isBefore(window.end())) {
                Instant earlier = checkedIn.get(occurrence);
                if (earlier != null) {
                    return earlier;
                }
                apply(new BookingCheckedIn(bookingId, resourceId, occurrence, c.at(), c.by()));
                return c.at();
            }
            if (window.start().isAfter(c.at())) {
                next = next == null || occurrence.start().isBefore(next.start()) ? occurrence : next;
            } else {
                last = last == null || occurrence.start().isAfter(last.start()) ? occurrence : last;
            }
        }
        TimeRange window = CheckInPolicy.window(checkIn, next != null ? next : last);
        throw new InvalidInputException(List.of(FieldViolation.of("checkedInAt", Rule.CHECK_IN_OUTSIDE_WINDOW,
                window.start().toString(), window.end().toString())));
    }

    /** The time is {@code at}: a held date that is due and not checked in is released as a no-show; else nothing. */
    @CommandHandler
    void handle(MarkNoShow c) {
        if (status != BookingStatus.CONFIRMED || !held.contains(c.occurrence())
                || checkedIn.containsKey(c.occurrence()) || !CheckInPolicy.noShowDue(checkIn, c.occurrence(), c.at())) {
            return;
        }
        apply(new OccurrenceMarkedNoShow(bookingId, resourceId, c.occurrence(), c.at(), requester));
        if (held.isEmpty()) { // nothing held any more and nobody came: the booking as a whole is a no-show
            apply(new BookingMarkedNoShow(bookingId, resourceId));
        }
    }

    /**
     * The Outlook outbox wrote a date into the resource's mailbox: kept once (a retried delivery or a
     * redelivered event records nothing), for a date this booking confirmed.
     */
    @CommandHandler
    void handle(RecordExternalEvent c) {
        TimeRange now = dates.get(c.date());
        if (now == null || c.externalEventId() == null || c.externalEventId().equals(externalEvents.get(c.date()))) {
            return;
        }
        apply(new ExternalEventRecorded(bookingId, resourceId, c.date(), now, c.mailbox(), c.externalEventId()));
    }

    /**
     * The one slot a move starts from: the occurrence still held (the resource moves that same hold),
     * not the first one asked for, which may have been cancelled out of a series.
     */
    private TimeRange currentSlot() {
        return held.size() == 1 ? held.get(0) : range;
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
        applicableQuotas = e.applicableQuotas();
        range = e.range();
        attendees = e.attendees();
        status = BookingStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(BookingConfirmed e) {
        status = BookingStatus.CONFIRMED;
        held = new ArrayList<>(e.held());
        pendingApprovalId = null;
        checkIn = e.checkIn();
        e.held().forEach(date -> dates.putIfAbsent(date.start(), date));
    }

    @EventSourcingHandler
    void on(BookingAwaitingApproval e) {
        status = BookingStatus.PENDING_APPROVAL;
        held = new ArrayList<>(e.held());
        skipped = e.skipped() == null ? List.of() : e.skipped();
        skippedConflicts = e.skippedConflicts() == null ? List.of() : e.skippedConflicts();
        pendingApprovalId = e.approvalId();
        checkIn = e.checkIn();
    }

    @EventSourcingHandler
    void on(BookingDeclined e) {
        status = e.outcome();
        pendingApprovalId = null;
    }

    @EventSourcingHandler
    void on(RescheduleAwaitingApproval e) {
        pendingApprovalId = e.approvalId();
    }

    @EventSourcingHandler
    void on(OccurrenceCancelled e) {
        held.remove(e.occurrence());
    }

    @EventSourcingHandler
    void on(BookingRejected e) {
        status = BookingStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(BookingCancelled e) {
        status = BookingStatus.CANCELLED;
        pendingReschedule = null;
        pendingRescheduleFrom = null;
    }

    @EventSourcingHandler
    void on(RescheduleRequested e) {
        pendingReschedule = e.to();
        pendingRescheduleFrom = e.from();
    }

    @EventSourcingHandler
    void on(BookingRescheduled e) {
        int date = held.indexOf(e.from());
        if (held.size() > 1 && date >= 0) { // one date of a series moved; the others stay
            held.set(date, e.to());
        } else {
            held = new ArrayList<>(List.of(e.to()));
        }
        if (held.size() == 1 || range.equals(e.from())) {
            range = e.to();
        }
        pendingReschedule = null;
        pendingRescheduleFrom = null;
        pendingApprovalId = null;
        dates.replaceAll((key, times) -> times.equals(e.from()) ? e.to() : times);
        // the moved date is a new slot: a check-in to its old times says nothing about it (the others keep theirs)
        checkedIn.remove(e.from());
    }

    @EventSourcingHandler
    void on(RescheduleRefused e) {
        pendingReschedule = null;
        pendingRescheduleFrom = null;
        pendingApprovalId = null;
    }

    @EventSourcingHandler
    void on(BookingCheckedIn e) {
        checkedIn.put(e.occurrence(), e.at());
    }

    @EventSourcingHandler
    void on(OccurrenceMarkedNoShow e) {
        held.remove(e.occurrence());
    }

    @EventSourcingHandler
    void on(ExternalEventRecorded e) {
        externalEvents.put(e.date(), e.externalEventId());
    }

    @EventSourcingHandler
    void on(BookingMarkedNoShow e) {
        status = BookingStatus.NO_SHOW;
    }
}
