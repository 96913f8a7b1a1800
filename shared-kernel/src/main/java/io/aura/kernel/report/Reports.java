package io.aura.kernel.report;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Timesheets and utilization from booking views, as pure functions (the edges only fetch and format). A date
 * counts when it held its resource: confirmed, or a no-show (booked but unused, as in the heatmap); it belongs
 * to the week and day it starts in, in its resource's zone (as quotas count them, ADR 0034).
 */
public final class Reports {
    /** The longest span one report covers: a year and a day. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(367);

    private Reports() {}

    /** Whether a date held its resource. */
    public static boolean heldTime(Occurrence date) {
        return date.status() == OccurrenceStatus.CONFIRMED || date.status() == OccurrenceStatus.NO_SHOW;
    }

    /** Minutes used of a date: from its check-in (or its start, if checked in before) to its end; 0 if not. */
    public static long checkedInMinutes(Occurrence date) {
        if (date.checkedInAt() == null || !heldTime(date)) {
            return 0;
        }
        Instant from = date.checkedInAt().isAfter(date.start()) ? date.checkedInAt() : date.start();
        return from.isBefore(date.end()) ? Duration.between(from, date.end()).toMinutes() : 0;
    }

    /**
     * Per ISO week and key, the dates starting in {@code period} that held time; {@code keyOf} names a booking's
     * key (its requester, resource or category; null: counted as "none"). Sorted by week, then key.
     */
    public static List<TimesheetRow> timesheet(List<BookingView> views, TimeRange period,
                                               Function<BookingView, String> keyOf,
                                               Function<String, ZoneId> zoneOfResource) {
        Map<String, long[]> totals = new TreeMap<>();
        for (BookingView view : views) {
            String key = keyOf.apply(view);
            ZoneId zone = zoneOfResource.apply(view.resourceId());
            for (Occurrence date : view.occurrences()) {
                if (!heldTime(date) || !startsIn(date, period)) {
                    continue;
                }
                String week = QuotaPeriod.P1W.keyOf(date.start(), zone);
                long[] sum = totals.computeIfAbsent(week + "\u0000" + (key == null ? "none" : key), k -> new long[3]);
                sum[0]++;
                sum[1] += Duration.between(date.start(), date.end()).toMinutes();
                sum[2] += checkedInMinutes(date);
            }
        }
        List<TimesheetRow> rows = new ArrayList<>();
        totals.forEach((weekAndKey, sum) -> {
            String[] parts = weekAndKey.split("\u0000", 2);
            rows.add(new TimesheetRow(parts[0], parts[1], sum[0], sum[1], sum[2]));
        });
        return rows;
    }

    /**
     * Per resource and local day of {@code period} (in the resource's zone), the minutes open, booked and used.
     * Open means inside its opening hours (always, without them); resources retired still report what they held.
     */
    public static List<UtilizationRow> utilization(List<ResourceView> resources, List<BookingView> views,
                                                   TimeRange period) {
        List<UtilizationRow> rows = new ArrayList<>();
        for (ResourceView resource : resources.stream().sorted(Comparator.comparing(ResourceView::id)).toList()) {
            ZoneId zone = zoneOf(resource);
            Map<LocalDate, long[]> held = new TreeMap<>();
            views.stream().filter(v -> resource.id().equals(v.resourceId()))
                    .flatMap(v -> v.occurrences().stream()).filter(Reports::heldTime)
                    .filter(date -> startsIn(date, period)).forEach(date -> {
                        long[] sum = held.computeIfAbsent(date.start().atZone(zone).toLocalDate(), d -> new long[2]);
                        sum[0] += Duration.between(date.start(), date.end()).toMinutes();
                        sum[1] += checkedInMinutes(date);
                    });
            LocalDate last = period.end().minusMillis(1).atZone(zone).toLocalDate();
            for (LocalDate day = period.start().atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                TimeRange whole = new TimeRange(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant());
                long closed = OpeningHours.closedParts(resource.spec().openingHours(), whole, zone).stream()
                        .mapToLong(c -> Duration.between(c.start(), c.end()).toMinutes()).sum();
                long[] sum = held.getOrDefault(day, new long[2]);
                rows.add(new UtilizationRow(day, resource.id(), resource.spec().name(),
                        Duration.between(whole.start(), whole.end()).toMinutes() - closed, sum[0], sum[1]));
            }
        }
        return rows;
    }

    private static boolean startsIn(Occurrence date, TimeRange period) {
        return !date.start().isBefore(period.start()) && date.start().isBefore(period.end());
    }

    /** A resource's zone (UTC when it names none): where its weeks and days are counted. */
    public static ZoneId zoneOf(ResourceView resource) {
        String zone = resource.spec().timeZone();
        return zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
    }

    /** The timesheet as RFC 4180 CSV with a header row. */
    public static String timesheetCsv(List<TimesheetRow> rows) {
        StringBuilder out = new StringBuilder(TimesheetRow.CSV_HEADER).append("\r\n");
        rows.forEach(r -> out.append(csv(r.week())).append(',').append(csv(r.key())).append(',').append(r.bookings())
                .append(',').append(r.minutes()).append(',').append(r.checkedInMinutes()).append("\r\n"));
        return out.toString();
    }

    /** Utilization as RFC 4180 CSV with a header row. */
    public static String utilizationCsv(List<UtilizationRow> rows) {
        StringBuilder out = new StringBuilder(UtilizationRow.CSV_HEADER).append("\r\n");
        rows.forEach(r -> out.append(r.day()).append(',').append(csv(r.resourceId())).append(',')
                .append(csv(r.resourceName())).append(',').append(r.bookableMinutes()).append(',')
                .append(r.bookedMinutes()).append(',').append(r.checkedInMinutes()).append("\r\n"));
        return out.toString();
    }

    /** One CSV field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
    public static String csv(String field) {
        if (field == null) {
            return "";
        }
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
