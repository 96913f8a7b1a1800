package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The heatmap store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoHeatmapStoreTest extends HeatmapStoreContract {
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MongoHeatmapStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        store = new MongoHeatmapStore(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    HeatmapStore store() {
        return store;
    }

    @Test
    void shares_live_in_the_hour_buckets_production_already_holds() {
        store.saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 60), blocked("r-1", MONDAY, 9, "x-1_0_0", 15)));

        Document bucket = mongo.findById("r-1|2030-01-07T9", Document.class, MongoHeatmapStore.HOURS);
        assertThat(bucket).isNotNull();
        assertThat(bucket.get("shares", Document.class)).containsEntry("b-1_0_0", 60L);
        assertThat(bucket.get("blocked", Document.class)).containsEntry("x-1_0_0", 15L);
        assertThat(bucket.getString("date")).isEqualTo("2030-01-07");
        assertThat(bucket.getInteger("hour")).isEqualTo(9);
    }
}
