package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The booking view store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoBookingViewStoreTest extends BookingViewStoreContract {
    MongoServer server;
    MongoClient client;
    MongoBookingViewStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoBookingViewStore(new MongoTemplate(client, "test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void documents_written_before_their_last_end_was_kept_get_it_when_the_store_starts() {
        BookingView old = booking("old", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60));
        store.save(old);
        MongoTemplate mongo = new MongoTemplate(client, "test");
        mongo.updateMulti(new Query(), new Update().unset("lastEnd"), MongoBookingViewStore.COLLECTION);
        assertThat(store.endedBefore(MONDAY_9.plusSeconds(7200), null, 10)).isEmpty();

        MongoBookingViewStore restarted = new MongoBookingViewStore(mongo);

        assertThat(restarted.endedBefore(MONDAY_9.plusSeconds(7200), "r-1", 10)).containsExactly(old);
        assertThat(restarted.endedBefore(MONDAY_9.plusSeconds(3600), null, 10)).isEmpty();
    }

    @Override
    BookingViewStore store() {
        return store;
    }
}
