package io.aura.query.feed;

import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Calendar feeds in MongoDB (production): one document per owner keyed by the owner, the secret's hash
 * indexed. A redelivered event saves the same document again.
 */
public final class MongoCalendarFeedStore implements CalendarFeedStore {
    static final String COLLECTION = "calendarFeeds";

    private final MongoTemplate mongo;

    public MongoCalendarFeedStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("secretHash", Sort.Direction.ASC));
    }

    @Override
    public Optional<CalendarFeedView> ofOwner(String ownerId) {
        return Optional.ofNullable(mongo.findById(ownerId, Document.class, COLLECTION)).map(MongoCalendarFeedStore::view);
    }

    @Override
    public Optional<CalendarFeedView> bySecretHash(String secretHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("secretHash").is(secretHash)),
                Document.class, COLLECTION)).map(MongoCalendarFeedStore::view);
    }

    @Override
    public void save(CalendarFeedView view) {
        mongo.save(new Document("_id", view.ownerId()).append("nonce", view.nonce())
                .append("secretHash", view.secretHash()).append("revision", view.revision()), COLLECTION);
    }

    @Override
    public void forget(String ownerId) {
        mongo.remove(Query.query(Criteria.where("_id").is(ownerId)), COLLECTION);
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }

    private static CalendarFeedView view(Document doc) {
        return new CalendarFeedView(doc.getString("_id"), doc.getString("nonce"), doc.getString("secretHash"),
                ((Number) doc.get("revision")).longValue());
    }
}
