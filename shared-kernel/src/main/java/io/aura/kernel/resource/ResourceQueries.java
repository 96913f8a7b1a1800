package io.aura.kernel.resource;

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
            int bookingWindowDays) {

        public static ResourceView of(String id, ResourceSpec s) {
            return new ResourceView(id, s.name(), s.capacity(), s.timeZone(), s.approvalRequired(), s.approvers(),
                    s.bufferMinutes(), s.minDurationMinutes(), s.maxDurationMinutes(), s.bookingWindowDays());
        }
    }
}
