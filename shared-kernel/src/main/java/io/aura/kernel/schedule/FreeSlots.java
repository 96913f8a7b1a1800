package io.aura.kernel.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The free slots of the same length nearest to a wanted range, as a pure function: candidates
 * step away from the wanted start, alternately later and earlier, on a fixed grid, and the first
 * {@code count} that are free (per {@code isFree}) and inside [earliest, latest] are returned,
 * nearest first.
 */
public final class FreeSlots {
    public static final Duration GRID = Duration.ofMinutes(15);
    private static final int MAX_STEPS = 4 * 24 * 14; // two weeks either way on a 15-minute grid

    private FreeSlots() {}

    public static List<TimeRange> nearest(TimeRange wanted, Instant earliest, Instant latest, int count,
                                          Predicate<TimeRange> isFree) {
        List<TimeRange> found = new ArrayList<>();
        for (int step = 1; step <= MAX_STEPS && found.size() < count; step++) {
            Duration offset = GRID.multipliedBy(step);
            for (TimeRange candidate : List.of(wanted.shiftedTo(wanted.start().plus(offset)),
                    wanted.shiftedTo(wanted.start().minus(offset)))) {
                if (found.size() < count && !candidate.start().isBefore(earliest)
                        && !candidate.end().isAfter(latest) && isFree.test(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found;
    }
}
