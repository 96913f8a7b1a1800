package io.aura.kernel.whatif;

import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which dates each booking holds, per resource, folded from schedule events: what utilization counts. */
final class HeldTimes {
    private final Map<String, String> resourceOf = new HashMap<>();
    private final Map<String, List<TimeRange>> held = new HashMap<>();

    void on(Object event) {
        switch (event) {
            case HoldPlaced e -> {
                resourceOf.put(e.bookingId(), e.resourceId());
                held.put(e.bookingId(), new ArrayList<>(e.occurrences()));
            }
            case HoldMoved e -> {
                List<TimeRange> dates = held.computeIfAbsent(e.bookingId(), b -> new ArrayList<>());
                int at = e.from() == null ? -1 : dates.indexOf(e.from());
                if (at >= 0) {
                    dates.set(at, e.to());
                } else if (dates.size() <= 1) {
                    dates.clear();
                    dates.add(e.to());
                }
                resourceOf.put(e.bookingId(), e.resourceId());
            }
            case HoldReleased e -> {
                List<TimeRange> dates = held.get(e.bookingId());
                if (dates != null) {
                    dates.removeAll(e.occurrences());
                }
            }
            default -> { }
        }
    }

    double utilization(TimeRange period, List<String> resources) {
        long periodMinutes = period.duration().toMinutes();
        if (resources.isEmpty() || periodMinutes <= 0) {
            return 0;
        }
        long heldMinutes = 0;
        for (var entry : held.entrySet()) {
            if (!resources.contains(resourceOf.get(entry.getKey()))) {
                continue;
            }
            for (TimeRange date : entry.getValue()) {
                Instant start = date.start().isAfter(period.start()) ? date.start() : period.start();
                Instant end = date.end().isBefore(period.end()) ? date.end() : period.end();
                if (end.isAfter(start)) {
                    heldMinutes += Duration.between(start, end).toMinutes();
                }
            }
        }
        double share = (double) heldMinutes / ((double) periodMinutes * resources.size());
        return Math.round(share * 10_000) / 10_000.0;
    }
}
