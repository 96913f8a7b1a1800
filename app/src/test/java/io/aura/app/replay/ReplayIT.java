package io.aura.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Replaying the event store rebuilds every projection, and the views come back exactly as they were. */
class ReplayIT extends IntegrationTest {

    @Test
    void after_a_replay_the_views_are_identical_to_before() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Replay room"), "capacity", 6,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        String alice = userWithRoles(unique("alice"), "REQUESTER");
        Instant day = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        List<String> bookings = new ArrayList<>();
        for (int h = 8; h < 12; h++) {
            var created = http.post("/events/create", alice, Map.of("title", "replayed", "resourceId", room,
                    "start", day.plusSeconds(h * 3600L).toString(), "end", day.plusSeconds(h * 3600L + 1800).toString()));
            bookings.add(created.body().get("bookingId").asString());
        }
        http.post("/events/create", alice, Map.of("title", "refused", "resourceId", room,
                "start", day.plusSeconds(8 * 3600L).toString(), "end", day.plusSeconds(9 * 3600L).toString()));
        http.post("/events/" + bookings.get(0) + "/cancel", alice, Map.of());
        List<JsonNode> before = views(bookings, day);

        var started = http.post("/api/admin/replay", adminToken, Map.of());

        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/admin/replay", adminToken).body().get("finished").asBoolean());
        assertThat(views(bookings, day)).isEqualTo(before);
    }

    private List<JsonNode> views(List<String> bookings, Instant day) {
        List<JsonNode> views = new ArrayList<>();
        views.add(http.get("/api/resources", adminToken).body());
        views.add(http.get("/dashboard/calendar?from=" + day.minus(Duration.ofDays(30)) + "&to="
                + day.plus(Duration.ofDays(300)), adminToken).body());
        views.add(http.get("/dashboard/heatmap?from=" + day.minus(Duration.ofDays(7)) + "&to=" + day.plus(Duration.ofDays(7)),
                adminToken).body());
        for (String id : bookings) {
            JsonNode status = http.get("/events/status?bookingId=" + id, adminToken).body();
            // the booking token is signed when read (a fresh ES256 signature each time): not part of the view
            ((tools.jackson.databind.node.ObjectNode) status).remove(List.of("token", "bookingToken"));
            views.add(status);
        }
        return views;
    }

    @Test
    void only_an_admin_may_replay() {
        assertThat(http.post("/api/admin/replay", userWithRoles(unique("aud"), "AUDITOR"), Map.of()).status())
                .isEqualTo(403);
    }
}
