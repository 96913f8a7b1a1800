package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.storage.SqliteTestDatabase;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notification store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoNotificationStoreTest extends NotificationStoreContract {
    SqliteTestDatabase.Mongo mongo;
    MongoNotificationStore store;

    @BeforeEach
    void setUp() {
        mongo = new SqliteTestDatabase.Mongo();
        store = new MongoNotificationStore(mongo.template);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Override
    NotificationStore store() {
        return store;
    }

    @Test
    void documents_as_an_earlier_version_wrote_them_are_read() {
        mongo.template.getCollection(MongoNotificationStore.RECIPIENTS).insertOne(new Document("_id", "alice")
                .append("roles", List.of("APPROVER")).append("email", "alice@example.test")
                .append("_class", "io.aura.app.notify.NotificationInbox$Recipient"));
        mongo.template.getCollection(MongoNotificationStore.COLLECTION).insertOne(new Document("_id", "e-1")
                .append("user", "alice").append("type", "APPROVAL_REMINDER").append("message", "hello")
                .append("createdAt", Date.from(T)).append("mailStatus", "PENDING").append("mailAttempts", 3)
                .append("mailNextAttemptAt", Date.from(T)));

        assertThat(store.membersOf("APPROVER")).containsExactly("alice");
        assertThat(store.recipient("alice").orElseThrow().email()).isEqualTo("alice@example.test");
        assertThat(store.claimDueMail(T, T.plus(LEASE)).orElseThrow().mailAttempts()).isEqualTo(3);
    }

    @Test
    void recipients_are_copied_once_from_the_users_view_of_an_earlier_version() {
        mongo.template.getCollection("users").insertOne(new Document("_id", "alice")
                .append("roles", List.of("APPROVER")).append("email", "alice@example.test"));

        store.copyRecipientsOnceFromTheUsersView();
        mongo.template.getCollection("users").insertOne(new Document("_id", "bob").append("roles", List.of("APPROVER")));
        store.copyRecipientsOnceFromTheUsersView();

        assertThat(store.membersOf("APPROVER")).containsExactly("alice");
    }
}
