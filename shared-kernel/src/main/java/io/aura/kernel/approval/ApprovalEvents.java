package io.aura.kernel.approval;

import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * Facts about approvals. Token ids (a JWT's {@code jti}) are recorded, never the tokens themselves:
 * an id without our signature around it grants nothing.
 */
public final class ApprovalEvents {
    private ApprovalEvents() {}

    public record ApprovalOpened(String approvalId, String bookingId, String resourceId, String requester,
                                 TimeRange firstOccurrence, TimeRange rescheduleTo, List<ApprovalLevel> levels,
                                 String deadline) {}

    /** {@code level} counts from 0; its approvers decide until {@code expiresAt}. */
    public record ApprovalLevelStarted(String approvalId, String bookingId, int level, String name,
                                       List<String> approvers, String approverRole, Instant remindAt,
                                       Instant escalateAt, Instant expiresAt) {}

    public record ApprovalTokenIssued(String approvalId, String bookingId, String tokenId, String approver, int level,
                                      Instant expiresAt) {}

    public record ApprovalTokenRevoked(String approvalId, String bookingId, String tokenId, String approver,
                                       String reason) {}

    /** Someone presented one of our tokens and it was refused: used, revoked, expired or for a decided approval. */
    public record ApprovalTokenRefused(String approvalId, String bookingId, String tokenId, String approver,
                                       String reason) {}

    public record ApprovalLevelApproved(String approvalId, String bookingId, int level, @DataSubject String by,
                                        @PersonalData String comment,
                                        DecisionChannel channel, String tokenId) {}

    public record ApprovalGranted(String approvalId, String bookingId, String resourceId, TimeRange rescheduleTo) {}

    public record ApprovalRejected(String approvalId, String bookingId, String resourceId, int level,
                                   @DataSubject String by, @PersonalData String comment, DecisionChannel channel,
                                   String tokenId, TimeRange rescheduleTo) {}

    public record ApprovalReminderDue(String approvalId, String bookingId, int level, List<String> approvers,
                                      String approverRole, Instant expiresAt) {}

    /** {@code addedApprovers} get tokens; {@code addedRole} (ADMIN when no one is named) sees it in the inbox. */
    public record ApprovalEscalated(String approvalId, String bookingId, int level, List<String> addedApprovers,
                                    String addedRole) {}

    public record ApproversReassigned(String approvalId, String bookingId, int level, List<String> approvers,
                                      @DataSubject String by, @PersonalData String reason) {}

    public record ApprovalExpired(String approvalId, String bookingId, String resourceId, int level,
                                  TimeRange rescheduleTo) {}

    public record ApprovalCancelled(String approvalId, String bookingId, String resourceId, String reason, String by,
                                    TimeRange rescheduleTo) {}
}
