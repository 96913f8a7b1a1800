package io.aura.query.booking;

import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The times nobody may book other than by a booking (blackouts, linked-Outlook busy times), event by
 * event: each function returns the record to keep or the changes to make. Pure, so every store keeps
 * what the same fold computed, and a redelivered event computes nothing new.
 */
public final class ClosedTimeFold {
    private ClosedTimeFold() {}

    /** What a store changes of the busy times: {@code removed} go, {@code added} are kept. */
    public record BusyChanges(List<BusyTime> removed, List<BusyTime> added) {
        public BusyChanges {
            removed = List.copyOf(removed);
            added = List.copyOf(added);
        }

        public boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }
    }

    /** The blackout as listed: its first date, with its recurrence when it repeats. */
    public static BlackoutView blackoutAdded(BlackoutAdded e) {
        return new BlackoutView(e.blackoutId(), e.resourceId(), e.range().start(), e.range().end(), e.reason(),
                e.recurrence());
    }

    /**
     * A repeating blackout's later dates, each kept as a closed time of its own (under {@link #dateId}) so
     * every overlap query finds it; the listing leaves them out ({@link #isLaterDate}).
     */
    public static List<BlackoutView> laterDates(BlackoutAdded e) {
        List<BlackoutView> out = new java.util.ArrayList<>();
        for (int i = 1; i < e.occurrences().size(); i++) {
            var date = e.occurrences().get(i);
            out.add(new BlackoutView(dateId(e.blackoutId(), i), e.resourceId(), date.start(), date.end(), e.reason()));
        }
        return out;
    }

    /** The id a repeating blackout's {@code index}th date (1 and up) is kept under. */
    public static String dateId(String blackoutId, int index) {
        return blackoutId + DATE_MARK + index;
    }

    public static boolean isLaterDate(String id) {
        return id.contains(DATE_MARK);
    }

    static final String DATE_MARK = "#";

    /**
     * What the calendar showed over the window replaces what was known there: {@code known} are the
     * resource's busy times overlapping the window as stored; those no longer shown go, new ones come.
     */
    public static BusyChanges busyChanged(List<BusyTime> known, ExternalBusyChanged e) {
        Map<String, BusyTime> shown = new LinkedHashMap<>();
        e.busy().stream().map(b -> BusyTime.of(e.resourceId(), b)).forEach(b -> shown.putIfAbsent(b.id(), b));
        List<BusyTime> inWindow = known.stream().filter(b -> b.resourceId().equals(e.resourceId())
                && b.overlaps(e.window().start(), e.window().end())).toList();
        Set<String> kept = inWindow.stream().map(BusyTime::id).collect(Collectors.toSet());
        return new BusyChanges(inWindow.stream().filter(b -> !shown.containsKey(b.id())).toList(),
                shown.values().stream().filter(b -> !kept.contains(b.id())).toList());
    }

    /** The calendar no longer counts: every busy time it showed ({@code known}, the resource's) goes. */
    public static BusyChanges unlinked(List<BusyTime> known) {
        return new BusyChanges(known, List.of());
    }
}
