package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.storage.SqliteTestDatabase;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoWebhookStoreTest extends WebhookStoreContract {
    SqliteTestDatabase.Mongo mongo;
    MongoWebhookStore store;

    @BeforeEach
    void setUp() {
        mongo = new SqliteTestDatabase.Mongo();
        store = new MongoWebhookStore(mongo.template);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Override
    WebhookStore store() {
        return store;
    }

    @Test
    void documents_as_an_earlier_version_wrote_them_are_read() {
        mongo.template.getCollection(MongoWebhookStore.SECRETS).insertOne(new Document("_id", "h-1")
                .append("secret", "old-secret-0123456789").append("_class", "io.aura.app.notify.WebhookOutbox$Secret"));
        mongo.template.getCollection(MongoWebhookStore.REGISTRATIONS).insertOne(new Document("_id", "h-1")
                .append("url", "https://old.example.org/").append("createdBy", "admin").append("createdAt", Date.from(T))
                .append("_class", "io.aura.app.notify.WebhookOutbox$Registration"));

        assertThat(store.secret("h-1")).contains("old-secret-0123456789");
        assertThat(store.registrations()).containsExactly(new WebhookStore.Registration("h-1",
                "https://old.example.org/", "admin", T));
    }

    @Test
    void a_delivery_s_status_is_stored_and_read_by_its_name_as_earlier_versions_wrote_it() {
        mongo.template.getCollection(MongoWebhookStore.COLLECTION).insertOne(new Document("_id", "old")
                .append("webhookId", "h-1").append("url", "https://old.example.org/").append("secret", "s")
                .append("eventType", "BookingRequested").append("body", "{}").append("status", "PENDING")
                .append("attempts", 0).append("nextAttemptAt", Date.from(T)));
        store.addDelivery(delivery("d-1", "h-1", T));
        store.failed("d-1", DeliveryStatus.FAILED, 10, null, "connection refused", T);

        assertThat(mongo.template.findById("d-1", Document.class, MongoWebhookStore.COLLECTION).get("status"))
                .isEqualTo("FAILED");
        assertThat(store.deliveriesOf("h-1")).extracting(WebhookStore.Delivery::status)
                .containsExactlyInAnyOrder(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
    }
}
