package io.aura.query.resource;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.ResourceSpec;
import java.util.List;

/**
 * Test data: a room whose rules all have plain values (UTC, no approval, no buffer, 15 minutes to
 * 4 hours, a year ahead), so a test names only what it is about.
 */
public final class ResourceSpecs {
    private ResourceSpecs() {}

    public static Builder aRoom() {
        return new Builder();
    }

    public static final class Builder {
        private String name = "Room";
        private int capacity = 8;
        private String timeZone = "UTC";
        private boolean approvalRequired;
        private List<String> approvers = List.of();
        private int bufferMinutes;
        private int minDurationMinutes = 15;
        private int maxDurationMinutes = 240;
        private int bookingWindowDays = 365;
        private List<ApprovalLevel> approvalLevels = List.of();
        private String approvalDeadline;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /** Approval required, from these approvers. */
        public Builder approvedBy(String... approvers) {
            this.approvalRequired = true;
            this.approvers = List.of(approvers);
            return this;
        }

        public Builder bufferMinutes(int bufferMinutes) {
            this.bufferMinutes = bufferMinutes;
            return this;
        }

        public Builder durationMinutes(int min, int max) {
            this.minDurationMinutes = min;
            this.maxDurationMinutes = max;
            return this;
        }

        public Builder bookingWindowDays(int bookingWindowDays) {
            this.bookingWindowDays = bookingWindowDays;
            return this;
        }

        public Builder approvalLevels(ApprovalLevel... levels) {
            this.approvalLevels = List.of(levels);
            return this;
        }

        public Builder approvalDeadline(String approvalDeadline) {
            this.approvalDeadline = approvalDeadline;
            return this;
        }

        public ResourceSpec build() {
            return new ResourceSpec(name, capacity, timeZone, approvalRequired, approvers, bufferMinutes,
                    minDurationMinutes, maxDurationMinutes, bookingWindowDays, approvalLevels, approvalDeadline);
        }
    }
}
