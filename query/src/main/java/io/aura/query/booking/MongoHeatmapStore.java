package io.aura.query.booking;

import io.aura.kernel.schedule.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The heatmap in MongoDB (production), in the documents it always had: {@code heatmap_zones} (one
 * per resource), {@code heatmap_hours} (one bucket per resource and local hour, its shares in the
 * maps {@code shares} and {@code blocked} by slice key, so {@code $set} and {@code $unset} of a key
 * are idempotent) and {@code heatmap_bookings} (the occurrences each booking holds). The views and
 * the processor's token are not one transaction there: a crash may redeliver events, and every
 * write here is an assignment that leaves the same document when made again.
 */
public final class MongoHeatmapStore implements HeatmapStore {
    static final String ZONES = "heatmap_zones";
    static final String HOURS = "heatmap_hours";
    static final String HELD = "heatmap_bookings";

    private final MongoTemplate mongo;

    public MongoHeatmapStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // what the heatmap's queries need on a real MongoDB (the in-process server accepts and ignores them)
        mongo.indexOps(HOURS).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("date", Sort.Direction.ASC).named("resource_date"));
        mongo.indexOps(HOURS).createIndex(new Index().on("date", Sort.Direction.ASC).named("date"));
    }

    @Override
    public void saveZone(Zone zone) {
        mongo.save(new Document("_id", zone.resourceId()).append("timeZone", zone.timeZone())
                .append("registeredAt", zone.registeredAt() == null ? null : Date.from(zone.registeredAt())), ZONES);
    }

    @Override
    public Optional<Zone> zone(String resourceId) {
        return Optional.ofNullable(mongo.findById(resourceId, Document.class, ZONES)).map(MongoHeatmapStore::zone);
    }

    @Override
    public List<Zone> zones() {
        return mongo.find(new Query().with(Sort.by("registeredAt", "_id")), Document.class, ZONES).stream()
                .map(MongoHeatmapStore::zone).toList();
    }

    @Override
    public void saveShares(Collection<Share> shares) {
        for (Share share : shares) {
            ShareKey k = share.key();
            mongo.upsert(Query.query(Criteria.where("_id").is(bucket(k))), new Update().set("resourceId", k.resourceId())
                    .set("date", k.date().toString()).set("hour", k.hour()).set(field(k), share.minutes()), HOURS);
        }
    }

    @Override
    public void removeShares(Collection<ShareKey> keys) {
        for (ShareKey k : keys) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket(k))), new Update().unset(field(k)), HOURS);
        }
    }

    @Override
    public Optional<Held> held(String bookingId) {
        Document held = mongo.findById(bookingId, Document.class, HELD);
        List<Document> ranges = held == null ? null : held.getList("occurrences", Document.class);
        if (ranges == null || ranges.isEmpty()) {
            return Optional.empty();
        }
        List<TimeRange> occurrences = new ArrayList<>();
        for (Document range : ranges) {
            occurrences.add(new TimeRange(range.getDate("start").toInstant(), range.getDate("end").toInstant()));
        }
        occurrences.sort(Comparator.comparing(TimeRange::start).thenComparing(TimeRange::end));
        return Optional.of(new Held(bookingId, held.getString("resourceId"), occurrences));
    }

    @Override
    public void saveHeld(Held held) {
        if (held.occurrences().isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").is(held.bookingId())), HELD);
            return;
        }
        List<Document> ranges = held.occurrences().stream().map(o -> new Document("start", Date.from(o.start()))
                .append("end", Date.from(o.end()))).toList();
        mongo.save(new Document("_id", held.bookingId()).append("resourceId", held.resourceId())
                .append("occurrences", ranges), HELD);
    }

    @Override
    public List<HourTotals> hours(String resourceId, LocalDate first, LocalDate last) {
        Criteria window = Criteria.where("date").gte(first.toString()).lte(last.toString());
        Query query = Query.query(resourceId == null ? window
                : Criteria.where("resourceId").is(resourceId).andOperator(window));
        List<HourTotals> totals = new ArrayList<>();
        for (Document bucket : mongo.find(query, Document.class, HOURS)) {
            long booked = minutes(bucket.get("shares", Document.class));
            long blocked = minutes(bucket.get("blocked", Document.class));
            long unused = minutes(bucket.get("unused", Document.class));
            if (booked != 0 || blocked != 0 || unused != 0) { // a bucket whose shares were all removed stays, empty
                totals.add(new HourTotals(bucket.getString("resourceId"), LocalDate.parse(bucket.getString("date")),
                        bucket.getInteger("hour"), booked, blocked, unused));
            }
        }
        return totals;
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), ZONES);
        mongo.remove(new Query(), HOURS);
        mongo.remove(new Query(), HELD);
    }

    private static Zone zone(Document doc) {
        Date registeredAt = doc.getDate("registeredAt");
        return new Zone(doc.getString("_id"), doc.getString("timeZone"),
                registeredAt == null ? null : registeredAt.toInstant());
    }

    /** One bucket per resource and local hour (the ids the buckets always had). */
    private static String bucket(ShareKey k) {
        return k.resourceId() + "|" + k.date() + "T" + k.hour();
    }

    private static String field(ShareKey k) {
        return switch (k.kind()) {
            case BOOKED -> "shares.";
            case BLOCKED -> "blocked.";
            case UNUSED -> "unused.";
        } + k.slice();
    }

    private static long minutes(Document perSlice) {
        return perSlice == null ? 0 : perSlice.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
    }
}
