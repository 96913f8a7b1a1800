package io.aura.app.idempotency;

import io.aura.app.storage.SqliteTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

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
}
