package io.aura.app.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.storage.SqliteTestDatabase;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idempotency store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoIdempotencyStoreTest extends IdempotencyStoreContract {
    SqliteTestDatabase.Mongo mongo;
    MongoIdempotencyStore store;

    @BeforeEach
    void setUp() {
        mongo = new SqliteTestDatabase.Mongo();
        store = new MongoIdempotencyStore(mongo.template);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Override
    IdempotencyStore store() {
        return store;
    }

    /** Before ADR 0023 the store lived in io.aura.app.booking, and MongoDB keeps the class name it wrote. */
    @Test
    void keys_as_the_store_wrote_them_before_it_moved_package_are_read() {
        mongo.template.getCollection(MongoIdempotencyStore.COLLECTION).insertOne(new Document("_id", "alice:k-1")
                .append("bookingId", "booking-1").append("httpStatus", 201)
                .append("body", new Document("bookingId", "booking-1").append("status", "CONFIRMED"))
                .append("_class", "io.aura.app.booking.IdempotencyStore$Entry"));

        IdempotencyStore.Entry entry = store.claim("alice", "k-1", "booking-2").orElseThrow();

        assertThat(entry.bookingId()).isEqualTo("booking-1");
        assertThat(entry.httpStatus()).isEqualTo(201);
        assertThat(entry.body()).isEqualTo(Map.of("bookingId", "booking-1", "status", "CONFIRMED"));
    }
}
