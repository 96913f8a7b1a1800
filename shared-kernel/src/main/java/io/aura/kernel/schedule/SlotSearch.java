package io.aura.kernel.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The free slots of one resource inside a window, as a pure function: every start on the
 * {@link FreeSlots#GRID} (15 minutes, counted from the epoch, so 09:00, 09:15, … in any zone with a
 * whole-quarter offset) whose range, widened by the resource's buffer on both sides, overlaps
 * nothing busy (holds and blackouts), and which {@code allowed} accepts (the resource's rules).
 */
public final class SlotSearch {
    private SlotSearch() {}

    public static List<TimeRange> freeWithin(TimeRange window, Duration length, List<TimeRange> busy, Duration buffer,
                                             Predicate<TimeRange> allowed) {
        List<TimeRange> merged = merged(busy);
        List<TimeRange> free = new ArrayList<>();
        int next = 0; // first merged busy range that ends after the current candidate's widened start
        for (Instant start = onGrid(window.start()); !start.plus(length).isAfter(window.end());
             start = start.plus(FreeSlots.GRID)) {
            TimeRange candidate = new TimeRange(start, start.plus(length));
            TimeRange widened = candidate.widenedBy(buffer);
            while (next < merged.size() && !merged.get(next).end().isAfter(widened.start())) {
                next++;
            }
            boolean taken = next < merged.size() && merged.get(next).start().isBefore(widened.end());
            if (!taken && allowed.test(candidate)) {
                free.add(candidate);
            }
        }
        return free;
    }

    /** The first grid instant at or after {@code t}. */
    static Instant onGrid(Instant t) {
        long grid = FreeSlots.GRID.toMillis();
        long millis = t.toEpochMilli();
        long floor = Math.floorDiv(millis, grid) * grid;
        return Instant.ofEpochMilli(floor == millis && t.getNano() % 1_000_000 == 0 ? floor : floor + grid);
    }

    /** Busy ranges sorted and joined where they overlap or touch, so their ends rise with their starts. */
    static List<TimeRange> merged(List<TimeRange> busy) {
        List<TimeRange> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> out = new ArrayList<>();
        for (TimeRange r : sorted) {
            TimeRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !r.start().isAfter(last.end())) {
                if (r.end().isAfter(last.end())) {
                    out.set(out.size() - 1, new TimeRange(last.start(), r.end()));
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
