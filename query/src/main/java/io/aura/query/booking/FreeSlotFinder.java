package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.ContentionModel;
import io.aura.kernel.booking.SlotRanking;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.SlotSearch;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * "When can I have it?": free slots read from the views (active bookings and blackouts, each
 * resource's buffer and rules), found by {@link SlotSearch} and ranked by {@link SlotRanking} with
 * each resource's utilization at that local hour over the four weeks before the window. Not a
 * projection: it only reads what the projections keep. A proposal, not a promise — the schedule
 * decides when the booking is requested.
 */
@Component
public class FreeSlotFinder {
    static final Duration HISTORY = Duration.ofDays(28);
    /** A weekday-hour seen fewer than twice is no history: one quiet Tuesday says little about Tuesdays. */
    static final long MIN_HISTORY_MINUTES = 2 * 60;

    private final BookingViewStore bookings;
    private final HeatmapProjection heatmap;
    private final AvailabilityProjection availability;
    private final QueryGateway queries;
    private final ObjectProvider<ContentionModel> contention;

    public FreeSlotFinder(BookingViewStore bookings, HeatmapProjection heatmap, AvailabilityProjection availability,
                          @Lazy QueryGateway queries, ObjectProvider<ContentionModel> contention) {
        this.contention = contention;
        this.bookings = bookings;
        this.heatmap = heatmap;
        this.availability = availability;
        this.queries = queries;
    }

    @QueryHandler
    List<RankedSlot> handle(FindFreeSlots q) {
        List<ResourceView> resources = queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(
                ResourceView.class)).join().stream()
                .filter(r -> q.resourceId() == null ? r.spec().capacity() >= q.attendees()
                        : r.id().equals(q.resourceId()))
                .toList();
        if (resources.isEmpty()) {
            return List.of();
        }
        TimeRange window = new TimeRange(q.from(), q.to());
        Duration length = Duration.ofMinutes(q.durationMinutes());
        int widestBuffer = resources.stream().mapToInt(r -> r.spec().bufferMinutes()).max().orElse(0);
        Map<String, List<TimeRange>> busy = busy(window.widenedBy(Duration.ofMinutes(widestBuffer)),
                q.resourceId(), q.movingBookingId());
        if (q.resourceId() != null && !q.alsoBusy().isEmpty()) {
            busy.computeIfAbsent(q.resourceId(), k -> new ArrayList<>()).addAll(q.alsoBusy());
        }
        Map<String, double[][]> usual = new HashMap<>();
        Map<String, Double> lately = new HashMap<>();
        usualUtilization(q, usual, lately);
        Map<String, double[][]> predicted = predictions(resources, usual, lately);
        List<RankedSlot> ranked = new ArrayList<>();
        for (ResourceView resource : resources) {
            ResourceSpec spec = resource.spec();
            ZoneId zone = ZoneId.of(spec.timeZone());
            double[][] history = usual.get(resource.id());
            for (TimeRange slot : SlotSearch.freeWithin(window, length, busy.getOrDefault(resource.id(), List.of()),
                    Duration.ofMinutes(spec.bufferMinutes()),
                    candidate -> ScheduleRules.allows(spec, candidate, q.attendees(), q.now()))) {
                ZonedDateTime local = slot.start().atZone(zone);
                double known = history == null ? Double.NaN : history[local.getDayOfWeek().getValue()][local.getHour()];
                Double utilization = Double.isNaN(known) ? null : known;
                double[][] model = predicted.get(resource.id());
                Double contended = model == null ? null : model[local.getDayOfWeek().getValue()][local.getHour()];
                ranked.add(SlotRanking.score(new SlotFacts(resource.id(), slot, window, zone, spec.capacity(),
                        q.attendees(), utilization, q.near(), contended)));
            }
        }
        return SlotRanking.best(ranked, q.count());
    }

    /**
     * The contention model's estimate for every weekday-hour of every resource asked about, in one
     * pass (168 rows a resource), or nothing while no model is trained.
     */
    private Map<String, double[][]> predictions(List<ResourceView> resources, Map<String, double[][]> usual,
                                                Map<String, Double> lately) {
        ContentionModel model = contention.getIfAvailable();
        if (model == null) {
            return Map.of();
        }
        List<ContentionModel.HourFacts> facts = new ArrayList<>();
        for (ResourceView resource : resources) {
            double[][] history = usual.get(resource.id());
            int capacity = resource.spec().capacity();
            for (int day = 1; day <= 7; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    double known = history == null ? Double.NaN : history[day][hour];
                    facts.add(new ContentionModel.HourFacts(day, hour, capacity, Double.isNaN(known) ? 0 : known,
                            lately.getOrDefault(resource.id(), 0.0)));
                }
            }
        }
        return model.contentions(facts).map(p -> {
            Map<String, double[][]> out = new HashMap<>();
            int i = 0;
            for (ResourceView resource : resources) {
                double[][] cells = new double[8][24];
                for (int day = 1; day <= 7; day++) {
                    for (int hour = 0; hour < 24; hour++) {
                        cells[day][hour] = p[i++];
                    }
                }
                out.put(resource.id(), cells);
            }
            return out;
        }).orElse(Map.of());
    }

    /** Active occurrences and blackouts overlapping the window, by resource. */
    private Map<String, List<TimeRange>> busy(TimeRange window, String resourceId, String movingBookingId) {
        Map<String, List<TimeRange>> busy = new HashMap<>();
        for (var entry : bookings.activeBetween(window.start(), window.end(), resourceId)) {
            if (!entry.bookingId().equals(movingBookingId)) { // the booking being moved gives its slot up if it moves
                busy.computeIfAbsent(entry.resourceId(), k -> new ArrayList<>())
                        .add(new TimeRange(entry.start(), entry.end()));
            }
        }
        availability.closed(window.start(), window.end(), resourceId).forEach((resource, ranges) -> ranges.forEach(r ->
                busy.computeIfAbsent(resource, k -> new ArrayList<>()).add(new TimeRange(r[0], r[1]))));
        return busy;
    }

    private static double[][] unknown() {
        double[][] cells = new double[8][24];
        for (double[] day : cells) {
            java.util.Arrays.fill(day, Double.NaN);
        }
        return cells;
    }

    /**
     * Each resource's utilization by local weekday (1..7) and hour over the weeks before the window
     * ({@code byHour}), and over all its hours then ({@code overall}).
     */
    private void usualUtilization(FindFreeSlots q, Map<String, double[][]> byHour, Map<String, Double> overall) {
        Map<String, long[]> totals = new HashMap<>();
        for (HeatmapCell cell : heatmap.handle(new FindHeatmap(q.from().minus(HISTORY), q.from(), q.resourceId()))) {
            long[] t = totals.computeIfAbsent(cell.resourceId(), r -> new long[2]);
            t[0] += cell.bookedMinutes();
            t[1] += cell.bookableMinutes();
            if (cell.bookableMinutes() >= MIN_HISTORY_MINUTES) {
                byHour.computeIfAbsent(cell.resourceId(), r -> unknown())[cell.dayOfWeek()][cell.hour()] =
                        cell.utilization();
            }
        }
        totals.forEach((r, t) -> overall.put(r, t[1] == 0 ? 0 : Math.min(1, t[0] / (double) t[1])));
    }
}
