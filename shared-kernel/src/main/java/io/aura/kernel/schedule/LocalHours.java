package io.aura.kernel.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a range into the local clock hours of a time zone it touches, with the minutes spent in
 * each: a booking across midnight lands on two local dates, and on the night a clock goes back
 * the repeated hour collects both of its real hours.
 */
public final class LocalHours {
    private LocalHours() {}

    public record Slice(LocalDate date, int hour, long minutes) {}

    public static List<Slice> of(TimeRange range, ZoneId zone) {
        List<Slice> slices = new ArrayList<>();
        // Walk local clock hours (half-hour zones included); plusHours adds real time, so a
        // repeated local hour is visited twice and a skipped one never.
        ZonedDateTime cursor = range.start().atZone(zone).truncatedTo(ChronoUnit.HOURS);
        while (cursor.toInstant().isBefore(range.end())) {
            ZonedDateTime next = cursor.plusHours(1);
            Instant from = cursor.toInstant().isBefore(range.start()) ? range.start() : cursor.toInstant();
            Instant to = next.toInstant().isAfter(range.end()) ? range.end() : next.toInstant();
            long minutes = Duration.between(from, to).toMinutes();
            if (minutes > 0) {
                slices.add(new Slice(cursor.toLocalDate(), cursor.getHour(), minutes));
            }
            cursor = next;
        }
        return slices;
    }
}
