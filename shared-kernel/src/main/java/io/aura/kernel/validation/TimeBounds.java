package io.aura.kernel.validation;

import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instants Aura accepts from anyone: 1970 to 2200 (API.md "Hardening"). Java represents a billion
 * years either way; a blackout at the earliest of them once made every search on its resource walk
 * the whole range. Checked where a time enters — the API's parsing, the kernel's request rules, the
 * schedule aggregate — so no entry point can let one through.
 */
public final class TimeBounds {
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private TimeBounds() {}

    public static boolean within(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The violation naming {@code field} when {@code instant} is outside the bounds. */
    public static Optional<FieldViolation> outside(String field, Instant instant) {
        return instant == null || within(instant) ? Optional.empty()
                : Optional.of(FieldViolation.of(field, Rule.INSTANT_OUT_OF_RANGE));
    }

    /** Both ends of a range, named {@code start} and {@code end}. */
    public static List<FieldViolation> outside(TimeRange range) {
        List<FieldViolation> out = new ArrayList<>();
        if (range != null) {
            outside("start", range.start()).ifPresent(out::add);
            outside("end", range.end()).ifPresent(out::add);
        }
        return out;
    }
}
