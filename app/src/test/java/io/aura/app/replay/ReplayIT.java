package io.aura.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.app.notify.InboxEntry;
import io.aura.app.notify.MailStatus;
import io.aura.app.notify.NotificationStore;
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
        List<JsonNode> before = views(room, bookings, day);

        var started = http.post("/api/admin/replay", adminToken, Map.of());

        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/admin/replay", adminToken).body().get("finished").asBoolean());
        assertThat(views(room, bookings, day)).isEqualTo(before);
    }

    /**
     * This test's room (other tests leave approvals that expire on the wall clock, which may happen during
     * the replay; CrashRecoveryIT compares every resource on a store of its own).
     */
    private List<JsonNode> views(String room, List<String> bookings, Instant day) {
        List<JsonNode> views = new ArrayList<>();
        views.add(http.get("/api/resources", adminToken).body());
        views.add(http.get("/dashboard/calendar?resourceId=" + room + "&from=" + day.minus(Duration.ofDays(30)) + "&to="
                + day.plus(Duration.ofDays(300)), adminToken).body());
        views.add(http.get("/dashboard/heatmap?resourceId=" + room + "&from=" + day.minus(Duration.ofDays(7)) + "&to="
                + day.plus(Duration.ofDays(7)), adminToken).body());
        for (String id : bookings) {
            JsonNode status = http.get("/events/status?bookingId=" + id, adminToken).body();
            // the booking token is signed when read (a fresh ES256 signature each time): not part of the view
            ((tools.jackson.databind.node.ObjectNode) status).remove(List.of("token", "bookingToken"));
            views.add(status);
        }
        return views;
    }

    /**
     * The inbox asks a role's members as they were when the level started: someone granted the role
     * later is not asked, on a replay either; and a mail still waiting to go out survives the replay.
     */
    @Test
    void a_replayed_inbox_asks_the_role_members_of_then_and_keeps_the_mail_still_waiting() {
        String early = unique("early");
        String earlyToken = userWithRoles(early, "APPROVER");
        String requester = userWithRoles(unique("req"), "REQUESTER");
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Role room"), "capacity", 6,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "any", "approverRole", "APPROVER")),
                "approvalDeadline", "PT2H")).body().get("id").asString();
        Instant day = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        String bookingId = http.post("/events/create", requester, Map.of("title", "needs a yes", "resourceId", room,
                "start", day.plusSeconds(9 * 3600L).toString(), "end", day.plusSeconds(10 * 3600L).toString()))
                .body().get("bookingId").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> asked(earlyToken, bookingId));
        String late = unique("late");
        String lateToken = userWithRoles(late, "REQUESTER");
        http.post("/api/users/" + late + "/roles", adminToken, Map.of("roles", List.of("APPROVER")));
        lateToken = http.token(late, late + "-password-1");
        // a mail put straight into the outbox, waiting for a retry far ahead
        notifications.add(new InboxEntry("waiting-mail:" + late, late, "APPROVAL_REMINDER", null, null, null, null,
                "still to be sent", Instant.now().truncatedTo(ChronoUnit.MILLIS), late + "@example.test",
                MailStatus.PENDING, 3, Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS), null));

        http.post("/api/admin/replay", adminToken, Map.of());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/admin/replay", adminToken).body().get("finished").asBoolean());

        assertThat(asked(earlyToken, bookingId)).isTrue();
        assertThat(asked(lateToken, bookingId)).as("granted the role after the level started").isFalse();
        assertThat(notifications.entry("waiting-mail:" + late)).get().extracting(InboxEntry::mailStatus)
                .isEqualTo(MailStatus.PENDING);
    }

    private boolean asked(String token, String bookingId) {
        return http.get("/api/notifications", token).body().valueStream()
                .anyMatch(n -> "APPROVAL_REQUEST".equals(n.get("type").asString())
                        && bookingId.equals(n.get("bookingId").asString()));
    }

    @org.springframework.beans.factory.annotation.Autowired
    NotificationStore notifications;

    @Test
    void an_unknown_replay_mode_is_a_400_naming_the_field_and_starts_nothing() {
        var answer = http.post("/api/admin/replay?mode=sideways", adminToken, Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("mode");
    }

    @Test
    void only_an_admin_may_replay() {
        assertThat(http.post("/api/admin/replay", userWithRoles(unique("aud"), "AUDITOR"), Map.of()).status())
                .isEqualTo(403);
    }
}
