package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries;
import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingQueries.RankSlots;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.ContentionModel;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SignalSource;
import io.aura.kernel.booking.SlotRanker;
import io.aura.kernel.booking.SlotRanker.Candidate;
import io.aura.kernel.booking.SlotRanker.Context;
import io.aura.kernel.booking.SlotRanking;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.SlotSearch;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
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
 * resource's buffer and rules), found by {@link SlotSearch} and ranked by {@link SlotRanker} with
 * each resource's utilization at that local hour over the four weeks before the window and the
 * learned signals (ADR 0049). Every list of slots on offer is ranked here: free slots, the same slot
 * elsewhere, given candidates. Not a projection: it only reads what the projections keep. A
 * proposal, not a promise — the schedule decides when the booking is requested.
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
    private final ObjectProvider<SignalSource> signals;

    public FreeSlotFinder(BookingViewStore bookings, HeatmapProjection heatmap, AvailabilityProjection availability,
                          @Lazy QueryGateway queries, ObjectProvider<ContentionModel> contention,
                          ObjectProvider<SignalSource> signals) {
        this.contention = contention;
        this.signals = signals;
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
        List<Suggestion> free = new ArrayList<>();
        for (ResourceView resource : resources) {
            ResourceSpec spec = resource.spec();
            for (TimeRange slot : SlotSearch.freeWithin(window, length, busy.getOrDefault(resource.id(), List.of()),
                    Duration.ofMinutes(spec.bufferMinutes()),
                    candidate -> ScheduleRules.allows(spec, candidate, q.attendees(), q.now()))) {
                free.add(new Suggestion(resource.id(), slot.start(), slot.end(), 0));
            }
        }
        return SlotRanking.best(rank(free, resources, Context.search(window, q.attendees(), q.near(), q.group()),
                q.resourceId()), q.count());
    }

    /** Given slots ranked as every free slot is (the alternatives to a refusal, the form's one-click slots). */
    @QueryHandler
    List<RankedSlot> handle(RankSlots q) {
        if (q.candidates().isEmpty()) {
            return List.of();
        }
        java.util.Set<String> asked = new java.util.HashSet<>();
        q.candidates().forEach(c -> asked.add(c.resourceId()));
        List<ResourceView> all = queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(
                ResourceView.class)).join();
        ZoneId refusedZone = all.stream().filter(r -> r.id().equals(q.refusedResourceId())).findFirst()
                .map(r -> ZoneId.of(r.spec().timeZone())).orElse(null);
        return rank(q.candidates(), all.stream().filter(r -> asked.contains(r.id())).toList(),
                new Context(new TimeRange(q.from(), q.to()), q.attendees(), q.near(), q.group(), q.refusedResourceId(),
                        q.refused(), refusedZone), asked.size() == 1 ? asked.iterator().next() : null);
    }

    /**
     * The same slot on other resources that seat everyone and are free then, ranked (the 409's "same time
     * elsewhere"): candidates from the availability views, ranked by {@link SlotRanker} around the refused slot.
     */
    @QueryHandler
    List<Suggestion> handle(FindAlternatives q) {
        List<Suggestion> elsewhere = availability.sameSlotElsewhere(q);
        if (elsewhere.isEmpty()) {
            return List.of();
        }
        TimeRange wanted = new TimeRange(q.start(), q.end());
        // this query knows no clock: the span is not cut at now (the 409 and the form rank again in theirs)
        TimeRange around = BookingQueries.aroundRefused(wanted, Instant.EPOCH);
        return handle(new RankSlots(elsewhere, around.start(), around.end(), q.attendees(), q.start(), null,
                q.excludedResourceId(), wanted)).stream().map(Suggestion::of).toList();
    }

    /**
     * The one ranking (ADR 0049): each candidate with what the views know of it (zone, capacity, approval,
     * utilization at that local hour in the four weeks before the window), the learned signals, and the
     * contention model's estimates in one batched call. A candidate on an unknown resource is left out.
     */
    private List<RankedSlot> rank(List<Suggestion> slots, List<ResourceView> resources, Context context,
                                  String onlyResource) {
        Map<String, double[][]> usual = new HashMap<>();
        Map<String, Double> lately = new HashMap<>();
        usualUtilization(context.window().start(), onlyResource, usual, lately);
        Map<String, ResourceView> byId = new HashMap<>();
        resources.forEach(r -> byId.put(r.id(), r));
        List<Candidate> candidates = new ArrayList<>(slots.size());
        for (Suggestion s : slots) {
            ResourceView resource = byId.get(s.resourceId());
            if (resource == null) {
                continue;
            }
            ZoneId zone = ZoneId.of(resource.spec().timeZone());
            ZonedDateTime local = s.start().atZone(zone);
            double[][] history = usual.get(resource.id());
            double known = history == null ? Double.NaN : history[local.getDayOfWeek().getValue()][local.getHour()];
            candidates.add(new Candidate(resource.id(), new TimeRange(s.start(), s.end()), zone,
                    resource.spec().capacity(), resource.spec().approvalRequired(), Double.isNaN(known) ? null : known,
                    lately.getOrDefault(resource.id(), 0.0)));
        }
        SignalSource source = signals.getIfAvailable();
        return SlotRanker.rank(candidates, context, source == null ? RankingSignals.NONE : source.current(),
                contention.getIfAvailable());
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
    private void usualUtilization(Instant from, String resourceId, Map<String, double[][]> byHour,
                                  Map<String, Double> overall) {
        Map<String, long[]> totals = new HashMap<>();
        for (HeatmapCell cell : heatmap.handle(new FindHeatmap(from.minus(HISTORY), from, resourceId))) {
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
