package io.aura.query.booking;

import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.LocalHours;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Booked minutes per resource, local date and local hour, in the resource's own time zone. Each
 * bucket keeps one entry per booking occurrence slice ({@code $set} by a stable key), so a
 * redelivered event writes the same value again and a cancellation removes exactly its share.
 */
@Component
@ProcessingGroup(HeatmapProjection.PROCESSING_GROUP)
public class HeatmapProjection {
    public static final String PROCESSING_GROUP = "heatmap";
    static final String ZONES = "heatmap_zones";
    static final String HOURS = "heatmap_hours";
    static final String HELD = "heatmap_bookings";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;
    private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

    public HeatmapProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        // What the heatmap query needs on a real MongoDB (the embedded server accepts and ignores it).
        mongo.indexOps(HOURS).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("date", Sort.Direction.ASC).named("resource_date"));
    }

    @EventHandler
    void on(ResourceRegistered e, @Timestamp Instant registeredAt) {
        // before it was registered a resource was not bookable: those minutes are no capacity left unused
        mongo.save(new Document("_id", e.resourceId()).append("timeZone", e.spec().timeZone())
                .append("registeredAt", Date.from(registeredAt)), ZONES);
        zones.put(e.resourceId(), ZoneId.of(e.spec().timeZone()));
    }

    /** Blacked-out minutes are not bookable: they leave the denominator of the cells they cover. */
    @EventHandler
    void on(BlackoutAdded e) {
        forEachSlice(e.resourceId(), e.blackoutId(), e.range(), zoneOf(e.resourceId()), (bucket, key, slice) ->
                mongo.upsert(Query.query(Criteria.where("_id").is(bucket)),
                        new Update().set("resourceId", e.resourceId()).set("date", slice.date().toString())
                                .set("hour", slice.hour()).set("blocked." + key, slice.minutes()),
                        HOURS));
        changed(e.resourceId(), List.of(e.range()));
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
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.bookingId())),
                new Update().pull("occurrences", rangeDocument(e.occurrence())), HELD);
    }

    @EventHandler
    void on(BookingCancelled e) {
        release(e.bookingId(), e.resourceId(), heldBy(e.bookingId()));
        mongo.remove(Query.query(Criteria.where("_id").is(e.bookingId())), HELD);
    }

    /** An approval rejected or expired: the booking never took place. */
    @EventHandler
    void on(BookingDeclined e) {
        release(e.bookingId(), e.resourceId(), heldBy(e.bookingId()));
        mongo.remove(Query.query(Criteria.where("_id").is(e.bookingId())), HELD);
    }

    @EventHandler
    void on(BookingRescheduled e) {
        release(e.bookingId(), e.resourceId(), List.of(e.from()));
        hold(e.bookingId(), e.resourceId(), List.of(e.to()));
    }

    @ResetHandler
    void reset() {
        zones.clear();
        mongo.remove(new Query(), ZONES);
        mongo.remove(new Query(), HOURS);
        mongo.remove(new Query(), HELD);
    }

    @QueryHandler
    List<HeatmapCell> handle(FindHeatmap q) {
        Query zonesQuery = q.resourceId() == null ? new Query() : Query.query(Criteria.where("_id").is(q.resourceId()));
        // One read of the buckets for every resource asked for (the embedded server scans a collection per
        // query): the window widened by a day each side covers every zone; each resource's exact local
        // window is applied below.
        Criteria window = Criteria.where("date").gte(q.from().atOffset(ZoneOffset.UTC).minusDays(1)
                .toLocalDate().toString()).lte(q.to().atOffset(ZoneOffset.UTC).plusDays(1).toLocalDate().toString());
        Query bucketsQuery = Query.query(q.resourceId() == null ? window
                : Criteria.where("resourceId").is(q.resourceId()).andOperator(window));
        Map<String, List<Document>> bucketsByResource = new HashMap<>();
        for (Document bucket : mongo.find(bucketsQuery, Document.class, HOURS)) {
            bucketsByResource.computeIfAbsent(bucket.getString("resourceId"), r -> new ArrayList<>()).add(bucket);
        }
        List<HeatmapCell> cells = new ArrayList<>();
        for (Document zoneDoc : mongo.find(zonesQuery, Document.class, ZONES)) {
            String resourceId = zoneDoc.getString("_id");
            ZoneId zone = ZoneId.of(zoneDoc.getString("timeZone"));
            long[][] bookable = new long[8][24];
            Map<String, Boolean> inWindow = new HashMap<>();
            Date registered = zoneDoc.getDate("registeredAt");
            Instant from = registered != null && registered.toInstant().isAfter(q.from()) ? registered.toInstant() : q.from();
            List<LocalHours.Slice> existed = from.isBefore(q.to()) ? LocalHours.of(new TimeRange(from, q.to()), zone) : List.of();
            for (LocalHours.Slice slice : existed) {
                bookable[slice.date().getDayOfWeek().getValue()][slice.hour()] += slice.minutes();
                inWindow.put(slice.date() + "|" + slice.hour(), true);
            }
            long[][] booked = new long[8][24];
            long[][] blocked = new long[8][24];
            for (Document bucket : bucketsByResource.getOrDefault(resourceId, List.of())) {
                String date = bucket.getString("date");
                int hour = bucket.getInteger("hour");
                if (!inWindow.containsKey(date + "|" + hour)) {
                    continue;
                }
                int day = LocalDate.parse(date).getDayOfWeek().getValue();
                booked[day][hour] += minutes(bucket.get("shares", Document.class));
                blocked[day][hour] += minutes(bucket.get("blocked", Document.class));
            }
            for (int day = 1; day <= 7; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    long capacity = Math.max(0, bookable[day][hour] - blocked[day][hour]);
                    double utilization = capacity == 0 ? 0 : Math.min(1.0, booked[day][hour] / (double) capacity);
                    cells.add(new HeatmapCell(resourceId, day, hour, booked[day][hour],
                            Math.round(utilization * 10_000) / 10_000.0, capacity));
                }
            }
        }
        return cells;
    }

    private static long minutes(Document perSlice) {
        return perSlice == null ? 0 : perSlice.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }

    /** The initial answer of a live heatmap subscription is empty: it streams changes from now on. */
    @QueryHandler
    List<HeatmapChanged> handle(WatchHeatmap query) {
        return List.of();
    }

    private void changed(String resourceId, List<TimeRange> occurrences) {
        if (occurrences.isEmpty() || emitter.activeSubscriptions().isEmpty()) {
            return;
        }
        Instant from = occurrences.stream().map(TimeRange::start).min(Instant::compareTo).orElseThrow();
        Instant to = occurrences.stream().map(TimeRange::end).max(Instant::compareTo).orElseThrow();
        emitter.emit(WatchHeatmap.class, q -> q.resourceId() == null || q.resourceId().equals(resourceId),
                new HeatmapChanged(resourceId, from, to));
    }

    private void hold(String bookingId, String resourceId, List<TimeRange> occurrences) {
        ZoneId zone = zoneOf(resourceId);
        for (TimeRange occurrence : occurrences) {
            forEachSlice(resourceId, bookingId, occurrence, zone, (bucket, key, slice) -> mongo.upsert(
                    Query.query(Criteria.where("_id").is(bucket)),
                    new Update().set("resourceId", resourceId).set("date", slice.date().toString())
                            .set("hour", slice.hour()).set("shares." + key, slice.minutes()),
                    HOURS));
            mongo.upsert(Query.query(Criteria.where("_id").is(bookingId)),
                    new Update().set("resourceId", resourceId).addToSet("occurrences", rangeDocument(occurrence)), HELD);
        }
        changed(resourceId, occurrences);
    }

    private void release(String bookingId, String resourceId, List<TimeRange> occurrences) {
        ZoneId zone = zoneOf(resourceId);
        for (TimeRange occurrence : occurrences) {
            forEachSlice(resourceId, bookingId, occurrence, zone, (bucket, key, slice) -> mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(bucket)), new Update().unset("shares." + key), HOURS));
        }
        changed(resourceId, occurrences);
    }

    private interface SliceAction {
        void apply(String bucketId, String shareKey, LocalHours.Slice slice);
    }

    private static void forEachSlice(String resourceId, String bookingId, TimeRange occurrence, ZoneId zone,
                                     SliceAction action) {
        List<LocalHours.Slice> slices = LocalHours.of(occurrence, zone);
        for (int i = 0; i < slices.size(); i++) {
            LocalHours.Slice slice = slices.get(i);
            String resourceHour = resourceId + "|" + slice.date() + "T" + slice.hour();
            action.apply(resourceHour, bookingId + "_" + occurrence.start().getEpochSecond() + "_" + i, slice);
        }
    }

    private ZoneId zoneOf(String resourceId) {
        // a resource's zone never changes once registered: read it once, not for every booking
        ZoneId known = zones.get(resourceId);
        if (known != null) {
            return known;
        }
        Document zone = mongo.findById(resourceId, Document.class, ZONES);
        if (zone == null) {
            return ZoneId.of("UTC");
        }
        ZoneId found = ZoneId.of(zone.getString("timeZone"));
        zones.put(resourceId, found);
        return found;
    }

    private List<TimeRange> heldBy(String bookingId) {
        Document held = mongo.findById(bookingId, Document.class, HELD);
        List<TimeRange> out = new ArrayList<>();
        if (held != null && held.getList("occurrences", Document.class) != null) {
            for (Document range : held.getList("occurrences", Document.class)) {
                out.add(new TimeRange(range.getDate("start").toInstant(), range.getDate("end").toInstant()));
            }
        }
        return out;
    }

    private static Document rangeDocument(TimeRange range) {
        return new Document("start", Date.from(range.start())).append("end", Date.from(range.end()));
    }
}
