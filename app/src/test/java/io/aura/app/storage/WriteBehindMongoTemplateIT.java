package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        assertThat(mongo.waiting()).isEqualTo(3);
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
}
