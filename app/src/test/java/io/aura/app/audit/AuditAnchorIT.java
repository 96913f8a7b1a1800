package io.aura.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.app.security.AccessTokens;
import io.aura.app.security.AuditAnchors;
import io.aura.app.security.BookingTokens;
import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An anchor, kept by an auditor outside the system, shows whether anything stored up to it changed —
 * also what the per-aggregate chain cannot show: the last event of an aggregate removed.
 */
class AuditAnchorIT extends IntegrationTest {
    @Autowired
    BookingTokens bookingTokens;

    private String anchor() {
        var response = http.get("/api/audit/anchor", adminToken);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("anchor").asString();
    }

    private JsonNode check(String anchor) {
        var response = http.post("/api/audit/anchor/verify", adminToken, Map.of("anchor", anchor));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }


    @Test
    void an_anchor_holds_while_nothing_up_to_it_changes_even_as_new_events_arrive() {
        userWithTwoEvents("anchored");
        String anchor = anchor();

        userWithTwoEvents("anchored"); // after the anchor: outside what it covers

        JsonNode result = check(anchor);
        assertThat(result.get("unchanged").asBoolean()).isTrue();
        assertThat(result.get("now").get("events").asLong()).isEqualTo(result.get("anchored").get("events").asLong())
                .isGreaterThan(2);
    }

    @Test
    void an_event_altered_with_its_stored_hash_left_as_it_was_fails_the_anchor_and_is_named() {
        String name = userWithTwoEvents("anchored");
        String anchor = anchor();
        byte[] original = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", byte[].class, name);
        try {
            // the digest folds stored hashes only: this leaves it as it was, the event's own hash does not
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    new String(original).replace("APPROVER", "ADMIN").getBytes(), name);

            JsonNode result = check(anchor);

            assertThat(result.get("now").get("sha256").asString())
                    .isEqualTo(result.get("anchored").get("sha256").asString());
            assertThat(result.get("unchanged").asBoolean()).isFalse();
            assertThat(result.get("firstBreak").get("aggregateId").asString()).isEqualTo(name);
            assertThat(result.get("firstBreak").get("sequence").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    original, name);
        }
        assertThat(check(anchor).get("unchanged").asBoolean()).isTrue();
    }

    @Test
    void removing_the_last_event_of_an_aggregate_passes_the_chain_but_not_the_anchor() {
        String name = userWithTwoEvents("anchored");
        String anchor = anchor();
        withStoredEventRemoved(name, 1, () -> {
            // a shorter chain is still a valid chain (ADR 0006) ...
            assertThat(http.get("/api/audit/verify?aggregateId=" + name, adminToken).body().get("valid").asBoolean())
                    .isTrue();
            // ... but not the store the anchor was issued for
            JsonNode result = check(anchor);
            assertThat(result.get("unchanged").asBoolean()).isFalse();
            assertThat(result.get("now").get("events").asLong())
                    .isEqualTo(result.get("anchored").get("events").asLong() - 1);
        });
        assertThat(check(anchor).get("unchanged").asBoolean()).isTrue();
    }

    @Test
    void only_an_anchor_signed_by_this_server_is_checked_and_only_by_auditors() {
        var otherKey = Jwts.SIG.ES256.keyPair().build();
        Map<String, Object> claims = Map.of("headIndex", 1, "events", 1, "sha256", "0".repeat(64));
        String foreign = Jwts.builder().issuer(AccessTokens.ISSUER).audience().add(AuditAnchors.AUDIENCE).and()
                .claims(claims).signWith(otherKey.getPrivate(), Jwts.SIG.ES256).compact();
        String unsigned = Jwts.builder().issuer(AccessTokens.ISSUER).audience().add(AuditAnchors.AUDIENCE).and()
                .claims(claims).compact();
        String bookingToken = bookingTokens.sign("b-1", "r-1", Instant.parse("2030-01-01T09:00:00Z"),
                Instant.parse("2030-01-01T10:00:00Z"));

        for (String notAnAnchor : List.of(foreign, unsigned, bookingToken, "not-a-jwt", "")) {
            var response = http.post("/api/audit/anchor/verify", adminToken, Map.of("anchor", notAnAnchor));
            assertThat(response.status()).as(notAnAnchor).isEqualTo(400);
            assertThat(response.body().toString()).contains("anchor");
        }
        String requester = userWithRoles(unique("req"), "REQUESTER");
        assertThat(http.get("/api/audit/anchor", requester).status()).isEqualTo(403);
        String auditor = userWithRoles(unique("aud"), "AUDITOR");
        assertThat(http.post("/api/audit/anchor/verify", auditor, Map.of("anchor", anchor())).status()).isEqualTo(200);
    }
}
