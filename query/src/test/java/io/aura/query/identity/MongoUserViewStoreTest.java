package io.aura.query.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.identity.Role;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The user view store contract on MongoDB (production's adapter), spoken to over the wire protocol. */
class MongoUserViewStoreTest extends UserViewStoreContract {
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    MongoUserViewStore store;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        store = new MongoUserViewStore(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Override
    UserViewStore store() {
        return store;
    }

    @Override
    void storeAsBeforeUsersCouldBeDisabled(String username, Role role) {
        mongo.insert(new Document("_id", username).append("roles", List.of(role.name())).append("displayName", null)
                .append("email", null), "users");
    }

    @Test
    void the_documents_keep_the_shape_the_collection_always_had() {
        store.save(user("alice", Role.ADMIN));

        Document doc = mongo.findById("alice", Document.class, "users");

        assertThat(doc).isNotNull();
        assertThat(doc.getList("roles", String.class)).isEqualTo(List.of("ADMIN"));
        assertThat(doc.getString("email")).isEqualTo("alice@example.org");
        assertThat(doc.getString("displayName")).isEqualTo("ALICE");
    }
}
