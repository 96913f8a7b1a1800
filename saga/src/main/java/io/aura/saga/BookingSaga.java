package io.aura.saga;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.approval.ApprovalCommands.CancelApproval;
import io.aura.kernel.approval.ApprovalCommands.OpenApproval;
import io.aura.kernel.approval.ApprovalCommands.PassApprovalDeadline;
import io.aura.kernel.approval.ApprovalEvents.ApprovalCancelled;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.booking.BookingCommands.AwaitApproval;
import io.aura.kernel.booking.BookingCommands.AwaitRescheduleApproval;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmApprovedBooking;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.DeclineBooking;
import io.aura.kernel.booking.BookingCommands.MarkNoShow;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaCommands.ReleaseQuota;
import io.aura.kernel.quota.QuotaCommands.ReserveMove;
import io.aura.kernel.quota.QuotaCommands.ReserveQuota;
import io.aura.kernel.quota.QuotaEvents.QuotaExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReserved;
import io.aura.kernel.quota.QuotaLedgerRules;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveAbandoned;
import io.aura.kernel.schedule.ScheduleEvents.HoldMovePending;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Drives one booking through the conflict check and its approval: asks the resource's schedule
 * for a hold, then confirms, opens an approval, or rejects; turns the approval's verdict into a
 * confirmation or a release; moves the hold on a reschedule (through a new approval where the
 * resource needs one) and releases it on a cancellation. It decides nothing itself: the schedule,
 * the approval and the booking do.
 */
public class BookingSaga {
    static final String BOOKING_ID = "bookingId";
    /** One name for every approval deadline: the approval itself knows which one is due. */
    static final String APPROVAL_DEADLINE = "approval-deadline";
    /** One name for every check-in deadline: its payload names the date that is due. */
    static final String CHECK_IN_DEADLINE = "check-in-deadline";

    // No other state: everything a step needs travels in the events (a saga's fields would have to
    // survive serialisation; an association is all this one keeps).
    @Inject
    private transient CommandGateway commands;
    @Inject
    private transient DeadlineManager deadlines;
    @Inject
    private transient Clock clock;

    // The one exception (ADR 0034): a request counted against a quota keeps whose ledger counts it, to
    // release it later, and the hold (or move) it asks for once the ledger agreed. All null without a quota.
    private String quotaLedgerOwner;
    private PlaceHold holdAfterQuota;
    private MoveHold moveAfterQuota;
    /** the new date of a move the ledger counts beside the old one until the move is decided */
    private TimeRange quotaMoveTo;

    @StartSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingRequested event, @Timestamp Instant requestedAt,
                   @MetaDataValue(MessageMetadata.ACTOR_ROLES) String roles) {
        PlaceHold hold = new PlaceHold(event.resourceId(), event.bookingId(), event.occurrences(), event.policy(),
                event.attendees(), requestedAt, rolesOf(roles));
        // The quotas came with the request, looked up where it entered: a saga never queries a view (its unit
        // of work holds the embedded store's one writing connection while it runs; ADR 0034).
        ApplicableQuotas quotas = event.applicableQuotas();
        if (quotas.limitNothing()) {
            commands.send(hold); // no quota limits this request: straight to the schedule, no ledger hop
            return;
        }
        // Counted against the person's ledger before the hold, so racing requests cannot go over it together.
        quotaLedgerOwner = event.requester();
        holdAfterQuota = hold;
        commands.send(new ReserveQuota(event.requester(), event.bookingId(), quotas.quotas(),
                quotas.charges(event.bookingId(), event.resourceId(), event.category(), event.occurrences())));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(QuotaReserved event) {
        if (holdAfterQuota != null) {
            commands.send(holdAfterQuota);
            holdAfterQuota = null;
        }
    }

    /** Over a quota: refused as a QUOTA conflict that names the quota and its limit, through the usual path. */
    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(QuotaExceeded event) {
        commands.send(new RejectBooking(event.bookingId(), QuotaLedgerRules.conflicts(event.excesses()),
                QuotaLedgerRules.violations(event.excesses()), List.of()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldPlaced event, @Timestamp Instant placedAt, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (!event.skipped().isEmpty()) {
            releaseQuota(event.bookingId(), event.skipped()); // dates left out for conflicts are not booked
        }
        if (!event.approvalRequired()) {
            commands.send(new ConfirmBooking(event.bookingId(), event.occurrences(), event.skipped(),
                    event.skippedConflicts(), event.checkIn()));
            return;
        }
        // Events from before approval levels say only "approval required": one level for the APPROVER role.
        List<ApprovalLevel> levels = event.approvalLevels().isEmpty()
                ? List.of(ApprovalLevel.simple(List.of()))
                : event.approvalLevels();
        String approvalId = approvalIdFor(event.bookingId());
        commands.send(new AwaitApproval(event.bookingId(), event.occurrences(), event.skipped(),
                event.skippedConflicts(), approvalId, event.checkIn()));
        commands.send(new OpenApproval(approvalId, event.bookingId(), event.resourceId(), actor,
                event.occurrences().get(0), null, levels, event.approvalDeadline(), placedAt));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldRefused event) {
        commands.send(new RejectBooking(event.bookingId(), event.conflicts(), event.violations(), event.suggestions()));
        releaseQuota(event.bookingId(), List.of());
    }

    // ---- approval: deadlines, then the verdict -------------------------------------------------

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(ApprovalLevelStarted event) {
        // Exact timing on this node; the sweep over the approvals view covers restarts and other nodes
        // (ADR 0007). The approval ignores a deadline that is not due or already done.
        deadlines.cancelAllWithinScope(APPROVAL_DEADLINE);
        for (Instant at : List.of(event.remindAt(), event.escalateAt(), event.expiresAt())) {
            deadlines.schedule(at, APPROVAL_DEADLINE, event.approvalId());
        }
    }

    @DeadlineHandler(deadlineName = APPROVAL_DEADLINE)
    public void onApprovalDeadline(String approvalId) {
        commands.send(new PassApprovalDeadline(approvalId, clock.instant()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(ApprovalGranted event) {
        deadlines.cancelAllWithinScope(APPROVAL_DEADLINE);
        if (event.rescheduleTo() == null) {
            commands.send(new ConfirmApprovedBooking(event.bookingId(), event.approvalId()));
        } else {
            commands.send(new CompleteMove(event.resourceId(), event.bookingId(), event.rescheduleTo()));
        }
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(ApprovalRejected event) {
        endApproval(event.approvalId(), event.bookingId(), event.resourceId(), event.rescheduleTo(),
                BookingStatus.REJECTED, event.by(), event.comment(), "the move was rejected by " + event.by());
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(ApprovalExpired event) {
        endApproval(event.approvalId(), event.bookingId(), event.resourceId(), event.rescheduleTo(),
                BookingStatus.EXPIRED, null, null, "the move was not approved in time");
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(ApprovalCancelled event) {
        deadlines.cancelAllWithinScope(APPROVAL_DEADLINE);
        if (event.rescheduleTo() == null) {
            // An administrator stopped the approval: the booking goes too (its cancellation releases the hold).
            commands.send(new CancelBooking(event.bookingId(), event.reason(), event.by(), true));
        } else {
            commands.send(new AbandonMove(event.resourceId(), event.bookingId(), event.rescheduleTo(),
                    "the move's approval was cancelled"));
        }
    }

    private void endApproval(String approvalId, String bookingId, String resourceId, TimeRange rescheduleTo,
                             BookingStatus outcome, String by, String comment, String moveReason) {
        deadlines.cancelAllWithinScope(APPROVAL_DEADLINE);
        if (rescheduleTo == null) {
            commands.send(new DeclineBooking(bookingId, approvalId, outcome, by, comment));
            commands.send(new ReleaseHold(resourceId, bookingId, List.of()));
            releaseQuota(bookingId, List.of());
            SagaLifecycle.end();
        } else {
            commands.send(new AbandonMove(resourceId, bookingId, rescheduleTo, moveReason));
        }
    }

    // ---- reschedule and cancellation -------------------------------------------------------------

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(RescheduleRequested event, @Timestamp Instant requestedAt, @MessageIdentifier String eventId,
                   @MetaDataValue(MessageMetadata.ACTOR_ROLES) String roles) {
        MoveHold move = new MoveHold(event.resourceId(), event.bookingId(), event.from(), event.to(), event.attendees(),
                requestedAt, rolesOf(roles));
        ApplicableQuotas quotas = event.applicableQuotas();
        if (quotaLedgerOwner == null || quotas.limitNothing() || event.from().equals(event.to())) {
            commands.send(move); // never counted (or no new date): the move is the schedule's alone
            return;
        }
        // The new date is counted before the hold moves, so a move cannot carry a booking into a full week.
        moveAfterQuota = move;
        Charge to = quotas.charges(event.bookingId(), event.resourceId(), List.of(event.to())).get(0);
        commands.send(new ReserveMove(quotaLedgerOwner, event.bookingId(), eventId, event.from(), quotas.quotas(), to));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(QuotaMoveReserved event) {
        quotaMoveTo = event.to().occurrence();
        if (moveAfterQuota != null) {
            commands.send(moveAfterQuota);
            moveAfterQuota = null;
        }
    }

    /** The move would go over a quota: refused like a move onto a taken slot; the booking keeps its date. */
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(QuotaMoveExceeded event) {
        moveAfterQuota = null;
        commands.send(new RefuseReschedule(event.bookingId(), event.to(), QuotaLedgerRules.conflicts(event.excesses()),
                QuotaLedgerRules.violations(event.excesses())));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldMovePending event, @MessageIdentifier String eventId,
                   @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        // One approval per move request, not per slot: the same slot may be asked for again after a refusal.
        String approvalId = moveApprovalIdFor(event.bookingId(), eventId);
        commands.send(new AwaitRescheduleApproval(event.bookingId(), event.to(), approvalId));
        commands.send(new OpenApproval(approvalId, event.bookingId(), event.resourceId(), actor, event.to(),
                event.to(), event.approvalLevels(), event.approvalDeadline(), event.requestedAt()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldMoved event) {
        commands.send(new CompleteReschedule(event.bookingId(), event.to()));
        releaseMovedQuota(event.bookingId(), event.from()); // the date it left no longer counts
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldMoveRefused event) {
        commands.send(new RefuseReschedule(event.bookingId(), event.to(), event.conflicts(), event.violations()));
        releaseMovedQuota(event.bookingId(), event.to()); // the date it asked for is not held
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(HoldMoveAbandoned event) {
        commands.send(new RefuseReschedule(event.bookingId(), event.to(), List.of(),
                List.of(new FieldViolation("approval", event.reason()))));
        releaseMovedQuota(event.bookingId(), event.to());
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(OccurrenceCancelled event) {
        commands.send(new ReleaseHold(event.resourceId(), event.bookingId(), List.of(event.occurrence())));
        releaseQuota(event.bookingId(), List.of(event.occurrence()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingCancelled event, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        commands.send(new ReleaseHold(event.resourceId(), event.bookingId(), List.of()));
        releaseQuota(event.bookingId(), List.of());
        if (event.pendingApprovalId() != null) {
            commands.send(new CancelApproval(event.pendingApprovalId(), "the booking was cancelled", actor));
        }
        deadlines.cancelAllWithinScope(APPROVAL_DEADLINE);
        deadlines.cancelAllWithinScope(CHECK_IN_DEADLINE);
    }

    // ---- check-in: a date nobody checked in to is released (ADR 0033) --------------------------------

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingConfirmed event) {
        // Exact timing on this node; the sweep over the booking view covers restarts, other nodes and moved
        // dates. The booking ignores a date that is not due, checked in, or released already.
        if (event.checkIn() == null || !event.checkIn().required()) {
            return;
        }
        for (TimeRange occurrence : event.held()) {
            Instant due = event.checkIn().noShowAt(occurrence);
            deadlines.schedule(due, CHECK_IN_DEADLINE, new MarkNoShow(event.bookingId(), occurrence, due));
        }
    }

    @DeadlineHandler(deadlineName = CHECK_IN_DEADLINE)
    public void onCheckInDeadline(MarkNoShow due) {
        commands.send(new MarkNoShow(due.bookingId(), due.occurrence(), clock.instant()));
    }

    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(OccurrenceMarkedNoShow event) {
        // the rest of the date is free at once: the schedule lets the hold go
        commands.send(new ReleaseHold(event.resourceId(), event.bookingId(), List.of(event.occurrence())));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BOOKING_ID)
    public void on(BookingMarkedNoShow event) {
        deadlines.cancelAllWithinScope(CHECK_IN_DEADLINE);
    }

    /** After a move the ledger counted is decided, it stops counting the loser: the date left, or the one refused. */
    private void releaseMovedQuota(String bookingId, TimeRange loser) {
        if (quotaMoveTo != null) {
            releaseQuota(bookingId, List.of(loser));
            quotaMoveTo = null;
        }
    }

    /** The ledger stops counting these dates (all: empty), when this booking was counted at all. */
    private void releaseQuota(String bookingId, List<TimeRange> occurrences) {
        if (quotaLedgerOwner != null) {
            commands.send(new ReleaseQuota(quotaLedgerOwner, bookingId, occurrences));
        }
    }

    // Jackson keeps a saga through its properties: these make the two quota fields survive it.
    public String getQuotaLedgerOwner() {
        return quotaLedgerOwner;
    }

    public void setQuotaLedgerOwner(String quotaLedgerOwner) {
        this.quotaLedgerOwner = quotaLedgerOwner;
    }

    public MoveHold getMoveAfterQuota() {
        return moveAfterQuota;
    }

    public void setMoveAfterQuota(MoveHold moveAfterQuota) {
        this.moveAfterQuota = moveAfterQuota;
    }

    public TimeRange getQuotaMoveTo() {
        return quotaMoveTo;
    }

    public void setQuotaMoveTo(TimeRange quotaMoveTo) {
        this.quotaMoveTo = quotaMoveTo;
    }

    public PlaceHold getHoldAfterQuota() {
        return holdAfterQuota;
    }

    public void setHoldAfterQuota(PlaceHold holdAfterQuota) {
        this.holdAfterQuota = holdAfterQuota;
    }

    /**
     * The booking's own approval. Deterministic, so a redelivered event opens the same approval instead
     * of a second one; a booking is held (and so approved) only once.
     */
    static String approvalIdFor(String bookingId) {
        String key = "approval|" + bookingId + "|"; // the key of old: approvals already open keep their ids
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A move's approval, named after the {@code HoldMovePending} event that asked for it: the event's
     * id is unique per move request and stays the same on redelivery and replay.
     */
    static String moveApprovalIdFor(String bookingId, String pendingMoveEventId) {
        String key = "approval|" + bookingId + "|move|" + pendingMoveEventId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<String> rolesOf(String roles) {
        return roles == null || roles.isBlank() ? List.of() : Arrays.stream(roles.split(",")).map(String::trim).toList();
    }
}
