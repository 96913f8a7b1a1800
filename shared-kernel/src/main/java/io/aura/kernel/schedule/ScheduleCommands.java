package io.aura.kernel.schedule;

import io.aura.kernel.TargetsAggregate;
import java.time.Instant;

/** Commands to a resource's schedule, the one place that decides overlaps for that resource. */
public final class ScheduleCommands {
    private ScheduleCommands() {}

    /** {@code requestedAt} is when the booking was requested: the rules (window, past) are judged as of then. */
    public record PlaceHold(String resourceId, String bookingId, TimeRange range, int attendees, Instant requestedAt)
            implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    public record MoveHold(String resourceId, String bookingId, TimeRange to, int attendees, Instant requestedAt)
            implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    public record ReleaseHold(String resourceId, String bookingId) implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    public record AddBlackout(String resourceId, String blackoutId, TimeRange range, String reason)
            implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }
}
