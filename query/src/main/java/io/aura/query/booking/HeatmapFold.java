package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.LocalHours;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.HeatmapStore.Held;
import io.aura.query.booking.HeatmapStore.HourTotals;
import io.aura.query.booking.HeatmapStore.Share;
import io.aura.query.booking.HeatmapStore.ShareKey;
import io.aura.query.booking.HeatmapStore.ShareKind;
import io.aura.query.booking.HeatmapStore.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The heatmap, event by event: what each event changes (shares set, shares removed, what its booking
 * holds next), and the cells a window's answer is made of. Pure, so every store gets the same
 * changes and a replay computes exactly what live processing did. A share's key names its booking
 * or blackout, the occurrence's start and the slice's index, so a redelivered event sets the same
 * shares again and a release removes exactly the shares its hold set.
 */
public final class HeatmapFold {
    /** The zone of a resource whose registration was not seen. */
    public static final ZoneId UNKNOWN_ZONE = ZoneId.of("UTC");

    private HeatmapFold() {}

    /**
     * What one event changes: shares to set, shares to remove (none also set), and what the booking
     * holds next (null: the event holds nothing new).
     */
    public record Change(List<Share> saved, List<ShareKey> removed, Held held) {
        public Change {
            saved = List.copyOf(saved);
            removed = List.copyOf(removed);
        }
    }

    /** Before it was registered a resource was not bookable: those minutes are no capacity left unused. */
    public static Zone registered(ResourceRegistered e, Instant registeredAt) {
        // to the millisecond, as every store keeps instants
        return new Zone(e.resourceId(), e.spec().timeZone(), registeredAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Blacked-out minutes are not bookable: they leave the bookable minutes of the hours they cover. */
    public static Change blackedOut(BlackoutAdded e, ZoneId zone) {
        return new Change(shares(ShareKind.BLOCKED, e.resourceId(), e.blackoutId(), e.dates(), zone), List.of(),
                null);
    }

    /** A removed blackout's minutes are bookable again: its shares leave the hours it covered. */
    public static Change blackoutRemoved(BlackoutRemoved e, ZoneId zone) {
        return new Change(List.of(), shares(ShareKind.BLOCKED, e.resourceId(), e.blackoutId(), e.dates(), zone)
                .stream().map(Share::key).toList(), null);
    }

    /** A booking holds {@code occurrences} (as well as what it held before). */
    public static Change held(Held before, String bookingId, String resourceId, List<TimeRange> occurrences,
                              ZoneId zone) {
        Set<TimeRange> next = new LinkedHashSet<>(before == null ? List.of() : before.occurrences());
        occurrences.forEach(o -> next.add(toMillis(o)));
        return new Change(shares(ShareKind.BOOKED, resourceId, bookingId, occurrences, zone), List.of(),
                new Held(bookingId, resourceId, byStart(next)));
    }

    /** A booking gives {@code occurrences} up (held or not: a release removes only shares it would have set). */
    public static Change released(Held before, String bookingId, String resourceId, List<TimeRange> occurrences,
                                  ZoneId zone) {
        Set<TimeRange> next = new LinkedHashSet<>(before == null ? List.of() : before.occurrences());
        occurrences.forEach(o -> next.remove(toMillis(o)));
        List<ShareKey> removed = shares(ShareKind.BOOKED, resourceId, bookingId, occurrences, zone).stream()
                .map(Share::key).toList();
        return new Change(List.of(), removed, new Held(bookingId, resourceId, byStart(next)));
    }

    /**
     * Nobody checked in to {@code occurrence}; it was released at {@code at} (ADR 0033). The time it was held,
     * from its start until then, stays booked and counts as unused too; the rest is no longer booked (it is
     * free for others). The date leaves what the booking holds, so a later end of the booking leaves it be.
     */
    public static Change noShow(Held before, String bookingId, String resourceId, TimeRange occurrence, Instant at,
                                ZoneId zone) {
        Set<TimeRange> next = new LinkedHashSet<>(before == null ? List.of() : before.occurrences());
        next.remove(toMillis(occurrence));
        Instant cut = at.isBefore(occurrence.start()) ? occurrence.start()
                : at.isAfter(occurrence.end()) ? occurrence.end() : at;
        List<Share> saved = new ArrayList<>();
        if (cut.isAfter(occurrence.start())) {
            // keyed by the occurrence's start like its booked shares: the held part's slices keep their keys
            TimeRange used = new TimeRange(occurrence.start(), cut);
            saved.addAll(shares(ShareKind.BOOKED, resourceId, bookingId, List.of(used), zone));
            saved.addAll(shares(ShareKind.UNUSED, resourceId, bookingId, List.of(used), zone));
        }
        Set<ShareKey> kept = new HashSet<>();
        saved.forEach(s -> kept.add(s.key()));
        List<ShareKey> removed = shares(ShareKind.BOOKED, resourceId, bookingId, List.of(occurrence), zone).stream()
                .map(Share::key).filter(k -> !kept.contains(k)).toList();
        return new Change(saved, removed, new Held(bookingId, resourceId, byStart(next)));
    }

    /** The booking ended (cancelled, or its approval rejected or expired): everything it held is released. */
    public static Change ended(Held before, String bookingId, String resourceId, ZoneId zone) {
        return released(before, bookingId, resourceId, before == null ? List.of() : before.occurrences(), zone);
    }

    /** One share per local-hour slice of each range, in the range's own time zone. */
    static List<Share> shares(ShareKind kind, String resourceId, String ownerId, List<TimeRange> ranges, ZoneId zone) {
        List<Share> shares = new ArrayList<>();
        for (TimeRange range : ranges) {
            List<LocalHours.Slice> slices = LocalHours.of(range, zone);
            for (int i = 0; i < slices.size(); i++) {
                LocalHours.Slice slice = slices.get(i);
                // the index tells apart the two slices of the hour a clock repeats when it goes back
                String key = ownerId + "_" + range.start().getEpochSecond() + "_" + i;
                shares.add(new Share(new ShareKey(resourceId, slice.date(), slice.hour(), kind, key), slice.minutes()));
            }
        }
        return shares;
    }

    /**
     * The local dates whose hours can fall in [from, to) in any time zone: the UTC dates widened by a
     * day each side (no zone is more than a day from UTC). Each resource's exact window is then
     * applied by {@link #cells}.
     */
    public static LocalDate[] datesAround(Instant from, Instant to) {
        return new LocalDate[] {LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(1),
                LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1)};
    }

    /**
     * Each resource's 7 × 24 cells (Monday first, hour 0 first) over [from, to), in the order of
     * {@code zones}: per local weekday and hour the minutes booked, the minutes it could be booked
     * (the window's minutes since it was registered, less those blacked out) and their ratio, rounded
     * to four places and at most 1. {@code hours} may hold hours outside the window: only the
     * window's count.
     */
    public static List<HeatmapCell> cells(List<Zone> zones, Instant from, Instant to,
                                          Map<String, List<HourTotals>> hoursByResource) {
        // resources in one zone, registered before the window, share its bookable hours: computed once
        Map<List<Object>, Bookable> windows = new HashMap<>();
        List<HeatmapCell> cells = new ArrayList<>(zones.size() * 7 * 24);
        for (Zone zone : zones) {
            Instant start = zone.registeredAt() != null && zone.registeredAt().isAfter(from) ? zone.registeredAt() : from;
            Bookable bookable = windows.computeIfAbsent(List.of(zone.timeZone(), start),
                    key -> Bookable.of(zone.zoneId(), start, to));
            cells.addAll(cells(zone.resourceId(), bookable, hoursByResource.getOrDefault(zone.resourceId(), List.of())));
        }
        return cells;
    }

    /** One resource's cells (see {@link #cells(List, Instant, Instant, Map)}). */
    public static List<HeatmapCell> cells(Zone zone, Instant from, Instant to, List<HourTotals> hours) {
        return cells(List.of(zone), from, to, Map.of(zone.resourceId(), hours));
    }

    /** The minutes per local weekday and hour of [start, to) in a zone, and which local hours they lie in. */
    private record Bookable(long[][] minutes, Set<Long> localHours) {
        static Bookable of(ZoneId zone, Instant start, Instant to) {
            long[][] minutes = new long[8][24];
            Set<Long> localHours = new HashSet<>();
            List<LocalHours.Slice> slices = start.isBefore(to) ? LocalHours.of(new TimeRange(start, to), zone) : List.of();
            for (LocalHours.Slice slice : slices) {
                minutes[slice.date().getDayOfWeek().getValue()][slice.hour()] += slice.minutes();
                localHours.add(localHour(slice.date(), slice.hour()));
            }
            return new Bookable(minutes, localHours);
        }
    }

    private static List<HeatmapCell> cells(String resourceId, Bookable bookable, List<HourTotals> hours) {
        long[][] booked = new long[8][24];
        long[][] blocked = new long[8][24];
        long[][] unused = new long[8][24];
        for (HourTotals hour : hours) {
            if (!bookable.localHours().contains(localHour(hour.date(), hour.hour()))) {
                continue;
            }
            int day = hour.date().getDayOfWeek().getValue();
            booked[day][hour.hour()] += hour.bookedMinutes();
            blocked[day][hour.hour()] += hour.blockedMinutes();
            unused[day][hour.hour()] += hour.unusedMinutes();
        }
        List<HeatmapCell> cells = new ArrayList<>(7 * 24);
        for (int day = 1; day <= 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                long capacity = Math.max(0, bookable.minutes()[day][hour] - blocked[day][hour]);
                double utilization = capacity == 0 ? 0 : Math.min(1.0, booked[day][hour] / (double) capacity);
                cells.add(new HeatmapCell(resourceId, day, hour, booked[day][hour],
                        Math.round(utilization * 10_000) / 10_000.0, capacity, unused[day][hour]));
            }
        }
        return cells;
    }

    /** A local date and hour as one number (hours since 1970-01-01 00:00 on the local clock). */
    private static long localHour(LocalDate date, int hour) {
        return date.toEpochDay() * 24 + hour;
    }

    /** Held occurrences are kept to the millisecond, as every store keeps instants. */
    private static TimeRange toMillis(TimeRange range) {
        return new TimeRange(range.start().truncatedTo(ChronoUnit.MILLIS), range.end().truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<TimeRange> byStart(Set<TimeRange> ranges) {
        return ranges.stream().sorted(Comparator.comparing(TimeRange::start).thenComparing(TimeRange::end)).toList();
    }
}
