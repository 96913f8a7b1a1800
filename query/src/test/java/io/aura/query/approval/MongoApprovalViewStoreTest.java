package io.aura.query.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.approval.ApprovalStatus;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The approval view store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoApprovalViewStoreTest extends ApprovalViewStoreContract {
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MongoApprovalViewStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        store = new MongoApprovalViewStore(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    ApprovalViewStore store() {
        return store;
    }

    @Test
    void the_status_is_stored_by_its_name_as_the_collection_always_had_it() {
        store.save(approval("a-1", "b-1", ApprovalStatus.EXPIRED, 0, List.of("olga"), List.of(), null));

        Document doc = mongo.findById("a-1", Document.class, MongoApprovalViewStore.COLLECTION);

        assertThat(doc).isNotNull();
        assertThat(doc.get("status")).isEqualTo("EXPIRED");
    }
}
