package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view store keeps documents as BSON and compares index keys by value, across restarts and upgrades. */
class ViewStoreTypesTest {
    @TempDir
    Path dir;

    static final Document BOOKING = new Document("_id", "b-1").append("resourceId", "room-1")
            .append("attendees", 12).append("big", 5_000_000_000L).append("share", 0.25)
            .append("start", new Date(1_700_000_000_000L)).append("tags", List.of("a", "b"))
            .append("occurrences", List.of(new Document("start", new Date(1_700_000_000_000L)).append("n", 1)))
            .append("shares", new Document("k1", 30).append("k2", 60)).append("missing", null);

    @Test
    void documents_written_survive_a_restart_with_their_types() {
        Path file = dir.resolve("views.mv");
        withServer(file, true, collection -> {
            collection.insertOne(new Document(BOOKING));
            collection.insertOne(new Document("_id", new ObjectId()).append("plain", true));
        });
        withServer(file, true, collection -> {
            assertThat(collection.find(new Document("_id", "b-1")).first()).isEqualTo(BOOKING);
            assertThat(collection.countDocuments(new Document("plain", true))).isEqualTo(1);
        });
    }

    @Test
    void the_documents_map_is_stored_with_the_typed_format_not_java_serialisation() {
        Path file = dir.resolve("views.mv");
        withServer(file, true, collection -> collection.insertOne(new Document(BOOKING)));
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            String name = store.getMapNames().stream().filter(n -> n.startsWith("databases.") && n.endsWith(".views"))
                    .findFirst().orElseThrow();
            var typed = store.openMap(name, ViewStoreTypes.builderFor(name));
            assertThat(typed.get("b-1")).isInstanceOf(de.bwaldvogel.mongo.bson.Document.class);
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            String name = store.getMapNames().stream().filter(n -> n.startsWith("databases.") && n.endsWith(".views"))
                    .findFirst().orElseThrow();
            Object readAsBefore;
            try {
                readAsBefore = store.openMap(name).get("b-1");
            } catch (RuntimeException unreadable) {
                readAsBefore = unreadable;
            }
            assertThat(readAsBefore).as("H2's default types do not read it: not Java serialisation")
                    .isNotInstanceOf(de.bwaldvogel.mongo.bson.Document.class);
        }
    }

    @Test
    void a_unique_index_still_refuses_a_duplicate_and_finds_by_id_after_a_restart() {
        Path file = dir.resolve("views.mv");
        withServer(file, true, collection -> {
            collection.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 2_000; i++) {
                collection.insertOne(new Document("_id", "u-" + i).append("email", "u" + i + "@example.org"));
            }
        });
        withServer(file, true, collection -> {
            assertThat(collection.find(new Document("_id", "u-1234")).first().getString("email"))
                    .isEqualTo("u1234@example.org");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "u-x").append("email", "u7@example.org")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "u-7")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void a_store_of_the_earlier_format_is_copied_whole_into_the_typed_format() {
        Path legacy = dir.resolve("query.mv");
        Path views = dir.resolve("views.mv");
        withServer(legacy, false, collection -> {
            collection.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            collection.insertOne(new Document(BOOKING).append("email", "b@example.org"));
            collection.insertOne(new Document("_id", "credential-of-admin").append("email", "admin@example.org"));
        });

        ViewStoreTypes.migrate(legacy, views);

        assertThat(legacy).doesNotExist();
        withServer(views, true, collection -> {
            assertThat(collection.find(new Document("_id", "b-1")).first())
                    .isEqualTo(new Document(BOOKING).append("email", "b@example.org"));
            assertThat(collection.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "other").append("email", "admin@example.org")))
                    .as("the unique index came along").isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void compaction_while_running_raises_the_live_share_of_a_file_of_rewritten_views_and_loses_nothing() {
        Path file = dir.resolve("views.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.setRetentionTime(0);
        ConsistentH2Backend backend = new ConsistentH2Backend(store);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            MongoCollection<Document> views = client.getDatabase("aura").getCollection("views");
            rewriteViews(views, backend, 40);
            int before = store.getFileStore().getChunksFillRate();
            int after = before;
            for (int i = 0; i < 10; i++) {
                after = backend.compactDurably(50, 16 * 1024 * 1024);
            }
            assertThat(before).as("rewritten views leave dead pages behind").isLessThan(25);
            assertThat(after).as("live share after compaction").isGreaterThan(before + 10);
            assertThat(views.countDocuments(new Document("round", 39))).isEqualTo(200);
        } finally {
            server.shutdown();
        }
        withServer(file, true, collection -> assertThat(collection.countDocuments(new Document("round", 39))).isEqualTo(200));
    }

    @Test
    void at_start_a_large_sparse_file_is_rewritten_with_its_live_data_only() throws Exception {
        Path file = dir.resolve("views.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        ConsistentH2Backend backend = new ConsistentH2Backend(store);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            MongoCollection<Document> views = client.getDatabase("aura").getCollection("views");
            views.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            rewriteViews(views, backend, 40);
        } finally {
            server.shutdown();
        }
        long sparse = Files.size(file);

        assertThat(ViewStoreTypes.compactIfSparse(file, 0, 50)).isTrue();

        assertThat(Files.size(file)).as("from %d bytes", sparse).isLessThan(sparse / 2);
        assertThat(ViewStoreTypes.compactIfSparse(file, 0, 50)).as("now mostly live").isFalse();
        withServer(file, true, collection -> {
            assertThat(collection.countDocuments(new Document("round", 39))).isEqualTo(200);
            assertThat(collection.find(new Document("_id", "v-7")).first().getString("email")).isEqualTo("v7@example.org");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "other").append("email", "v7@example.org")))
                    .as("the unique index came along").isInstanceOf(MongoWriteException.class);
        });
    }

    /** 200 views, each rewritten once per round, with a commit per round (like projection batches). */
    private static void rewriteViews(MongoCollection<Document> views, ConsistentH2Backend backend, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < 200; i++) {
                views.replaceOne(new Document("_id", "v-" + i), new Document("_id", "v-" + i).append("round", round)
                        .append("email", "v" + i + "@example.org").append("padding", "x".repeat(200)),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
            }
            backend.commitDurably();
        }
    }

    @Test
    void index_keys_order_agrees_with_equality_for_mixed_values() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(new KeyValue(value(random), value(random)));
        }
        var type = ViewStoreTypes.IndexKeyType.INSTANCE;
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = type.compare(a, b);
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(type.compare(b, a)));
            }
        }
    }

    private static Object value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "s" + random.nextInt(5);
            case 1 -> random.nextInt(5);
            case 2 -> (long) random.nextInt(5);
            case 3 -> random.nextInt(5) / 2.0;
            case 4 -> new de.bwaldvogel.mongo.bson.Document("k", random.nextInt(3));
            default -> null;
        };
    }

    /** A real wire server on the file: typed (ours) or H2's defaults (the earlier format). */
    private static void withServer(Path file, boolean typed, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoBackend backend = typed ? new ConsistentH2Backend(store) : new H2Backend(store);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            work.accept(client.getDatabase("aura").getCollection("views"));
        } finally {
            server.shutdown();
            if (!store.isClosed()) {
                store.commit();
                store.close();
            }
        }
        assertThat(Files.exists(file)).isTrue();
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /**
     * Only the backend commits, and only between whole MongoDB commands: tens of megabytes written
     * without a commit must not make the store commit by itself (H2 would, from inside the write, by
     * default once ~20 MB are unsaved).
     */
    @Test
    void the_view_store_never_commits_from_inside_a_write(@org.junit.jupiter.api.io.TempDir Path dir) {
        MVStore store = EmbeddedStorageConfiguration.openViewStore(dir.resolve("views.mv"), 16);
        try {
            long version = store.getCurrentVersion();
            org.h2.mvstore.MVMap<Integer, String> map = store.openMap("bulk");
            String kilobyte = "x".repeat(1024);
            for (int i = 0; i < 60_000; i++) {
                map.put(i, kilobyte + i);
            }
            assertThat(store.getCurrentVersion()).as("commits made by the store itself").isEqualTo(version);
            assertThat(store.hasUnsavedChanges()).isTrue();
        } finally {
            store.closeImmediately();
        }
    }
}
