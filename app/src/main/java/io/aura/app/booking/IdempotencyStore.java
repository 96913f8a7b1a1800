package io.aura.app.booking;

import io.aura.app.storage.QueryStoreDurability;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Remembers, per caller and {@code Idempotency-Key}, which booking a request created and the
 * answer it got, so a retried request books nothing twice and gets the first answer again.
 */
@Component
class IdempotencyStore {
    static final String COLLECTION = "idempotency";

    record Entry(@Id String id, String bookingId, Integer httpStatus, Map<String, Object> body) {}

    private final MongoTemplate mongo;
    private final QueryStoreDurability durability;

    IdempotencyStore(MongoTemplate mongo, QueryStoreDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    /** Claims the key for a new booking id; if it was claimed before, returns that earlier entry. */
    Optional<Entry> claim(String caller, String key, String bookingId) {
        String id = caller + ":" + key;
        try {
            mongo.insert(new Entry(id, bookingId, null, null), COLLECTION);
            durability.makeDurable();
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return Optional.ofNullable(mongo.findById(id, Entry.class, COLLECTION));
        }
    }

    void answer(String caller, String key, int httpStatus, Map<String, Object> body) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caller + ":" + key)),
                new Update().set("httpStatus", httpStatus).set("body", body), COLLECTION);
    }
}
