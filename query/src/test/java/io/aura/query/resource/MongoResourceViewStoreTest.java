package io.aura.query.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The resource view store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoResourceViewStoreTest extends ResourceViewStoreContract {
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MongoResourceViewStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        store = new MongoResourceViewStore(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    ResourceViewStore store() {
        return store;
    }

    @Test
    void the_documents_keep_the_shape_the_collection_always_had() {
        store.save(ResourceViewFold.externalCalendar(room("r-1", "Room", 8, 10), "room@contoso.com"));

        Document doc = mongo.findById("r-1", Document.class, "resources");

        assertThat(doc).isNotNull();
        assertThat(doc.getString("name")).isEqualTo("Room");
        assertThat(doc.getInteger("capacity")).isEqualTo(8);
        assertThat(doc.getInteger("bufferMinutes")).isEqualTo(10);
        assertThat(doc.getString("externalCalendar")).isEqualTo("room@contoso.com");
    }
}
