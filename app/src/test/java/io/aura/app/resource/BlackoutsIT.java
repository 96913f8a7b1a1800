package io.aura.app.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** API.md "Resources, users, schedules": blackouts listed and removed; a removed one books again at once. */
class BlackoutsIT extends IntegrationTest {

    @Test
    void an_administrator_lists_and_removes_a_blackout_and_its_slot_can_be_booked_at_once() {
        var room = http.post("/api/resources", adminToken, Map.of("name", unique("Closable"), "capacity", 6,
                "timeZone", "Europe/Berlin", "approvalRequired", false));
        String roomId = room.body().get("id").asString();
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        var added = http.post("/api/resources/" + roomId + "/blackouts", adminToken,
                Map.of("start", start.toString(), "end", end.toString(), "reason", "floor polishing"));
        String blackoutId = added.body().get("blackoutId").asString();
        String requester = userWithRoles(unique("closed"), "REQUESTER");
        Map<String, Object> booking = Map.of("title", "In the closed hours", "resourceId", roomId,
                "start", start.plusSeconds(1800).toString(), "end", start.plusSeconds(3600).toString());

        var asAdmin = http.get("/api/resources/" + roomId + "/blackouts", adminToken);
        var asRequester = http.get("/api/resources/" + roomId + "/blackouts", requester);
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.body().get(0).get("blackoutId").asString()).isEqualTo(blackoutId);
        assertThat(asAdmin.body().get(0).get("reason").asString()).isEqualTo("floor polishing");
        assertThat(asRequester.body().get(0).has("reason")).as("an administrator's note").isFalse();
        assertThat(http.post("/events/create", requester, booking).status()).isEqualTo(409);

        assertThat(http.delete("/api/resources/" + roomId + "/blackouts/" + blackoutId, requester).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/resources/" + roomId + "/blackouts/" + blackoutId, adminToken).status())
                .isEqualTo(204);

        // the schedule decides from the command on: the slot is free at once
        assertThat(http.post("/events/create", requester, booking).status()).isEqualTo(201);
        // the list follows within the processor's batch
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> http.get("/api/resources/" + roomId + "/blackouts", adminToken).body().isEmpty());
        assertThat(http.get("/api/resources/" + roomId + "/blackouts", adminToken).body()).isEmpty();
        var again = http.delete("/api/resources/" + roomId + "/blackouts/" + blackoutId, adminToken);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("Content-Type")).contains("application/problem+json");
    }
}
