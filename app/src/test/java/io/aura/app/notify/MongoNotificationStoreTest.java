package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.identity.Role;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The notification store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoNotificationStoreTest extends NotificationStoreContract {
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MongoNotificationStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        store = new MongoNotificationStore(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    NotificationStore store() {
        return store;
    }

    @Test
    void a_recipient_kept_before_users_could_be_disabled_is_not_disabled() {
        mongo.getCollection(MongoNotificationStore.RECIPIENTS).insertOne(new Document("_id", "olga")
                .append("roles", List.of("APPROVER")).append("email", "olga@example.test"));

        assertThat(store.recipient("olga")).contains(new Recipient("olga", Set.of(Role.APPROVER), "olga@example.test"));
    }

    @Test
    void recipients_are_copied_once_from_the_users_view_of_a_store_from_before_they_were_folded() {
        mongo.getCollection("users").insertOne(new Document("_id", "olga").append("roles", List.of("APPROVER"))
                .append("email", "olga@example.test"));

        store.copyRecipientsOnceFromTheUsersView();
        store.saveRecipient(new Recipient("olga", Set.of(Role.ADMIN), null));
        store.copyRecipientsOnceFromTheUsersView(); // some are kept already: nothing copied

        assertThat(store.recipient("olga")).contains(new Recipient("olga", Set.of(Role.ADMIN), null));
    }
}
