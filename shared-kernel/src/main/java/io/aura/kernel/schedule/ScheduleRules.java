package io.aura.kernel.schedule;

import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    /**
     * The parts of {@code range} outside the resource's opening hours (in its zone), as conflicts of
     * source OPENING_HOURS: the one place closed time is decided, for the schedule, the suggestions and the UI.
     */
    public static List<Conflict> outsideOpeningHours(ResourceSpec spec, TimeRange range) {
        if (spec.openingHours().isEmpty()) {
            return List.of();
        }
        return OpeningHours.closedParts(spec.openingHours(), range, ZoneId.of(spec.timeZone())).stream()
                .map(closed -> new Conflict(closed, Conflict.Source.OPENING_HOURS, null, range)).toList();
    }

    /** Whether the resource's rules and opening hours allow {@code range} (what a free slot must satisfy). */
    public static boolean allows(ResourceSpec spec, TimeRange range, int attendees, Instant now) {
        return check(spec, range, attendees, now).isEmpty() && outsideOpeningHours(spec, range).isEmpty();
    }

    public static List<FieldViolation> check(ResourceSpec spec, TimeRange range, int attendees, Instant now) {
        List<FieldViolation> out = new ArrayList<>();
        long minutes = range.duration().toMinutes();
        if (minutes < spec.minDurationMinutes()) {
            out.add(FieldViolation.of("end", Rule.SHORTER_THAN_RESOURCE_ALLOWS, minutes,
                    spec.minDurationMinutes()));
        }
        if (minutes > spec.maxDurationMinutes()) {
            out.add(FieldViolation.of("end", Rule.LONGER_THAN_RESOURCE_ALLOWS, minutes,
                    spec.maxDurationMinutes()));
        }
        if (range.start().isBefore(now)) {
            out.add(FieldViolation.of("start", Rule.IN_THE_PAST));
        } else if (range.start().isAfter(now.plus(Duration.ofDays(spec.bookingWindowDays())))) {
            out.add(FieldViolation.of("start", Rule.BEYOND_BOOKING_WINDOW, spec.bookingWindowDays()));
        }
        if (attendees > spec.capacity()) {
            out.add(FieldViolation.of("attendees", Rule.OVER_CAPACITY, attendees, spec.capacity()));
        }
        return out;
    }
}
