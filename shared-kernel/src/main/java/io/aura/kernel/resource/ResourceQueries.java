package io.aura.kernel.resource;

import io.aura.kernel.approval.ApprovalLevel;
import java.util.List;

public final class ResourceQueries {
    private ResourceQueries() {}

    public record ListResources() {}

    public record FindResource(String resourceId) {}

    public record ResourceView(
            String id,
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

        public ResourceView {
            approvers = approvers == null ? List.of() : approvers;
            approvalLevels = approvalLevels == null ? List.of() : approvalLevels;
        }

        public static ResourceView of(String id, ResourceSpec s) {
            return new ResourceView(id, s.name(), s.capacity(), s.timeZone(), s.approvalRequired(), s.approvers(),
                    s.bufferMinutes(), s.minDurationMinutes(), s.maxDurationMinutes(), s.bookingWindowDays(),
                    s.approvalLevels(), s.approvalDeadline(), null);
        }

        public ResourceSpec spec() {
            return new ResourceSpec(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes,
                    minDurationMinutes, maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline);
        }
    }
}
