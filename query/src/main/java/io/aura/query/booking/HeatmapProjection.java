package io.aura.query.booking;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.HeatmapStore.HourTotals;
import io.aura.query.booking.HeatmapStore.Zone;
import io.aura.query.store.ViewChanges;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Booked minutes per resource, local date and local hour, in the resource's own time zone. Each
 * handler computes its change with {@link HeatmapFold} and the {@link HeatmapStore} saves it: shares
 * are set and removed by stable keys, so a redelivered event writes the same values again and a
 * cancellation removes exactly its share.
 */
@Component
@ProcessingGroup(HeatmapProjection.PROCESSING_GROUP)
public class HeatmapProjection {
    public static final String PROCESSING_GROUP = "heatmap";

    private final HeatmapStore store;
    private final QueryUpdateEmitter emitter;
    /** A resource's zone never changes once registered: read once, not for every booking. */
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    private final ViewChanges otherNodes;

    public HeatmapProjection(HeatmapStore store, QueryUpdateEmitter emitter) {
        this(store, emitter, Optional.empty());
    }

    @Autowired
    public HeatmapProjection(HeatmapStore store, QueryUpdateEmitter emitter, Optional<ViewChanges> otherNodes) {
        this.store = store;
        this.emitter = emitter;
        this.otherNodes = otherNodes.orElse(ViewChanges.NONE);
    }

    @EventHandler
    void on(ResourceRegistered e, @Timestamp Instant registeredAt) {
        Zone zone = HeatmapFold.registered(e, registeredAt);
        store.saveZone(zone);
        zones.put(zone.resourceId(), zone.zoneId());
    }

    @EventHandler
    void on(BlackoutAdded e) {
        apply(e.resourceId(), HeatmapFold.blackedOut(e, zoneOf(e.resourceId())), e.dates());
    }

    @EventHandler
    void on(BlackoutRemoved e) {
        apply(e.resourceId(), HeatmapFold.blackoutRemoved(e, zoneOf(e.resourceId())), e.dates());
    }

    @EventHandler
    void on(BookingConfirmed e) {
        hold(e.bookingId(), e.resourceId(), e.held());
    }

    @EventHandler
    void on(BookingAwaitingApproval e) {
        hold(e.bookingId(), e.resourceId(), e.held());
    }

    @EventHandler
    void on(OccurrenceCancelled e) {
        release(e.bookingId(), e.resourceId(), List.of(e.occurrence()));
    }

    @EventHandler
    void on(BookingCancelled e) {
        ended(e.bookingId(), e.resourceId());
    }

    /** An approval rejected or expired: the booking never took place. */
    @EventHandler
    void on(BookingDeclined e) {
        ended(e.bookingId(), e.resourceId());
    }

    /** A no-show: held until released (booked, unused), the rest free again (ADR 0033). */
    @EventHandler
    void on(OccurrenceMarkedNoShow e) {
        change(e.bookingId(), e.resourceId(), List.of(e.occurrence()), before -> HeatmapFold.noShow(before,
                e.bookingId(), e.resourceId(), e.occurrence(), e.at(), zoneOf(e.resourceId())));
    }

    @EventHandler
    void on(BookingRescheduled e) {
        release(e.bookingId(), e.resourceId(), List.of(e.from()));
        hold(e.bookingId(), e.resourceId(), List.of(e.to()));
    }

    @ResetHandler
    void reset() {
        zones.clear();
        store.clear();
    }

    @QueryHandler
    List<HeatmapCell> handle(FindHeatmap q) {
        return answer(store, q);
    }

    /** What {@link FindHeatmap} answers from a store: each resource asked for, 7 × 24 cells. */
    public static List<HeatmapCell> answer(HeatmapStore store, FindHeatmap q) {
        List<Zone> asked = q.resourceId() == null ? store.zones() : store.zone(q.resourceId()).map(List::of).orElse(List.of());
        if (asked.isEmpty()) {
            return List.of();
        }
        // one read of the hours of every resource asked for; each resource's exact local window is applied by the fold
        LocalDate[] dates = HeatmapFold.datesAround(q.from(), q.to());
        Map<String, List<HourTotals>> hoursByResource = new HashMap<>();
        for (HourTotals hour : store.hours(q.resourceId(), dates[0], dates[1])) {
            hoursByResource.computeIfAbsent(hour.resourceId(), r -> new ArrayList<>()).add(hour);
        }
        return HeatmapFold.cells(asked, q.from(), q.to(), hoursByResource);
    }

    /** The initial answer of a live heatmap subscription is empty: it streams changes from now on. */
    @QueryHandler
    List<HeatmapChanged> handle(WatchHeatmap query) {
        return List.of();
    }

    private void hold(String bookingId, String resourceId, List<TimeRange> occurrences) {
        change(bookingId, resourceId, occurrences,
                before -> HeatmapFold.held(before, bookingId, resourceId, occurrences, zoneOf(resourceId)));
    }

    private void release(String bookingId, String resourceId, List<TimeRange> occurrences) {
        change(bookingId, resourceId, occurrences,
                before -> HeatmapFold.released(before, bookingId, resourceId, occurrences, zoneOf(resourceId)));
    }

    private void ended(String bookingId, String resourceId) {
        HeatmapStore.Held before = store.held(bookingId).orElse(null);
        apply(resourceId, HeatmapFold.ended(before, bookingId, resourceId, zoneOf(resourceId)),
                before == null ? List.of() : before.occurrences());
    }

    private void change(String bookingId, String resourceId, List<TimeRange> occurrences,
                        Function<HeatmapStore.Held, HeatmapFold.Change> next) {
        apply(resourceId, next.apply(store.held(bookingId).orElse(null)), occurrences);
    }

    private void apply(String resourceId, HeatmapFold.Change change, List<TimeRange> touched) {
        store.removeShares(change.removed());
        store.saveShares(change.saved());
        if (change.held() != null) {
            store.saveHeld(change.held());
        }
        changed(resourceId, touched);
    }

    /** Live heatmaps hear which resource and time changed (the emitter waits for the unit of work to commit). */
    private void changed(String resourceId, List<TimeRange> occurrences) {
        if (occurrences.isEmpty()) {
            return;
        }
        Instant from = occurrences.stream().map(TimeRange::start).min(Instant::compareTo).orElseThrow();
        Instant to = occurrences.stream().map(TimeRange::end).max(Instant::compareTo).orElseThrow();
        HeatmapChanged change = new HeatmapChanged(resourceId, from, to);
        otherNodes.heatmapChanged(change);
        publish(emitter, change);
    }

    /** Tells this node's live heatmaps: the projection, and the news from other nodes. */
    public static void publish(QueryUpdateEmitter emitter, HeatmapChanged change) {
        if (emitter.activeSubscriptions().isEmpty()) {
            return;
        }
        emitter.emit(WatchHeatmap.class, q -> q.resourceId() == null || q.resourceId().equals(change.resourceId()),
                change);
    }

    private ZoneId zoneOf(String resourceId) {
        ZoneId known = zones.get(resourceId);
        if (known != null) {
            return known;
        }
        return store.zone(resourceId).map(zone -> {
            ZoneId found = zone.zoneId();
            zones.put(resourceId, found);
            return found;
        }).orElse(HeatmapFold.UNKNOWN_ZONE);
    }
}
