package io.aura.app.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WaitlistIT extends IntegrationTest {
    String resourceId;
    String alice;
    String bob;
    String bobName;
    String carol;
    Instant day;

    @BeforeEach
    void room() {
        resourceId = room(Map.of());
        alice = userWithRoles(unique("alice"), "REQUESTER");
        bobName = unique("bob");
        bob = userWithRoles(bobName, "REQUESTER");
        carol = userWithRoles(unique("carol"), "REQUESTER");
        day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    String room(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", unique("Room"), "capacity", 8, "timeZone", "UTC",
                "bufferMinutes", 0));
        body.putAll(extra);
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    Map<String, Object> slot(String resource, int fromHour, int toHour) {
        return new HashMap<>(Map.of("title", "Planning", "resourceId", resource,
                "start", day.plus(fromHour, ChronoUnit.HOURS).toString(),
                "end", day.plus(toHour, ChronoUnit.HOURS).toString(), "attendees", 3));
    }

    String book(String token, String resource, int fromHour, int toHour) {
        var created = http.post("/events/create", token, slot(resource, fromHour, toHour));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("bookingId").asString();
    }

    Http.Response join(String token, Map<String, Object> body) {
        return http.post("/api/waitlist", token, body);
    }

    Optional<JsonNode> entry(String token, String waitlistId) {
        for (JsonNode e : http.get("/api/waitlist", token).body()) {
            if (e.get("waitlistId").asString().equals(waitlistId)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    JsonNode awaitStatus(String token, String waitlistId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                entry(token, waitlistId).map(e -> e.get("status").asString().equals(status)).orElse(false));
        return entry(token, waitlistId).orElseThrow();
    }

    @Test
    void while_waiting_the_answer_offers_what_is_free_now_ranked_as_the_refusal_s_alternatives() {
        book(alice, resourceId, 9, 10);
        var refused = http.post("/events/create", bob, slot(resourceId, 9, 10));
        assertThat(refused.status()).isEqualTo(409);

        var joined = join(bob, slot(resourceId, 9, 10));

        assertThat(joined.status()).isEqualTo(201);
        List<String> offered = slots(joined.body().get("suggestions"));
        assertThat(offered).isNotEmpty();
        assertThat(joined.body().get("suggestions").get(0).get("reasons").size()).isPositive();
        // the slots both lists offer come in the same order: one ranker, one span, one context
        List<String> alsoOn409 = slots(refused.body().get("suggestions"));
        assertThat(offered.stream().filter(alsoOn409::contains).toList())
                .isEqualTo(alsoOn409.stream().filter(offered::contains).toList())
                .isNotEmpty();
    }

    private static List<String> slots(JsonNode suggestions) {
        List<String> out = new java.util.ArrayList<>();
        suggestions.forEach(s -> out.add(s.get("resourceId").asString() + "@" + s.get("start").asString()));
        return out;
    }

    @Test
    void when_the_holder_cancels_the_first_in_line_is_booked_confirmed_and_told_and_the_next_moves_up() {
        String held = book(alice, resourceId, 9, 10);

        var bobJoined = join(bob, slot(resourceId, 9, 10));
        var carolJoined = join(carol, slot(resourceId, 9, 10));

        assertThat(bobJoined.status()).as(String.valueOf(bobJoined.body())).isEqualTo(201);
        assertThat(bobJoined.body().get("position").asInt()).isEqualTo(1);
        assertThat(carolJoined.body().get("position").asInt()).isEqualTo(2);
        String bobsEntry = bobJoined.body().get("waitlistId").asString();
        assertThat(entry(bob, bobsEntry).orElseThrow().get("status").asString()).isEqualTo("WAITING");

        assertThat(http.post("/events/" + held + "/cancel", alice, Map.of()).status()).isEqualTo(200);

        JsonNode fulfilled = awaitStatus(bob, bobsEntry, "FULFILLED");
        String booking = fulfilled.get("bookingId").asString();
        var status = http.get("/events/status?bookingId=" + booking, bob);
        assertThat(status.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(status.body().get("requester").asString()).isEqualTo(bobName);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notices(bob).stream().anyMatch(n ->
                n.get("type").asString().equals("WAITLIST_BOOKED") && booking.equals(n.get("bookingId").asString())));
        JsonNode notice = notices(bob).stream().filter(n -> n.get("type").asString().equals("WAITLIST_BOOKED"))
                .findFirst().orElseThrow();
        assertThat(notice.get("message").asString()).startsWith("The slot you waited for came free: your booking “Planning”");
        assertThat(notice.get("link").asString()).isEqualTo("http://aura.test/bookings");
        String carolsEntry = carolJoined.body().get("waitlistId").asString();
        JsonNode carols = entry(carol, carolsEntry).orElseThrow();
        assertThat(carols.get("status").asString()).isEqualTo("WAITING");
        assertThat(carols.get("position").asInt()).isEqualTo(1);
    }

    @Test
    void on_a_resource_that_needs_approval_the_promoted_booking_waits_for_it_like_any_other() {
        String approver = unique("olga");
        userWithRoles(approver, "APPROVER");
        String hall = room(Map.of("approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(approver))),
                "approvalDeadline", "PT4H"));
        String held = http.post("/events/create", alice, slot(hall, 9, 10)).body().get("bookingId").asString();
        String bobsEntry = join(bob, slot(hall, 9, 10)).body().get("waitlistId").asString();

        http.post("/events/" + held + "/cancel", alice, Map.of());

        String booking = awaitStatus(bob, bobsEntry, "FULFILLED").get("bookingId").asString();
        assertThat(http.get("/events/status?bookingId=" + booking, bob).body().get("status").asString())
                .isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void moving_the_holder_s_booking_away_frees_the_slot_for_the_first_in_line() {
        String held = book(alice, resourceId, 9, 10);
        String bobsEntry = join(bob, slot(resourceId, 9, 10)).body().get("waitlistId").asString();

        var moved = http.post("/events/" + held + "/reschedule", alice, Map.of(
                "start", day.plus(14, ChronoUnit.HOURS).toString(), "end", day.plus(15, ChronoUnit.HOURS).toString()));
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(201);

        String booking = awaitStatus(bob, bobsEntry, "FULFILLED").get("bookingId").asString();
        assertThat(http.get("/events/status?bookingId=" + booking, bob).body().get("status").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void the_owner_or_an_admin_leaves_and_nobody_else_may() {
        book(alice, resourceId, 9, 10);
        String bobsEntry = join(bob, slot(resourceId, 9, 10)).body().get("waitlistId").asString();
        String carolsEntry = join(carol, slot(resourceId, 9, 10)).body().get("waitlistId").asString();

        assertThat(http.delete("/api/waitlist/" + bobsEntry, carol).status()).isEqualTo(403);
        assertThat(http.delete("/api/waitlist/" + bobsEntry, bob).status()).isEqualTo(204);
        assertThat(entry(bob, bobsEntry)).isEmpty();
        assertThat(http.delete("/api/waitlist/" + bobsEntry, bob).status()).isEqualTo(404);
        assertThat(http.delete("/api/waitlist/" + carolsEntry, adminToken).status()).isEqualTo(204);
        assertThat(http.delete("/api/waitlist/no-such-entry", bob).status()).isEqualTo(404);
    }

    @Test
    void a_request_to_wait_is_checked_like_a_booking_request_and_a_refused_one_records_nothing() {
        book(alice, resourceId, 9, 10);
        long before = storedEvents();

        Map<String, Object> untitled = slot(resourceId, 9, 10);
        untitled.remove("title");
        var noTitle = join(bob, untitled);
        Map<String, Object> badStart = slot(resourceId, 9, 10);
        badStart.put("start", "tomorrow");
        var unreadableStart = join(bob, badStart);
        var unknownResource = join(bob, slot("no-such-resource", 9, 10));
        var free = join(bob, slot(resourceId, 12, 13));
        var notARequester = join(userWithRoles(unique("auditor"), "AUDITOR"), slot(resourceId, 9, 10));
        long afterUsers = storedEvents();

        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(fields(noTitle)).contains("title");
        assertThat(unreadableStart.status()).isEqualTo(400);
        assertThat(fields(unreadableStart)).contains("start");
        assertThat(unknownResource.status()).isEqualTo(404);
        assertThat(free.status()).isEqualTo(409);
        assertThat(free.body().get("detail").asString()).contains("book it directly");
        assertThat(notARequester.status()).isEqualTo(403);
        // only the auditor's account was recorded (UserRegistered, RolesGranted at most)
        assertThat(afterUsers - before).isLessThanOrEqualTo(2);
    }

    @Test
    void waiting_twice_for_the_same_slot_is_409() {
        book(alice, resourceId, 9, 10);
        assertThat(join(bob, slot(resourceId, 9, 10)).status()).isEqualTo(201);

        var again = join(bob, slot(resourceId, 9, 10));

        assertThat(again.status()).isEqualTo(409);
        assertThat(http.get("/api/waitlist", bob).body().size()).isEqualTo(1);
    }

    @Test
    void a_replay_rebuilds_the_waitlist_as_it_was_and_it_goes_on_working() {
        String held = book(alice, resourceId, 9, 10);
        String bobsEntry = join(bob, slot(resourceId, 9, 10)).body().get("waitlistId").asString();
        String carolsEntry = join(carol, slot(resourceId, 9, 10)).body().get("waitlistId").asString();
        http.delete("/api/waitlist/" + bobsEntry, bob);
        JsonNode bobsBefore = http.get("/api/waitlist", bob).body();
        JsonNode carolsBefore = http.get("/api/waitlist", carol).body();
        if (!MONGO_VIEWS) {
            jdbc.update("DELETE FROM waitlist_entry"); // the view lost: only the events can give it back
            assertThat(http.get("/api/waitlist", carol).body().size()).isZero();
        }

        assertThat(http.post("/api/admin/replay", adminToken, Map.of()).status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/admin/replay", adminToken).body().get("finished").asBoolean());

        assertThat(http.get("/api/waitlist", bob).body()).isEqualTo(bobsBefore);
        assertThat(http.get("/api/waitlist", carol).body()).isEqualTo(carolsBefore);
        assertThat(carolsBefore.get(0).get("position").asInt()).isEqualTo(1); // bob left: carol moved up
        http.post("/events/" + held + "/cancel", alice, Map.of());
        assertThat(awaitStatus(carol, carolsEntry, "FULFILLED").get("bookingId").asString()).isNotBlank();
    }

    List<String> fields(Http.Response problem) {
        List<String> out = new ArrayList<>();
        problem.body().get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    List<JsonNode> notices(String token) {
        List<JsonNode> out = new ArrayList<>();
        http.get("/api/notifications", token).body().forEach(out::add);
        return out;
    }
}
