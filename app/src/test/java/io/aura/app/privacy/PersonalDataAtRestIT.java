package io.aura.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.privacy.PersonalData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Encryption at rest and crypto-shredding (ADR 0046): a person's name, address and texts are stored sealed with
 * their key; the auditor reads them while the key exists; erasing the person deletes it, after which every stored
 * copy reads as erased, while not one stored byte changed and the hash chain still verifies.
 */
class PersonalDataAtRestIT extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void a_persons_data_is_stored_sealed_read_by_the_auditor_and_unreadable_everywhere_once_they_are_erased() {
        String person = unique("zelda");
        String name = "Zelda " + UUID.randomUUID().toString().substring(0, 8);
        String email = person + "@example.test";
        String title = "Plan " + UUID.randomUUID().toString().substring(0, 8);
        String description = "Agenda " + UUID.randomUUID().toString().substring(0, 8);
        String attendee = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertThat(http.post("/api/users", adminToken, Map.of("username", person, "password", person + "-password-1",
                "roles", List.of("REQUESTER"), "displayName", name, "email", email)).status()).isEqualTo(201);
        String token = http.token(person, person + "-password-1");
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Sealed room"), "capacity", 4,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        Instant start = Instant.now().plus(11, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        var booked = http.post("/events/create", token, Map.of("title", title, "resourceId", room, "start",
                start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString(), "description", description,
                "attendees", List.of(attendee)));
        assertThat(booked.status()).as("%s", booked.body()).isEqualTo(201);
        String bookingId = booked.body().get("bookingId").asString();

        // at rest: the store holds none of it in the clear, only sealed values
        for (String secret : List.of(name, email, title, description, attendee)) {
            assertThat(storedPayloadsContaining(secret)).as(secret).isZero();
        }
        assertThat(storedPayloadsContaining("aura-pd:v1:")).isPositive();
        // the auditor reads them while the person's key exists
        assertThat(auditPayload(person, "UserRegistered").get("displayName").asString()).isEqualTo(name);
        assertThat(auditPayload(person, "UserRegistered").get("email").asString()).isEqualTo(email);
        JsonNode requested = auditPayload(bookingId, "BookingRequested");
        assertThat(requested.get("title").asString()).isEqualTo(title);
        assertThat(requested.get("attendeeNames").get(0).asString()).isEqualTo(attendee);
        Map<String, byte[]> storedBefore = storedPayloads(person, bookingId);

        assertThat(http.post("/api/users/" + person + "/erase", adminToken, Map.of()).status()).isEqualTo(202);

        assertThat(auditPayload(person, "UserRegistered").get("displayName").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(auditPayload(person, "UserRegistered").get("email").asString()).isEqualTo(PersonalData.ERASED);
        requested = auditPayload(bookingId, "BookingRequested");
        assertThat(requested.get("title").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(requested.get("description").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(requested.get("attendeeNames").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(requested.get("requester").asString()).as("the username stays, as a pseudonym").isEqualTo(person);
        // what Axon reads back (aggregates, processors, a replay) is erased too
        BookingRequested read = (BookingRequested) eventStore.readEvents(bookingId).next().getPayload();
        assertThat(read.title()).isEqualTo(PersonalData.ERASED);
        assertThat(read.attendeeNames()).isEmpty();
        assertThat(read.resourceId()).isEqualTo(room);
        // not one stored byte changed, so the chain over them verifies
        Map<String, byte[]> storedAfter = storedPayloads(person, bookingId);
        assertThat(storedAfter.keySet()).containsAll(storedBefore.keySet()); // and the erasure's own events
        storedBefore.forEach((event, bytes) -> assertThat(storedAfter.get(event)).as(event).isEqualTo(bytes));
        for (String aggregate : List.of(person, bookingId)) {
            assertThat(http.get("/api/audit/verify?aggregateId=" + aggregate, adminToken).body().get("valid")
                    .asBoolean()).as(aggregate).isTrue();
        }
        assertThat(http.get("/api/audit/verify", adminToken).body().get("valid").asBoolean()).isTrue();
    }

    @Test
    void an_erased_person_cannot_sign_in_and_erasing_them_again_changes_nothing() {
        String person = unique("yann");
        userWithRoles(person, "REQUESTER");
        assertThat(http.post("/api/users/" + person + "/erase", adminToken, Map.of()).status()).isEqualTo(202);
        long stored = storedEvents();

        assertThat(http.post("/api/users/" + person + "/erase", adminToken, Map.of()).status()).isEqualTo(202);

        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(http.post("/api/auth/token", null, Map.of("username", person, "password", person + "-password-1"))
                .status()).isEqualTo(401);
        assertThat(http.put("/api/users/" + person, adminToken, Map.of("displayName", "Back again")).status())
                .as("an erased account takes no new name").isEqualTo(409);
    }

    @Test
    void only_an_administrator_erases_and_not_themselves_nor_nobody() {
        String person = unique("xia");
        String requester = userWithRoles(person, "REQUESTER");
        String other = unique("wim");
        userWithRoles(other, "REQUESTER");
        assertThat(http.post("/api/users/" + other + "/erase", requester, Map.of()).status()).isEqualTo(403);
        assertThat(http.post("/api/users/admin/erase", adminToken, Map.of()).status()).isEqualTo(409);
        assertThat(http.post("/api/users/" + unique("nobody") + "/erase", adminToken, Map.of()).status())
                .isEqualTo(404);
    }

    @Autowired
    io.aura.app.notify.WebhookStore webhooks;

    @Test
    void a_webhooks_signing_secret_is_stored_sealed_with_the_master_key() {
        String secret = "whsec-" + UUID.randomUUID();
        var created = http.post("/api/webhooks", adminToken, Map.of("url", "http://127.0.0.1:9/hook", "secret", secret));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);

        String stored = webhooks.secret(created.body().get("id").asString()).orElseThrow();

        assertThat(stored).startsWith("aura-mk:v1:").doesNotContain(secret);
    }

    private long storedPayloadsContaining(String text) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE instr(CAST(payload AS TEXT), ?) > 0",
                Long.class, text);
    }

    /** Each stored payload of the aggregates, by aggregate and sequence number. */
    private Map<String, byte[]> storedPayloads(String... aggregates) {
        Map<String, byte[]> payloads = new java.util.HashMap<>();
        for (String aggregate : aggregates) {
            jdbc.query("SELECT sequenceNumber, payload FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    rs -> {
                        payloads.put(aggregate + "#" + rs.getLong(1), rs.getBytes(2));
                    }, aggregate);
        }
        return payloads;
    }

    private JsonNode auditPayload(String aggregateId, String type) {
        for (JsonNode entry : http.get("/api/audit?aggregateId=" + aggregateId, adminToken).body()) {
            if (entry.get("type").asString().equals(type)) {
                return entry.get("payload");
            }
        }
        throw new AssertionError("no " + type + " for " + aggregateId);
    }
}
