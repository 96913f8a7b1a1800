package io.aura.query.approval;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The approvals projection's cases on MongoDB (production's store), spoken to over the wire protocol. */
class MongoApprovalProjectionTest extends ApprovalProjectionTest {
    MongoServer server;
    MongoClient client;

    @Override
    ApprovalViewStore store() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        return new MongoApprovalViewStore(new MongoTemplate(client, "test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }
}
