package io.aura.kernel.approval;

import io.aura.kernel.identity.Role;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

public final class ApprovalQueries {
    private ApprovalQueries() {}

    /**
     * Whether {@code user} with {@code roles} has an approval asked of {@code approvers} and {@code approverRoles} in
     * their inbox: a named approver, a member of one of its roles, or an ADMIN (who has every one).
     */
    public static boolean inInboxOf(String user, Collection<String> roles, Collection<String> approvers,
                                    Collection<String> approverRoles) {
        return roles.contains(Role.ADMIN.name()) || approvers.contains(user) || approverRoles.stream().anyMatch(roles::contains);
    }

    /** The inbox of {@code user}: approvals they may decide (everything for an ADMIN). {@code status} null: any. */
    public record FindApprovalInbox(String user, List<String> roles, ApprovalStatus status) {}

    public record FindApproval(String approvalId) {}

    /** Every approval opened for a booking (the first request, then any moves that needed one), oldest first. */
    public record FindApprovalsOfBooking(String bookingId) {}

    /** Pending approvals with a deadline at or before {@code now}: what the deadline sweep must look at. */
    public record FindApprovalsDue(Instant now, int limit) {}

    public record ApprovalView(String approvalId, String bookingId, String resourceId, String requester,
                               ApprovalStatus status, int level, String levelName, List<String> approvers,
                               String approverRole, TimeRange firstOccurrence, TimeRange rescheduleTo,
                               Instant requestedAt, Instant expiresAt, Instant nextDeadlineAt, String decidedBy,
                               String comment) {
        /** Whether {@code user} with {@code roles} has this approval in their inbox: {@link #inInboxOf}. */
        public boolean visibleTo(String user, Collection<String> roles) {
            return inInboxOf(user, roles, approvers == null ? List.of() : approvers,
                    approverRole == null ? List.of() : List.of(approverRole.split(",")));
        }
    }
}
