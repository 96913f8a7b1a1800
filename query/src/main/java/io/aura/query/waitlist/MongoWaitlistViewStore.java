package io.aura.query.waitlist;

import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Waitlist entries in MongoDB (production): one document per entry, indexed by owner and by resource. */
public final class MongoWaitlistViewStore implements WaitlistViewStore {
    static final String COLLECTION = "waitlistEntries";
    private static final List<String> OPEN = List.of(WaitlistEntryStatus.WAITING.name(),
            WaitlistEntryStatus.PROMOTED.name());

    private final MongoTemplate mongo;

    public MongoWaitlistViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("owner", Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
    }

    @Override
    public Optional<WaitlistEntryView> find(String entryId) {
        return Optional.ofNullable(mongo.findById(entryId, Document.class, COLLECTION))
                .map(MongoWaitlistViewStore::view);
    }

    @Override
    public List<WaitlistEntryView> ofOwner(String owner) {
        return mongo.find(Query.query(Criteria.where("owner").is(owner))
                        .with(Sort.by("sequence", "resourceId")), Document.class, COLLECTION)
                .stream().map(MongoWaitlistViewStore::view).toList();
    }

    @Override
    public List<WaitlistEntryView> openOf(String resourceId) {
        return mongo.find(Query.query(Criteria.where("resourceId").is(resourceId).and("status").in(OPEN))
                .with(Sort.by("sequence")), Document.class, COLLECTION).stream().map(MongoWaitlistViewStore::view).toList();
    }

    @Override
    public void save(WaitlistEntryView v) {
        mongo.save(new Document("_id", v.entryId()).append("resourceId", v.resourceId()).append("sequence", v.sequence())
                .append("start", Date.from(v.start())).append("end", Date.from(v.end())).append("title", v.title())
                .append("attendees", v.attendees()).append("owner", v.owner()).append("status", v.status().name())
                .append("bookingId", v.bookingId()), COLLECTION);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }

    private static WaitlistEntryView view(Document d) {
        return new WaitlistEntryView(d.getString("_id"), d.getString("resourceId"),
                ((Number) d.get("sequence")).longValue(), instant(d.getDate("start")), instant(d.getDate("end")),
                d.getString("title"), ((Number) d.get("attendees")).intValue(), d.getString("owner"),
                WaitlistEntryStatus.valueOf(d.getString("status")), 0, d.getString("bookingId"));
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
