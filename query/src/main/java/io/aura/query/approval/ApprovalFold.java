package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalEvents.ApprovalCancelled;
import io.aura.kernel.approval.ApprovalEvents.ApprovalEscalated;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelApproved;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalEvents.ApproversReassigned;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.privacy.PersonalData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An approval's view, event by event: each function takes the record as it was and returns the
 * next one. Pure, so every store keeps the same records and a replay computes what live processing
 * did. Each sets absolute values or adds to a set, so an event delivered again (at least once is
 * all a tracking processor promises after a crash) leaves the record as it was.
 *
 * <p>Instants are kept to the millisecond, as MongoDB keeps dates: every store answers the same.
 */
public final class ApprovalFold {
    private ApprovalFold() {}

    public static ApprovalRecord opened(ApprovalOpened e, Instant at) {
        return new ApprovalRecord(e.approvalId(), e.bookingId(), e.resourceId(), e.requester(), ApprovalStatus.PENDING,
                0, e.levels().get(0).name(), List.of(), List.of(), e.firstOccurrence(), e.rescheduleTo(), millis(at),
                null, null, null, false, false, null, null, null);
    }

    /** A level begins: its approvers and deadlines replace the last level's; the reminder is due first. */
    public static ApprovalRecord levelStarted(ApprovalRecord r, ApprovalLevelStarted e) {
        List<String> roles = e.approverRole() == null ? List.of() : List.of(e.approverRole());
        return new ApprovalRecord(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(), r.status(), e.level(),
                e.name(), e.approvers(), roles, r.firstOccurrence(), r.rescheduleTo(), r.requestedAt(),
                millis(e.remindAt()), millis(e.escalateAt()), millis(e.expiresAt()), false, false, millis(e.remindAt()),
                r.decidedBy(), r.comment());
    }

    public static ApprovalRecord tokenIssued(ApprovalRecord r, ApprovalTokenIssued e) {
        return approvers(r, with(r.approvers(), List.of(e.approver())));
    }

    public static ApprovalRecord reassigned(ApprovalRecord r, ApproversReassigned e) {
        return approvers(r, e.approvers());
    }

    /** Reminded: the escalation is due next, or the expiry when it escalated already. */
    public static ApprovalRecord reminderDue(ApprovalRecord r) {
        return deadlines(r, true, r.escalated(), r.escalated() ? r.expiresAt() : r.escalateAt());
    }

    /** Escalated: the added approvers and role see it too; only the expiry is due any more. */
    public static ApprovalRecord escalated(ApprovalRecord r, ApprovalEscalated e) {
        List<String> roles = e.addedRole() == null ? r.approverRoles() : with(r.approverRoles(), List.of(e.addedRole()));
        ApprovalRecord next = new ApprovalRecord(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(),
                r.status(), r.level(), r.levelName(), with(r.approvers(), e.addedApprovers()), roles,
                r.firstOccurrence(), r.rescheduleTo(), r.requestedAt(), r.remindAt(), r.escalateAt(), r.expiresAt(),
                r.reminded(), true, r.nextDeadlineAt(), r.decidedBy(), r.comment());
        return deadlines(next, next.reminded(), true, r.expiresAt());
    }

    /** One level said yes (the approval goes on to the next level, or is granted). */
    public static ApprovalRecord levelApproved(ApprovalRecord r, ApprovalLevelApproved e) {
        return decided(r, r.status(), r.nextDeadlineAt(), e.by(), e.comment());
    }

    public static ApprovalRecord granted(ApprovalRecord r) {
        return decided(r, ApprovalStatus.APPROVED, null, r.decidedBy(), r.comment());
    }

    public static ApprovalRecord rejected(ApprovalRecord r, ApprovalRejected e) {
        return decided(r, ApprovalStatus.REJECTED, null, e.by(), e.comment());
    }

    public static ApprovalRecord expired(ApprovalRecord r) {
        return decided(r, ApprovalStatus.EXPIRED, null, r.decidedBy(), r.comment());
    }

    public static ApprovalRecord cancelled(ApprovalRecord r, ApprovalCancelled e) {
        return decided(r, ApprovalStatus.CANCELLED, null, e.by(), e.reason());
    }

    /**
     * The person who decided last was erased (ADR 0046): the comment they wrote reads as erased; who decided stays
     * (the username is the pseudonym the audit keeps). No comment, nothing to erase.
     */
    public static ApprovalRecord commentErased(ApprovalRecord r) {
        return r.comment() == null ? r : decided(r, r.status(), r.nextDeadlineAt(), r.decidedBy(), PersonalData.ERASED);
    }

    private static ApprovalRecord approvers(ApprovalRecord r, List<String> approvers) {
        return new ApprovalRecord(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(), r.status(), r.level(),
                r.levelName(), approvers, r.approverRoles(), r.firstOccurrence(), r.rescheduleTo(), r.requestedAt(),
                r.remindAt(), r.escalateAt(), r.expiresAt(), r.reminded(), r.escalated(), r.nextDeadlineAt(),
                r.decidedBy(), r.comment());
    }

    private static ApprovalRecord deadlines(ApprovalRecord r, boolean reminded, boolean escalated, Instant next) {
        return new ApprovalRecord(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(), r.status(), r.level(),
                r.levelName(), r.approvers(), r.approverRoles(), r.firstOccurrence(), r.rescheduleTo(), r.requestedAt(),
                r.remindAt(), r.escalateAt(), r.expiresAt(), reminded, escalated, next, r.decidedBy(), r.comment());
    }

    /** A decision; an ended approval has no deadline left ({@code nextDeadlineAt} null). */
    private static ApprovalRecord decided(ApprovalRecord r, ApprovalStatus status, Instant nextDeadlineAt,
                                          String decidedBy, String comment) {
        return new ApprovalRecord(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(), status, r.level(),
                r.levelName(), r.approvers(), r.approverRoles(), r.firstOccurrence(), r.rescheduleTo(), r.requestedAt(),
                r.remindAt(), r.escalateAt(), r.expiresAt(), r.reminded(), r.escalated(), nextDeadlineAt, decidedBy,
                comment);
    }

    /** {@code list}, then each of {@code added} not in it yet (as MongoDB's {@code $addToSet} adds them). */
    private static List<String> with(List<String> list, List<String> added) {
        List<String> all = new ArrayList<>(list);
        for (String one : added) {
            if (!all.contains(one)) {
                all.add(one);
            }
        }
        return all;
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
