package io.aura.kernel.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open range of instants [start, end), kept to the millisecond: MongoDB stores dates to the millisecond,
 * so a finer time in an event would never again equal the same time read back from a MongoDB view.
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.MILLIS);
        end = Objects.requireNonNull(end, "end").truncatedTo(ChronoUnit.MILLIS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** This range widened on both sides, e.g. by a resource's buffer. */
    public TimeRange widenedBy(Duration margin) {
        return margin.isZero() ? this : new TimeRange(start.minus(margin), end.plus(margin));
    }

    public TimeRange shiftedTo(Instant newStart) {
        return new TimeRange(newStart, newStart.plus(duration()));
    }
}
