package io.aura.query.quota;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.TimeRange;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Quotas and ledger dates in MongoDB (production): a document per quota, a document per counted booking
 * holding its dates, indexed by person. A redelivered event saves the same documents again.
 */
public final class MongoQuotaStore implements QuotaStore {
    static final String QUOTAS = "quotas";
    static final String CHARGES = "quotaCharges";

    private final MongoTemplate mongo;

    public MongoQuotaStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CHARGES).createIndex(new Index().on("username", Sort.Direction.ASC));
    }

    @Override
    public List<QuotaView> quotas() {
        return mongo.findAll(Document.class, QUOTAS).stream().map(MongoQuotaStore::quota)
                .sorted(Comparator.comparing(QuotaView::quotaId)).toList();
    }

    @Override
    public Optional<QuotaView> quota(String quotaId) {
        return Optional.ofNullable(mongo.findById(quotaId, Document.class, QUOTAS)).map(MongoQuotaStore::quota);
    }

    @Override
    public void save(QuotaView q) {
        QuotaSpec spec = q.spec();
        mongo.save(new Document("_id", q.quotaId()).append("resourceId", spec.resourceId())
                .append("category", spec.category()).append("role", spec.role()).append("username", spec.username())
                .append("period", spec.period().name()).append("maxMinutes", spec.maxMinutes())
                .append("maxBookings", spec.maxBookings()), QUOTAS);
    }

    @Override
    public void remove(String quotaId) {
        mongo.remove(Query.query(Criteria.where("_id").is(quotaId)), QUOTAS);
    }

    @Override
    public List<Charge> chargesOf(String username) {
        return mongo.find(Query.query(Criteria.where("username").is(username)), Document.class, CHARGES).stream()
                .flatMap(d -> charges(d).stream())
                .sorted(Comparator.comparing(Charge::bookingId).thenComparing(c -> c.occurrence().start())).toList();
    }

    @Override
    public List<Charge> chargesOf(String username, String bookingId) {
        Document doc = mongo.findById(key(username, bookingId), Document.class, CHARGES);
        return doc == null ? List.of() : charges(doc);
    }

    @Override
    public void saveCharges(String username, String bookingId, List<Charge> charges) {
        if (charges.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").is(key(username, bookingId))), CHARGES);
            return;
        }
        List<Document> dates = charges.stream().sorted(Comparator.comparing(c -> c.occurrence().start()))
                .map(c -> new Document("bookingId", c.bookingId()).append("resourceId", c.resourceId())
                        .append("category", c.category()).append("start", c.occurrence().start().toEpochMilli())
                        .append("end", c.occurrence().end().toEpochMilli()).append("zone", c.zone())
                        .append("week", c.week()).append("month", c.month())).toList();
        mongo.save(new Document("_id", key(username, bookingId)).append("username", username)
                .append("charges", dates), CHARGES);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), QUOTAS);
        mongo.remove(new Query(), CHARGES);
    }

    private static String key(String username, String bookingId) {
        return username + "|" + bookingId;
    }

    private static QuotaView quota(Document d) {
        return new QuotaView(d.getString("_id"), new QuotaSpec(d.getString("resourceId"), d.getString("category"),
                d.getString("role"), d.getString("username"), QuotaPeriod.valueOf(d.getString("period")),
                d.getInteger("maxMinutes"), d.getInteger("maxBookings")));
    }

    private static List<Charge> charges(Document d) {
        return d.getList("charges", Document.class).stream().map(c -> new Charge(c.getString("bookingId"),
                c.getString("resourceId"), c.getString("category"),
                new TimeRange(java.time.Instant.ofEpochMilli(((Number) c.get("start")).longValue()),
                        java.time.Instant.ofEpochMilli(((Number) c.get("end")).longValue())),
                c.getString("zone"), c.getString("week"), c.getString("month"))).toList();
    }
}
