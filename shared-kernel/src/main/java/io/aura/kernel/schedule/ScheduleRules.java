package io.aura.kernel.schedule;

import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A resource's booking rules as one pure function: which rules a request breaks, each named by its field. */
public final class ScheduleRules {
    private ScheduleRules() {}

    /**
     * Every rule any occurrence of a request breaks, each named once (a weekly series past the booking
     * window says so once, not for each late date). The one per-occurrence loop: the API, the UI and
     * the schedule aggregate all call it.
     */
    public static List<FieldViolation> check(ResourceSpec spec, List<TimeRange> occurrences, int attendees, Instant now) {
        Set<FieldViolation> broken = new LinkedHashSet<>();
        for (TimeRange occurrence : occurrences) {
            broken.addAll(check(spec, occurrence, attendees, now));
        }
        return List.copyOf(broken);
    }

    public static List<FieldViolation> check(ResourceSpec spec, TimeRange range, int attendees, Instant now) {
        List<FieldViolation> out = new ArrayList<>();
        long minutes = range.duration().toMinutes();
        if (minutes < spec.minDurationMinutes()) {
            out.add(new FieldViolation("end", "the booking lasts " + minutes + " min; this resource needs at least "
                    + spec.minDurationMinutes() + " min"));
        }
        if (minutes > spec.maxDurationMinutes()) {
            out.add(new FieldViolation("end", "the booking lasts " + minutes + " min; this resource allows at most "
                    + spec.maxDurationMinutes() + " min"));
        }
        if (range.start().isBefore(now)) {
            out.add(new FieldViolation("start", "is in the past"));
        } else if (range.start().isAfter(now.plus(Duration.ofDays(spec.bookingWindowDays())))) {
            out.add(new FieldViolation("start", "is beyond this resource's booking window of "
                    + spec.bookingWindowDays() + " days"));
        }
        if (attendees > spec.capacity()) {
            out.add(new FieldViolation("attendees", attendees + " attendees exceed this resource's capacity of "
                    + spec.capacity()));
        }
        return out;
    }
}
