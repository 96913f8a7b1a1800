package io.aura.kernel.resource;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A resource's weekly opening hours in its own time zone, as pure functions: are they well formed,
 * and which parts of a range fall outside them. No intervals at all means always open. Times are
 * local wall-clock times, so 08:00 stays 08:00 across a daylight-saving change; {@code "24:00"} as
 * {@code to} means the end of the day.
 */
public final class OpeningHours {
    public static final int MAX_INTERVALS = 7 * 8;
    static final String END_OF_DAY = "24:00";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private OpeningHours() {}

    /** Open on ISO weekday {@code dayOfWeek} (1 = Monday .. 7 = Sunday) from {@code from} until {@code to} ("HH:mm"). */
    public record Interval(int dayOfWeek, String from, String to) {}

    /** What is wrong with the intervals, each named by its path under {@code field} (e.g. {@code openingHours[0].from}). */
    public static List<FieldViolation> violations(String field, List<Interval> hours) {
        List<FieldViolation> out = new ArrayList<>();
        if (hours.size() > MAX_INTERVALS) {
            out.add(FieldViolation.of(field, Rule.OPENING_HOURS_TOO_MANY, MAX_INTERVALS));
            return out;
        }
        List<Integer> wellFormed = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Interval interval = hours.get(i);
            String path = field + "[" + i + "]";
            if (interval == null) {
                out.add(FieldViolation.of(path, Rule.NOT_NULL));
                continue;
            }
            boolean ok = true;
            if (interval.dayOfWeek() < 1 || interval.dayOfWeek() > 7) {
                out.add(FieldViolation.of(path + ".dayOfWeek", Rule.DAY_OF_WEEK_RANGE));
                ok = false;
            }
            Integer from = minuteOfDay(interval.from(), false);
            Integer to = minuteOfDay(interval.to(), true);
            if (from == null) {
                out.add(FieldViolation.of(path + ".from", Rule.LOCAL_TIME_FORMAT));
                ok = false;
            }
            if (to == null) {
                out.add(FieldViolation.of(path + ".to", Rule.LOCAL_TIME_FORMAT));
                ok = false;
            }
            if (from != null && to != null && from >= to) {
                out.add(FieldViolation.of(path + ".from", Rule.OPENS_BEFORE_CLOSING));
                ok = false;
            }
            if (ok) {
                for (int j : wellFormed) {
                    Interval other = hours.get(j);
                    if (other.dayOfWeek() == interval.dayOfWeek() && minuteOfDay(other.from(), false) < to
                            && from < minuteOfDay(other.to(), true)) {
                        out.add(FieldViolation.of(path, Rule.OPENING_HOURS_OVERLAP, field + "[" + j + "]"));
                        ok = false;
                        break;
                    }
                }
            }
            if (ok) {
                wellFormed.add(i);
            }
        }
        return out;
    }

    /**
     * The parts of {@code range} outside the opening hours in {@code zone}, in order; none when the
     * hours are empty (always open) or the range lies wholly inside them. Expects well-formed hours.
     */
    public static List<TimeRange> closedParts(List<Interval> hours, TimeRange range, ZoneId zone) {
        if (hours == null || hours.isEmpty()) {
            return List.of();
        }
        List<TimeRange> open = new ArrayList<>();
        // from the local day before the start (an interval up to 24:00 reaches into the next day) to the end's day
        LocalDate last = range.end().atZone(zone).toLocalDate();
        for (LocalDate day = range.start().atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last);
             day = day.plusDays(1)) {
            for (Interval interval : hours) {
                if (interval.dayOfWeek() == day.getDayOfWeek().getValue()) {
                    Instant from = at(day, interval.from(), zone);
                    Instant to = at(day, interval.to(), zone);
                    if (to.isAfter(from)) {
                        open.add(new TimeRange(from, to));
                    }
                }
            }
        }
        open.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> closed = new ArrayList<>();
        Instant cursor = range.start();
        for (TimeRange o : open) {
            if (!cursor.isBefore(range.end())) {
                break;
            }
            if (o.start().isAfter(cursor)) {
                Instant closedUntil = o.start().isBefore(range.end()) ? o.start() : range.end();
                closed.add(new TimeRange(cursor, closedUntil));
            }
            if (o.end().isAfter(cursor)) {
                cursor = o.end();
            }
        }
        if (cursor.isBefore(range.end())) {
            closed.add(new TimeRange(cursor, range.end()));
        }
        return closed;
    }

    /** Whether {@code range} lies wholly inside the opening hours in {@code zone}. */
    public static boolean covers(List<Interval> hours, TimeRange range, ZoneId zone) {
        return closedParts(hours, range, zone).isEmpty();
    }

    private static Instant at(LocalDate day, String time, ZoneId zone) {
        if (END_OF_DAY.equals(time)) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        // a time the clock skips (a spring-forward gap) opens at the first instant after it
        return day.atTime(LocalTime.parse(time, HH_MM)).atZone(zone).toInstant();
    }

    /** Minutes since midnight of an "HH:mm" time, or null if it is not one; "24:00" only as an end. */
    private static Integer minuteOfDay(String time, boolean end) {
        if (time == null) {
            return null;
        }
        if (end && END_OF_DAY.equals(time)) {
            return 24 * 60;
        }
        try {
            LocalTime t = LocalTime.parse(time, HH_MM);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
