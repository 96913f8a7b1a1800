package io.aura.app.idempotency;

import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Idempotency keys in MongoDB (production): one document per caller and key; the insert of a taken key fails. */
public final class MongoIdempotencyStore implements IdempotencyStore {
    static final String COLLECTION = "idempotency";

    private final MongoTemplate mongo;

    public MongoIdempotencyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Entry> claim(String caller, String key, String bookingId, String fingerprint) {
        String id = IdempotencyStore.id(caller, key);
        try {
            mongo.insert(new Entry(id, bookingId, null, null, fingerprint), COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return Optional.ofNullable(mongo.findById(id, Entry.class, COLLECTION));
        }
    }

    @Override
    public void forgetCaller(String caller) {
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(
                IdempotencyStore.id(caller, "")))), COLLECTION);
    }

    @Override
    public void answer(String caller, String key, int httpStatus, Map<String, Object> body) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(IdempotencyStore.id(caller, key))),
                new Update().set("httpStatus", httpStatus).set("body", body), COLLECTION);
    }
}
