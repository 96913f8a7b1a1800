package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.query.booking.ClosedTimeFold.BusyChanges;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The closed-time store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoClosedTimeViewStoreTest extends ClosedTimeViewStoreContract {
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MongoClosedTimeViewStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        store = new MongoClosedTimeViewStore(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    ClosedTimeViewStore store() {
        return store;
    }

    @Test
    void the_documents_keep_the_shapes_the_collections_always_had() {
        store.saveBlackout(blackout("x-1", "r-1", MONDAY_9, 60, "cleaning"));
        BusyTime busy = busy("r-1", MONDAY_9, 30);
        store.changeBusy(new BusyChanges(List.of(), List.of(busy)));

        Document blackout = mongo.findById("x-1", Document.class, "blackouts");
        Document external = mongo.findById("r-1|2030-01-07T09:00:00Z|2030-01-07T09:30:00Z", Document.class,
                "external_busy");

        assertThat(blackout).isNotNull();
        assertThat(blackout.getString("resourceId")).isEqualTo("r-1");
        assertThat(blackout.getString("reason")).isEqualTo("cleaning");
        assertThat(blackout.getDate("start").toInstant()).isEqualTo(MONDAY_9);
        assertThat(external).isNotNull();
        assertThat(external.getDate("end").toInstant()).isEqualTo(busy.end());
    }
}
