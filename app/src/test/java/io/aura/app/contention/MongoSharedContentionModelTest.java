package io.aura.app.contention;

import io.aura.app.storage.SqliteTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

/** The shared contention model's contract on MongoDB ({@code aura.views=mongo}), spoken to over the wire protocol. */
class MongoSharedContentionModelTest extends SharedContentionModelContract {
    SqliteTestDatabase.Mongo mongo;
    MongoSharedContentionModel store;

    @BeforeEach
    void setUp() {
        mongo = new SqliteTestDatabase.Mongo();
        store = new MongoSharedContentionModel(mongo.template, JsonMapper.builder().build());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Override
    SharedContentionModel store() {
        return store;
    }
}
