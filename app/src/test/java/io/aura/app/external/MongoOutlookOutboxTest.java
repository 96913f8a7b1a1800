package io.aura.app.external;

import io.aura.app.storage.SqliteTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Outlook outbox contract on MongoDB (the views-in-MongoDB adapter), spoken to over the wire protocol. */
class MongoOutlookOutboxTest extends OutlookOutboxContract {
    SqliteTestDatabase.Mongo mongo;
    MongoOutlookOutbox store;

    @BeforeEach
    void setUp() {
        mongo = new SqliteTestDatabase.Mongo();
        store = new MongoOutlookOutbox(mongo.template);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Override
    OutlookOutbox store() {
        return store;
    }
}
