package io.aura.query.resource;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.util.List;
import org.springframework.data.annotation.Id;

record ResourceDocument(
        @Id String id,
        String name,
        int capacity,
        String timeZone,
        boolean approvalRequired,
        List<String> approvers,
        int bufferMinutes,
        int minDurationMinutes,
        int maxDurationMinutes,
        int bookingWindowDays,
        List<ApprovalLevel> approvalLevels,
        String approvalDeadline,
        String externalCalendar) {

    static ResourceDocument from(ResourceView v) {
        return new ResourceDocument(v.id(), v.name(), v.capacity(), v.timeZone(), v.approvalRequired(), v.approvers(),
                v.bufferMinutes(), v.minDurationMinutes(), v.maxDurationMinutes(), v.bookingWindowDays(),
                v.approvalLevels(), v.approvalDeadline(), v.externalCalendar());
    }

    ResourceView toView() {
        return new ResourceView(id, name, capacity, timeZone, approvalRequired, approvers, bufferMinutes,
                minDurationMinutes, maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline,
                externalCalendar);
    }
}
