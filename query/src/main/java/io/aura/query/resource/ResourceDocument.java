package io.aura.query.resource;

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
        int bookingWindowDays) {

    static ResourceDocument from(ResourceView v) {
        return new ResourceDocument(v.id(), v.name(), v.capacity(), v.timeZone(), v.approvalRequired(), v.approvers(),
                v.bufferMinutes(), v.minDurationMinutes(), v.maxDurationMinutes(), v.bookingWindowDays());
    }

    ResourceView toView() {
        return new ResourceView(id, name, capacity, timeZone, approvalRequired, approvers == null ? List.of() : approvers,
                bufferMinutes, minDurationMinutes, maxDurationMinutes, bookingWindowDays);
    }
}
