package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** A projection batch's writes wait for its commit and go out in bulk; its own reads still see them. */
class WriteBehindMongoTemplateIT extends IntegrationTest {
    static final String VIEW = "write_behind_test";

    @Autowired
    WriteBehindMongoTemplate application;

    WriteBehindMongoTemplate mongo;

    @org.junit.jupiter.api.BeforeEach
    void sameStoreOwnCollection() {
        // the application's store and converter, but a collection of its own (the shared views stay clean)
        mongo = new WriteBehindMongoTemplate(application.getMongoDatabaseFactory(), application.getConverter(),
                java.util.Set.of(VIEW));
    }

    @AfterEach
    void endBatch() {
        mongo.end();
    }

    static Query id(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    Document fromAnotherThread(String id) {
        return CompletableFuture.supplyAsync(() -> mongo.findById(id, Document.class, VIEW)).join();
    }

    @Test
    void inside_a_batch_view_writes_wait_until_flushed_and_then_arrive_in_order() {
        String id = unique("wb");
        mongo.begin();
        mongo.save(new Document("_id", id).append("name", "first"), VIEW);
        mongo.updateFirst(id(id), new Update().set("name", "second"), VIEW);
        mongo.upsert(id(id), new Update().inc("count", 2), VIEW);
        // the save and the $set are one held document; the $inc (not applied in memory) waits behind it
        assertThat(mongo.waiting()).isEqualTo(2);
        assertThat(fromAnotherThread(id)).as("not sent yet").isNull();

        mongo.flush();
        assertThat(mongo.waiting()).isZero();
        Document stored = fromAnotherThread(id);
        assertThat(stored.getString("name")).isEqualTo("second");
        assertThat(stored.getInteger("count")).isEqualTo(2);

        mongo.remove(id(id), VIEW);
        assertThat(fromAnotherThread(id)).isNotNull();
        mongo.flush();
        assertThat(fromAnotherThread(id)).isNull();
    }

    @Test
    void a_read_in_the_batch_sees_the_batch_own_writes() {
        String id = unique("wb");
        mongo.begin();
        mongo.save(new Document("_id", id).append("name", "mine"), VIEW);
        assertThat(mongo.findById(id, Document.class, VIEW).getString("name")).isEqualTo("mine");
        assertThat(mongo.waiting()).isZero();
    }

    @Test
    void a_batch_that_ends_without_committing_leaves_nothing_behind() {
        String id = unique("wb");
        mongo.begin();
        mongo.save(new Document("_id", id).append("name", "rolled back"), VIEW);
        mongo.end();
        mongo.flush();
        assertThat(fromAnotherThread(id)).isNull();
    }

    @Test
    void outside_a_batch_and_for_collections_that_are_not_views_every_write_goes_out_at_once() {
        mongo.remove(new Query(), "write_behind_other");
        String id = unique("wb");
        mongo.save(new Document("_id", id).append("name", "direct"), VIEW);
        assertThat(fromAnotherThread(id).getString("name")).isEqualTo("direct");
        mongo.begin();
        var result = mongo.upsert(id(id), new Update().set("status", "PENDING"), "write_behind_other");
        assertThat(result.wasAcknowledged()).as("outboxes read their results: never held back").isTrue();
        assertThat(mongo.waiting()).isZero();
    }

    @Test
    void the_projections_batches_hold_their_writes_back_and_the_views_still_show_every_booking() {
        long before = application.heldBack();
        String room = http.post("/api/resources", adminToken, java.util.Map.of("name", unique("Bulk room"),
                "capacity", 4, "timeZone", "Europe/Berlin")).body().get("id").asString();
        String alice = userWithRoles(unique("bulk"), "REQUESTER");
        var at = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(40,
                java.time.temporal.ChronoUnit.HOURS);
        var created = http.post("/events/create", alice, java.util.Map.of("title", "bulk", "resourceId", room,
                "start", at.toString(), "end", at.plus(1, java.time.temporal.ChronoUnit.HOURS).toString()));
        assertThat(created.body().get("status").asString()).isEqualTo("CONFIRMED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> application.heldBack() > before);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> http.get(
                "/dashboard/heatmap?from=" + at.minus(java.time.Duration.ofDays(1)) + "&to="
                        + at.plus(java.time.Duration.ofDays(1)) + "&resourceId=" + room, alice).raw().body()
                .contains("\"bookedMinutes\":60"));
    }

    /**
     * Held documents change in memory only where the result is the server's own: the same random
     * writes, held back (in a rebuild and in a live batch) and sent one by one, leave the same documents.
     * Compared as documents, not JSON text: on a replace the in-process server keeps the old document's
     * field positions (real MongoDB takes the replacement's, as the held document does); arrays keep order.
     */
    @Test
    void writes_held_in_memory_leave_exactly_the_documents_the_server_would() {
        MongoTemplate direct = new MongoTemplate(application.getMongoDatabaseFactory(), application.getConverter());
        String directView = VIEW + "_direct";
        long coalescedBefore = mongo.coalesced();
        for (int seed = 0; seed < 120; seed++) {
            java.util.Random random = new java.util.Random(seed);
            boolean rebuild = seed % 2 == 0;
            direct.remove(new Query(), VIEW);
            direct.remove(new Query(), directView);
            if (rebuild) {
                mongo.beginRebuild(java.util.Set.of(VIEW));
            } else {
                mongo.begin();
            }
            List<String> script = new ArrayList<>();
            for (int step = 0; step < 40; step++) {
                String id = "d" + random.nextInt(4);
                String value = "v" + random.nextInt(3);
                int kind = random.nextInt(13);
                script.add(kind + ":" + id + ":" + value);
                for (MongoTemplate target : List.of(mongo, direct)) {
                    String view = target == mongo ? VIEW : directView;
                    switch (kind) {
                        case 0, 1 -> target.save(new Document("_id", id).append("name", value)
                                .append("nested", new Document("k", value)), view);
                        case 2 -> target.updateFirst(id(id), new Update().set("name", value).set("n", step), view);
                        case 3 -> target.upsert(id(id), new Update().set("nested." + value, step), view);
                        case 4 -> target.updateFirst(id(id), new Update().unset("nested." + value), view);
                        case 5 -> target.upsert(id(id), new Update().addToSet("tags", new Document("start", value)
                                .append("end", step % 3)), view);
                        case 6 -> target.upsert(id(id), new Update().inc("count", 1), view);
                        case 7 -> target.remove(id(id), view);
                        case 8 -> target.remove(Query.query(Criteria.where("name").is(value)), view);
                        case 9 -> target.updateMulti(Query.query(Criteria.where("name").is(value)),
                                new Update().set("flag", step), view);
                        case 10 -> target.updateFirst(id(id), new Update().push("log", value), view);
                        case 11 -> target.updateFirst(id(id), new Update().set("nested.deeper.x", value), view);
                        default -> {
                            if (target == mongo && random.nextBoolean()) {
                                mongo.findById(id, Document.class, view); // a read in the batch sends what waits
                            } else if (target == mongo) {
                                mongo.flush();
                            }
                        }
                    }
                }
            }
            mongo.flush();
            mongo.end();
            List<Document> held = direct.find(new Query().with(org.springframework.data.domain.Sort.by("_id")),
                    Document.class, VIEW);
            List<Document> oneByOne = direct.find(new Query().with(org.springframework.data.domain.Sort.by("_id")),
                    Document.class, directView);
            assertThat(held).as("seed %d (%s): %s", seed, rebuild ? "rebuild" : "live batch", script)
                    .isEqualTo(oneByOne);
        }
        assertThat(mongo.coalesced() - coalescedBefore).as("writes that met a held document").isPositive();
    }

    @Test
    void in_a_rebuild_a_booking_requested_then_confirmed_goes_out_as_one_insert() {
        MongoTemplate direct = new MongoTemplate(application.getMongoDatabaseFactory(), application.getConverter());
        direct.remove(new Query(), VIEW);
        mongo.beginRebuild(java.util.Set.of(VIEW));
        mongo.save(new Document("_id", "b1").append("status", "REQUESTED"), VIEW);
        mongo.updateFirst(id("b1"), new Update().set("status", "CONFIRMED").set("revision", 2), VIEW);
        mongo.upsert(id("h1"), new Update().set("resourceId", "r").addToSet("occurrences", "10:00"), VIEW);
        assertThat(mongo.waiting()).isEqualTo(2);

        mongo.flush();

        assertThat(direct.findById("b1", Document.class, VIEW).toJson())
                .isEqualTo("{\"_id\": \"b1\", \"status\": \"CONFIRMED\", \"revision\": 2}");
        assertThat(direct.findById("h1", Document.class, VIEW).toJson())
                .isEqualTo("{\"_id\": \"h1\", \"resourceId\": \"r\", \"occurrences\": [\"10:00\"]}");
        // written once: the next write to b1 is no longer "known missing" and goes out as an update
        mongo.updateFirst(id("b1"), new Update().set("status", "CANCELLED"), VIEW);
        assertThat(mongo.waiting()).isEqualTo(1);
        mongo.flush();
        assertThat(direct.findById("b1", Document.class, VIEW).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void a_view_emptied_whole_keeps_its_indexes_and_their_uniqueness() {
        MongoTemplate direct = new MongoTemplate(application.getMongoDatabaseFactory(), application.getConverter());
        direct.remove(new Query(), VIEW);
        direct.getCollection(VIEW).createIndex(new Document("code", 1),
                new com.mongodb.client.model.IndexOptions().unique(true).name("code_unique"));
        direct.save(new Document("_id", "a").append("code", 1), VIEW);
        direct.save(new Document("_id", "b").append("code", 2), VIEW);

        var removed = mongo.remove(new Query(), VIEW);

        assertThat(removed.getDeletedCount()).isEqualTo(2);
        assertThat(direct.getCollection(VIEW).countDocuments()).isZero();
        assertThat(direct.getCollection(VIEW).listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                .contains("code_unique");
        direct.save(new Document("_id", "c").append("code", 1), VIEW);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> direct.insert(new Document("_id", "d").append("code", 1), VIEW))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        direct.getCollection(VIEW).dropIndex("code_unique");
    }
}
