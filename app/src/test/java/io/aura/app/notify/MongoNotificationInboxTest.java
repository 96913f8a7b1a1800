package io.aura.app.notify;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The notification inbox's cases on MongoDB (production's store), spoken to over the wire protocol. */
class MongoNotificationInboxTest extends NotificationInboxTest {
    MongoServer server;
    MongoClient client;

    @Override
    NotificationStore store() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        return new MongoNotificationStore(new MongoTemplate(client, "test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }
}
