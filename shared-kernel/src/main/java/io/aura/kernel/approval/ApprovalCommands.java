package io.aura.kernel.approval;

import io.aura.kernel.TargetsAggregate;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;

/** Commands of an approval. Who sends them travels in the metadata; {@code by} names the person a rule is about. */
public final class ApprovalCommands {
    private ApprovalCommands() {}

    /**
     * Sent by the booking saga once the slot is held. {@code rescheduleTo} is set when the approval is
     * for moving an approved booking (the old slot stays held meanwhile).
     */
    public record OpenApproval(String approvalId, String bookingId, String resourceId, String requester,
                               TimeRange firstOccurrence, TimeRange rescheduleTo, List<ApprovalLevel> levels,
                               String deadline, Instant openedAt) implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    /** A verdict from a signed-in user: an approver of the current level, or an ADMIN (an override otherwise). */
    public record DecideApproval(String approvalId, Verdict verdict, String comment, String by, List<String> byRoles,
                                 Instant at) implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    /** A verdict carried by an approval token whose signature the edge has verified. */
    public record DecideWithToken(String approvalId, String tokenId, String approver, int level, Verdict verdict,
                                  String comment, Instant at) implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    /** A token that was signed by us but could not be used (expired before it reached us): recorded. */
    public record RefuseToken(String approvalId, String tokenId, String approver, String reason)
            implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    public record ReassignApprovers(String approvalId, List<String> approvers, String reason, String by, Instant at)
            implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    public record CancelApproval(String approvalId, String reason, String by) implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    /** Idempotent: does whatever deadlines have passed by {@code now} and were not done yet (nothing otherwise). */
    public record PassApprovalDeadline(String approvalId, Instant now) implements TargetsAggregate {
        public String targetAggregateId() { return approvalId; }
    }

    /**
     * The answer to a verdict: accepted (with the approval's status afterwards), or, for a token,
     * refused with the reason (which is recorded as an event).
     */
    public record DecisionOutcome(boolean accepted, String reason, String approvalId, String bookingId,
                                  ApprovalStatus status) {}
}
