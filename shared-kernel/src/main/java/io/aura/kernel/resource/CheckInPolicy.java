package io.aura.kernel.resource;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A resource's check-in rule (ADR 0033): with {@code required}, a booking not checked in within
 * {@code windowMinutes} of its start is a no-show and its slot is released. Check-in opens
 * {@link #EARLY} before the start, so someone at the door a little early is not turned away.
 */
public record CheckInPolicy(boolean required, int windowMinutes) {
    public static final int MIN_WINDOW_MINUTES = 1;
    public static final int MAX_WINDOW_MINUTES = 240;
    /** How long before its start a date can be checked in to. */
    public static final Duration EARLY = Duration.ofMinutes(15);

    public List<FieldViolation> violations(String path) {
        if (windowMinutes < MIN_WINDOW_MINUTES || windowMinutes > MAX_WINDOW_MINUTES) {
            return List.of(FieldViolation.of(path + ".windowMinutes", Rule.CHECK_IN_WINDOW_RANGE,
                    String.valueOf(MIN_WINDOW_MINUTES), String.valueOf(MAX_WINDOW_MINUTES)));
        }
        return List.of();
    }

    /** When a date not checked in becomes a no-show: the window's end, or the date's end if that comes first. */
    public Instant noShowAt(TimeRange occurrence) {
        Instant windowEnd = occurrence.start().plus(Duration.ofMinutes(windowMinutes));
        return windowEnd.isBefore(occurrence.end()) ? windowEnd : occurrence.end();
    }

    /**
     * When a date can be checked in to: from {@link #EARLY} before its start until its no-show time, or
     * (no policy: check-in is only recorded) until it ends.
     */
    public static TimeRange window(CheckInPolicy policy, TimeRange occurrence) {
        Instant closes = policy == null ? occurrence.end() : policy.noShowAt(occurrence);
        return new TimeRange(occurrence.start().minus(EARLY), closes);
    }

    /** Whether a date not checked in by {@code at} is a no-show under {@code policy}. */
    public static boolean noShowDue(CheckInPolicy policy, TimeRange occurrence, Instant at) {
        return policy != null && policy.required() && !at.isBefore(policy.noShowAt(occurrence));
    }
}
