package io.aura.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.audit.AuditLog;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** The audit reads the event store itself, and its hash chain shows any stored event altered, removed or reordered. */
class AuditIT extends IntegrationTest {


    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /**
     * The embedded store's verdict (its chain column, through the API) and the verdict from the chain
     * in the metadata, read through Axon's event stream as on Axon Server: they must agree.
     */
    private JsonNode verify(String aggregateId) {
        var response = http.get("/api/audit/verify" + (aggregateId == null ? "" : "?aggregateId=" + aggregateId), adminToken);
        assertThat(response.status()).isEqualTo(200);
        if (aggregateId != null) {
            AuditLog.Verification streamed = new EventStoreAuditLog(eventStore, eventSerializer).verify(aggregateId);
            JsonNode direct = response.body();
            assertThat(streamed.valid()).as("%s", streamed).isEqualTo(direct.get("valid").asBoolean());
            if (!streamed.valid()) {
                assertThat(streamed.firstBreak().sequence()).isEqualTo(direct.get("firstBreak").get("sequence").asLong());
                assertThat(streamed.firstBreak().globalIndex())
                        .isEqualTo(direct.get("firstBreak").get("globalIndex").asLong());
            }
        }
        return response.body();
    }

    @Test
    void the_audit_lists_an_aggregates_events_with_actor_and_payload_read_from_the_event_store() {
        String name = userWithTwoEvents("audited");

        var audit = http.get("/api/audit?aggregateId=" + name, adminToken);

        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().size()).isEqualTo(2);
        JsonNode first = audit.body().get(0);
        assertThat(first.get("type").asString()).isEqualTo("UserRegistered");
        assertThat(first.get("actor").asString()).isEqualTo("admin");
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("payload").get("username").asString()).isEqualTo(name);
        assertThat(audit.body().get(1).get("type").asString()).isEqualTo("RolesGranted");
    }

    @Test
    void the_audit_exports_json_lines_and_csv_and_is_for_auditors_only() {
        String name = userWithTwoEvents("audited");
        var jsonl = http.get("/api/audit?format=jsonl&aggregateId=" + name, adminToken);
        assertThat(jsonl.raw().body().strip().split("\n")).hasSize(2);
        var csv = http.get("/api/audit?format=csv&aggregateId=" + name, userWithRoles(unique("aud"), "AUDITOR"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().body().split("\n")).hasSize(3);
        assertThat(csv.raw().body()).startsWith("globalIndex,");
        assertThat(http.get("/api/audit", userWithRoles(unique("req"), "REQUESTER")).status()).isEqualTo(403);
        assertThat(http.get("/api/audit?from=yesterday", adminToken).status()).isEqualTo(400);
    }

    @Test
    void the_audit_is_paged_by_links_and_filtered_by_time() {
        String name = userWithTwoEvents("paged");

        var first = http.get("/api/audit?limit=1&aggregateId=" + name, adminToken);
        assertThat(first.body().size()).isEqualTo(1);
        String link = first.header("Link");
        assertThat(link).contains("rel=\"next\"").contains("afterIndex=" + first.body().get(0).get("globalIndex").asLong());
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        var second = http.get(next.substring(next.indexOf("/api/audit")), adminToken);
        assertThat(second.body().get(0).get("sequence").asLong()).isEqualTo(1);
        var all = http.get("/api/audit?aggregateId=" + name, adminToken);
        assertThat(all.body().size()).isEqualTo(2);
        assertThat(all.header("Link")).as("not a full page: nothing more").isNull();

        java.time.Instant firstAt = java.time.Instant.parse(all.body().get(0).get("timestamp").asString());
        java.time.Instant secondAt = java.time.Instant.parse(all.body().get(1).get("timestamp").asString());
        var fromSecond = http.get("/api/audit?aggregateId=" + name + "&from=" + secondAt, adminToken).body();
        assertThat(fromSecond.size()).isEqualTo(firstAt.equals(secondAt) ? 2 : 1);
        var beforeFirst = http.get("/api/audit?aggregateId=" + name + "&to=" + firstAt, adminToken).body();
        assertThat(beforeFirst.size()).as("to is exclusive").isZero();
    }

    @Test
    void an_untouched_store_verifies() {
        userWithTwoEvents("audited");
        JsonNode result = verify(null);
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.get("checkedEvents").asLong()).isGreaterThan(2);
    }

    @Test
    void an_altered_event_is_found() {
        String name = userWithTwoEvents("audited");
        byte[] original = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", byte[].class, name);
        try {
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    new String(original).replace("APPROVER", "ADMIN").getBytes(), name);

            JsonNode result = verify(name);

            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("sequence").asLong()).isEqualTo(1);
            assertThat(result.get("firstBreak").get("aggregateId").asString()).isEqualTo(name);
        } finally {
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    original, name);
        }
        assertThat(verify(name).get("valid").asBoolean()).isTrue();
    }

    @Test
    void an_event_attributed_to_someone_else_is_found() {
        String name = userWithTwoEvents("audited");
        byte[] original = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", byte[].class, name);
        assertThat(new String(original)).contains("\"actor\":\"admin\"");
        try {
            jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    new String(original).replace("\"actor\":\"admin\"", "\"actor\":\"mallory\"").getBytes(), name);

            JsonNode result = verify(name);

            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("sequence").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    original, name);
        }
        assertThat(verify(name).get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_removed_event_is_found() {
        String name = userWithTwoEvents("audited");
        withStoredEventRemoved(name, 0, () -> {
            JsonNode result = verify(name);

            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("reason").asString()).contains("missing");
        });
        assertThat(verify(name).get("valid").asBoolean()).isTrue();
    }

    @Test
    void reordered_events_are_found() {
        String name = userWithTwoEvents("audited");
        Map<String, Object> first = jdbc.queryForMap("SELECT payload, payloadType, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 0", name);
        Map<String, Object> second = jdbc.queryForMap("SELECT payload, payloadType, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 1", name);
        String swap = "UPDATE DomainEventEntry SET payload = ?, payloadType = ?, metaData = ? "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?";
        try {
            jdbc.update(swap, second.get("payload"), second.get("payloadType"), second.get("metaData"), name, 0);
            jdbc.update(swap, first.get("payload"), first.get("payloadType"), first.get("metaData"), name, 1);

            JsonNode result = verify(name);

            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("sequence").asLong()).isZero();
        } finally {
            jdbc.update(swap, first.get("payload"), first.get("payloadType"), first.get("metaData"), name, 0);
            jdbc.update(swap, second.get("payload"), second.get("payloadType"), second.get("metaData"), name, 1);
        }
        assertThat(verify(name).get("valid").asBoolean()).isTrue();
    }
}
