package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalQueries;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * An approval as the approvals view keeps it: what its inbox shows, and the deadlines the sweep
 * looks for ({@code nextDeadlineAt}, null once nothing is due any more). Computed by
 * {@link ApprovalFold}, kept by an {@link ApprovalViewStore}.
 *
 * @param approvers     named approvers, in the order they were named
 * @param approverRoles roles whose members see it in their inbox
 */
public record ApprovalRecord(
        String approvalId,
        String bookingId,
        String resourceId,
        String requester,
        ApprovalStatus status,
        int level,
        String levelName,
        List<String> approvers,
        List<String> approverRoles,
        TimeRange firstOccurrence,
        TimeRange rescheduleTo,
        Instant requestedAt,
        Instant remindAt,
        Instant escalateAt,
        Instant expiresAt,
        boolean reminded,
        boolean escalated,
        Instant nextDeadlineAt,
        String decidedBy,
        String comment) {

    public ApprovalRecord {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        approverRoles = approverRoles == null ? List.of() : List.copyOf(approverRoles);
    }

    public ApprovalView toView() {
        return new ApprovalView(approvalId, bookingId, resourceId, requester, status, level, levelName,
                approvers, approverRoles.isEmpty() ? null : String.join(",", approverRoles), firstOccurrence,
                rescheduleTo, requestedAt, expiresAt, nextDeadlineAt, decidedBy, comment);
    }

    /** Whether {@code user} with {@code roles} has this approval in their inbox (an ADMIN has every one). */
    public boolean visibleTo(String user, Collection<String> roles) {
        return ApprovalQueries.inInboxOf(user, roles, approvers, approverRoles);
    }
}
