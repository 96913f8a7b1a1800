package io.aura.query.booking;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.query.resource.MongoResourceViewStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The availability projection on production's MongoDB stores (where a crash may redeliver events). */
class MongoAvailabilityProjectionTest extends AvailabilityProjectionContract {
    MongoServer server;
    MongoClient client;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoTemplate mongo = new MongoTemplate(client, "test");
        use(new MongoClosedTimeViewStore(mongo), new MongoResourceViewStore(mongo), new MongoBookingViewStore(mongo));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }
}
