package io.aura.app.api;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.TimeBounds;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Parses the contract's times: ISO-8601 instants with an offset ({@code ...+01:00} or {@code ...Z}). */
public final class TimeInput {
    private TimeInput() {}

    public static Instant parse(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS); // as TimeRange keeps it
        } catch (DateTimeException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 time with an offset, e.g. 2026-12-01T09:00:00+01:00"));
            return null;
        }
        var outside = TimeBounds.outside(field, instant);
        outside.ifPresent(violations::add);
        return outside.isPresent() ? null : instant;
    }

    /** A time range from two fields {@code start} and {@code end}; null (and the fields named) when it is not one. */
    public static TimeRange range(String start, String end, List<FieldViolation> violations) {
        Instant s = parse("start", start, violations);
        Instant e = parse("end", end, violations);
        if (s == null || e == null) {
            return null;
        }
        if (!e.isAfter(s)) {
            violations.add(new FieldViolation("end", "must be after start"));
            return null;
        }
        return new TimeRange(s, e);
    }

    /**
     * A query window [from, to): either end may be left out (the other defaults by
     * {@code defaultSpan}: to = from + span, or from = to - span, with now for the missing one);
     * it must not be empty or longer than 366 days.
     */
    public static Instant[] window(String from, String to, Instant now, java.time.Duration defaultSpan,
                                   boolean spanBackwards, List<FieldViolation> violations) {
        Instant start;
        Instant end;
        if (spanBackwards) {
            end = to == null ? now : parse("to", to, violations);
            start = from == null && end != null ? end.minus(defaultSpan) : parse("from", from, violations);
        } else {
            start = from == null ? now : parse("from", from, violations);
            end = to == null && start != null ? start.plus(defaultSpan) : parse("to", to, violations);
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(new FieldViolation("to", "must be after from"));
            } else if (java.time.Duration.between(start, end).toDays() > 366) {
                violations.add(new FieldViolation("to", "the window may span at most 366 days"));
            }
        }
        return new Instant[] {start, end};
    }
}
