package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.storage.SqliteTestDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The credential store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoCredentialStoreTest extends CredentialStoreContract {
    SqliteTestDatabase.Mongo mongo;
    MongoCredentialStore store;

    @BeforeEach
    void setUp() {
        mongo = new SqliteTestDatabase.Mongo();
        store = new MongoCredentialStore(mongo.template);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Override
    CredentialStore store() {
        return store;
    }

    @Test
    void a_credential_as_an_earlier_version_wrote_it_is_read() {
        mongo.template.getCollection(MongoCredentialStore.COLLECTION).insertOne(new Document("_id", "old")
                .append("passwordHash", "old-hash").append("_class", "io.aura.app.security.CredentialStore$Credential"));

        assertThat(store.passwordHash("old")).contains("old-hash");
        assertThat(store.create("old", "new-hash")).isFalse();
    }
}
