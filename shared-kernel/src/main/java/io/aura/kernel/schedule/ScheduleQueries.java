package io.aura.kernel.schedule;

import java.time.Instant;

/** What the read side shows of a resource's schedule. */
public final class ScheduleQueries {
    private ScheduleQueries() {}

    /** One blackout as the read side has it (its subscription tells when it arrives). */
    public record FindBlackout(String blackoutId) {}

    /** {@code start}, {@code end}: its (first) time; {@code recurrence}: the RRULE of a repeating one, else null. */
    public record BlackoutView(String blackoutId, String resourceId, Instant start, Instant end, String reason,
                               String recurrence) {
        public BlackoutView(String blackoutId, String resourceId, Instant start, Instant end, String reason) {
            this(blackoutId, resourceId, start, end, reason, null);
        }
    }

    /** A resource's blackouts, by start: answers {@code List<BlackoutView>}. */
    public record ListBlackouts(String resourceId) {}

    /** Blackouts and linked-Outlook busy times overlapping a window, of one resource (or all: null). */
    public record FindClosedTimes(String resourceId, Instant from, Instant to) {}

    /** A time a resource cannot be booked other than by a booking; {@code reason} only for blackouts. */
    public record ClosedTime(String resourceId, Instant start, Instant end, Conflict.Source source, String reason) {}
}
