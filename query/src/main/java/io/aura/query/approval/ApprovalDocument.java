package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/** An approval as MongoDB keeps it ({@link MongoApprovalViewStore}): the fields the projection has always written. */
record ApprovalDocument(
        @Id String approvalId,
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

    static ApprovalDocument from(ApprovalRecord r) {
        return new ApprovalDocument(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(), r.status(),
                r.level(), r.levelName(), r.approvers(), r.approverRoles(), r.firstOccurrence(), r.rescheduleTo(),
                r.requestedAt(), r.remindAt(), r.escalateAt(), r.expiresAt(), r.reminded(), r.escalated(),
                r.nextDeadlineAt(), r.decidedBy(), r.comment());
    }

    ApprovalRecord toRecord() {
        return new ApprovalRecord(approvalId, bookingId, resourceId, requester, status, level,
                levelName, approvers, approverRoles, firstOccurrence, rescheduleTo, requestedAt, remindAt, escalateAt,
                expiresAt, reminded, escalated, nextDeadlineAt, decidedBy, comment);
    }
}
