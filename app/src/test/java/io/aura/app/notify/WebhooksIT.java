package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Who sent our booking data where, and from when, is in the event store; the signing secret is not. */
class WebhooksIT extends IntegrationTest {
    private static final String SECRET = "a-secret-nobody-may-read-again";

    @Autowired
    WebhookStore store;

    /** Webhooks kept as MongoDB documents by an earlier version exist in production's MongoDB only. */
    @Autowired
    ObjectProvider<LegacyWebhookMigration> legacyMigration;

    @Autowired
    ObjectProvider<MongoTemplate> mongoTemplate;

    private List<String> listed() {
        JsonNode list = http.get("/api/webhooks", adminToken).body();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(h -> h.get("id").asString()).toList();
    }

    @Test
    void registering_and_removing_a_webhook_are_audited_events_with_the_admin_as_actor_and_no_secret() {
        var created = http.post("/api/webhooks", adminToken, Map.of("url", "https://hooks.example.org/aura",
                "secret", SECRET));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("createdBy").asString()).isEqualTo("admin");
        assertThat(listed()).contains(id); // read-your-writes: listed as soon as the answer is there

        assertThat(http.delete("/api/webhooks/" + id, adminToken).status()).isEqualTo(204);
        assertThat(listed()).doesNotContain(id);
        assertThat(http.delete("/api/webhooks/" + id, adminToken).status()).isEqualTo(404);
        assertThat(http.delete("/api/webhooks/" + UUID.randomUUID(), adminToken).status()).isEqualTo(404);

        JsonNode audit = http.get("/api/audit?aggregateId=" + id, adminToken).body();
        assertThat(audit.size()).isEqualTo(2);
        assertThat(audit.get(0).get("type").asString()).isEqualTo("WebhookRegistered");
        assertThat(audit.get(0).get("payload").get("url").asString()).isEqualTo("https://hooks.example.org/aura");
        assertThat(audit.get(1).get("type").asString()).isEqualTo("WebhookRemoved");
        assertThat(audit).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("admin"));
        Long withSecret = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE CAST(payload AS TEXT) LIKE ? "
                + "OR CAST(metaData AS TEXT) LIKE ?", Long.class, "%" + SECRET + "%", "%" + SECRET + "%");
        assertThat(withSecret).isZero();
        assertThat(store.secret(id)).isEmpty();
    }

    @Test
    void only_an_admin_registers_and_a_bad_url_or_secret_records_nothing() {
        String requester = userWithRoles(unique("req"), "REQUESTER");
        assertThat(http.post("/api/webhooks", requester, Map.of("url", "https://x.test/", "secret", SECRET)).status())
                .isEqualTo(403);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%Webhook%'",
                Long.class);

        var invalid = http.post("/api/webhooks", adminToken, Map.of("url", "ftp://nope", "secret", "short"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().toString()).contains("url").contains("secret");
        // inside the network (server-side request forgery) or with credentials in the URL: refused
        for (String inside : java.util.List.of("http://169.254.169.254/latest/meta-data", "http://10.1.2.3/hook",
                "http://localhost:8024/v1/public", "http://[::1]:27017/", "http://[fd00::5]/hook",
                "https://user:password@hooks.example/x", "http://0x7f.1:8024/", "http://[::127.0.0.1]:8024/",
                "http://[64:ff9b::a9fe:a9fe]/latest/meta-data", "http://metadata.google.internal/computeMetadata",
                "http://[fe80::1%25eth0]/")) {
            var refused = http.post("/api/webhooks", adminToken, Map.of("url", inside, "secret", SECRET));
            assertThat(refused.status()).as(inside).isEqualTo(400);
            assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("url");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%Webhook%'",
                Long.class)).isEqualTo(before);
    }

    @Test
    void a_webhook_kept_as_a_document_by_an_earlier_version_is_registered_as_an_event_once() {
        LegacyWebhookMigration migration = legacyMigration.getIfAvailable();
        Assumptions.assumeTrue(migration != null, "only the production profile (MongoDB) migrates such documents");
        MongoTemplate mongo = mongoTemplate.getObject();
        String id = UUID.randomUUID().toString();
        mongo.save(new Document("_id", id).append("url", "https://legacy.example.org/hook").append("secret", SECRET)
                .append("createdBy", "admin"), LegacyWebhookMigration.LEGACY);

        assertThat(migration.migrate()).isEqualTo(1);
        assertThat(migration.migrate()).isZero();

        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(id)), LegacyWebhookMigration.LEGACY)).isFalse();
        assertThat(store.secret(id)).contains(SECRET);
        JsonNode audit = http.get("/api/audit?aggregateId=" + id, adminToken).body();
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).get("type").asString()).isEqualTo("WebhookRegistered");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("system");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> listed().contains(id));
        assertThat(http.delete("/api/webhooks/" + id, adminToken).status()).isEqualTo(204);
    }

    @Test
    void removing_a_webhook_cancels_what_still_waits_for_it() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nobody listens there once closed: every delivery fails
        }
        String id = http.post("/api/webhooks", adminToken, Map.of("url", "http://127.0.0.1:" + closedPort + "/hook",
                "secret", SECRET)).body().get("id").asString();
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Hook room"), "capacity", 4,
                "timeZone", "UTC")).body().get("id").asString();
        java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(java.time.Duration.ofDays(9)).plus(java.time.Duration.ofHours(10));
        assertThat(http.post("/events/create", adminToken, Map.of("title", "hooked", "resourceId", room,
                "start", start.toString(), "end", start.plusSeconds(3600).toString())).status()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                store.deliveriesOf(id).stream().anyMatch(d -> d.attempts() >= 1 && d.status() == DeliveryStatus.PENDING));

        assertThat(http.delete("/api/webhooks/" + id, adminToken).status()).isEqualTo(204);

        // cancelled by the time the removal answers; the outbox only ever picks PENDING deliveries
        List<WebhookStore.Delivery> deliveries = store.deliveriesOf(id);
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.CANCELLED));
    }
}
