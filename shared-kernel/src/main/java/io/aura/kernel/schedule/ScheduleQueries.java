package io.aura.kernel.schedule;

import java.time.Instant;

/** What the read side shows of a resource's schedule. */
public final class ScheduleQueries {
    private ScheduleQueries() {}

    /** One blackout as the read side has it (its subscription tells when it arrives). */
    public record FindBlackout(String blackoutId) {}

    public record BlackoutView(String blackoutId, String resourceId, Instant start, Instant end, String reason) {}
}
