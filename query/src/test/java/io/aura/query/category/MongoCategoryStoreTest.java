package io.aura.query.category;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The category store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoCategoryStoreTest extends CategoryStoreContract {
    MongoServer server;
    MongoClient client;
    MongoCategoryStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoCategoryStore(new MongoTemplate(client, "test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    CategoryStore store() {
        return store;
    }
}
