package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** An approval as its inbox shows it, with the deadlines the sweep looks for. */
record ApprovalDocument(
        @Id String approvalId,
        String bookingId,
        String resourceId,
        String requester,
        String status,
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

    ApprovalView toView() {
        return new ApprovalView(approvalId, bookingId, resourceId, requester, status, level, levelName,
                approvers == null ? List.of() : approvers,
                approverRoles == null || approverRoles.isEmpty() ? null : String.join(",", approverRoles),
                firstOccurrence, rescheduleTo, requestedAt, expiresAt, nextDeadlineAt, decidedBy, comment);
    }

    /** Whether {@code user} with {@code roles} has this approval in their inbox. */
    boolean visibleTo(String user, List<String> roles) {
        return roles.contains("ADMIN")
                || (approvers != null && approvers.contains(user))
                || (approverRoles != null && approverRoles.stream().anyMatch(roles::contains));
    }
}
