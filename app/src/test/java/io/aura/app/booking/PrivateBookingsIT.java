package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Private bookings (ADR 0040): every read edge shows one as "Busy" with no requester to a second requester, and
 * as it is to its requester and ADMIN (and AUDITOR, and the approvers of its resource).
 */
class PrivateBookingsIT extends IntegrationTest {
    static final String SECRET = "Salary talk with Dana";

    String room;
    String ownerName;
    String owner;
    String otherName;
    String other;
    Instant day;

    @BeforeEach
    void people() {
        room = http.post("/api/resources", adminToken, Map.of("name", unique("Private room"), "capacity", 4,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        ownerName = unique("olga");
        owner = userWithRoles(ownerName, "REQUESTER");
        otherName = unique("piet");
        other = userWithRoles(otherName, "REQUESTER");
        day = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    JsonNode book(String token, String resourceId, int hour, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("title", SECRET, "resourceId", resourceId,
                "start", day.plusSeconds(hour * 3600L).toString(), "end", day.plusSeconds((hour + 1) * 3600L).toString(),
                "description", "about the raise", "attendees", List.of("dana@example.org")));
        body.putAll(extra);
        var answer = http.post("/events/create", token, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body();
    }

    String privateBooking() {
        return book(owner, room, 9, Map.of("private", true)).get("bookingId").asString();
    }

    JsonNode calendarEntry(String token, String bookingId, String query) {
        for (JsonNode e : http.get("/dashboard/calendar?resourceId=" + room + "&from=" + day + "&to="
                + day.plus(Duration.ofDays(1)) + query, token).body().get("events")) {
            if (e.get("bookingId").asString().equals(bookingId)) {
                return e;
            }
        }
        throw new AssertionError("not on the calendar: " + bookingId);
    }

    @Test
    void the_calendar_shows_a_private_booking_as_busy_to_a_second_requester_and_as_it_is_to_its_owner_and_admin() {
        String id = privateBooking();

        JsonNode seenByOther = calendarEntry(other, id, "");
        assertThat(seenByOther.get("title").asString()).isEqualTo("Busy");
        assertThat(seenByOther.get("private").asBoolean()).isTrue();
        assertThat(seenByOther.toString()).doesNotContain(SECRET).doesNotContain(ownerName);
        assertThat(calendarEntry(owner, id, "").get("title").asString()).isEqualTo(SECRET);
        assertThat(calendarEntry(adminToken, id, "").get("title").asString()).isEqualTo(SECRET);
        String auditor = userWithRoles(unique("audra"), "AUDITOR");
        assertThat(calendarEntry(auditor, id, "").get("title").asString()).isEqualTo(SECRET);
    }

    @Test
    void the_calendar_as_of_an_instant_hides_it_too() {
        String id = privateBooking();
        String asOf = "&asOf=" + Instant.now().plusSeconds(1);

        assertThat(calendarEntry(other, id, asOf).get("title").asString()).isEqualTo("Busy");
        assertThat(calendarEntry(owner, id, asOf).get("title").asString()).isEqualTo(SECRET);
        assertThat(calendarEntry(adminToken, id, asOf).get("title").asString()).isEqualTo(SECRET);
    }

    @Test
    void a_booking_not_asked_private_on_an_ordinary_resource_shows_its_title_to_everyone_as_before() {
        String id = book(owner, room, 11, Map.of()).get("bookingId").asString();

        JsonNode seen = calendarEntry(other, id, "");
        assertThat(seen.get("title").asString()).isEqualTo(SECRET);
        assertThat(seen.get("private").asBoolean()).isFalse();
    }

    @Test
    void its_status_is_refused_to_a_second_requester_busy_to_an_approver_of_another_resource_and_whole_to_the_rest() {
        String annName = unique("ann");
        String ann = userWithRoles(annName, "APPROVER");
        String bob = userWithRoles(unique("bob"), "APPROVER");
        String guarded = http.post("/api/resources", adminToken, Map.of("name", unique("Guarded room"), "capacity", 4,
                "timeZone", "Europe/Berlin", "approvalRequired", true, "approvers", List.of(annName)))
                .body().get("id").asString();
        String id = book(owner, guarded, 9, Map.of("private", true)).get("bookingId").asString();
        String status = "/events/status?bookingId=" + id;

        assertThat(http.get(status, other).status()).isEqualTo(403);
        JsonNode seenByBob = http.get(status, bob).body();
        assertThat(seenByBob.get("title").asString()).isEqualTo("Busy");
        assertThat(seenByBob.has("requester")).isFalse();
        assertThat(seenByBob.toString()).doesNotContain(SECRET).doesNotContain("about the raise")
                .doesNotContain("dana@example.org").doesNotContain(ownerName);
        for (String token : List.of(ann, owner, adminToken)) {
            JsonNode whole = http.get(status, token).body();
            assertThat(whole.get("title").asString()).isEqualTo(SECRET);
            assertThat(whole.get("requester").asString()).isEqualTo(ownerName);
            assertThat(whole.get("private").asBoolean()).isTrue();
        }
    }

    @Test
    void a_refusal_over_a_private_booking_names_neither_its_title_nor_its_requester() {
        String id = privateBooking();

        var refused = http.post("/events/create", other, Map.of("title", "mine", "resourceId", room,
                "start", day.plusSeconds(9 * 3600).toString(), "end", day.plusSeconds(10 * 3600).toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("bookingId").asString()).isEqualTo(id);
        assertThat(refused.body().get("suggestions").size()).isPositive();
        assertThat(refused.body().toString()).doesNotContain(SECRET).doesNotContain(ownerName)
                .doesNotContain("about the raise");
    }

    @Test
    void the_resource_feed_shows_it_as_busy_and_class_private_to_others_and_with_its_title_to_admin() {
        privateBooking();

        String seenByOther = http.get(feed(other), null).raw().body();
        assertThat(seenByOther).contains("SUMMARY:Busy").contains("CLASS:PRIVATE").doesNotContain(SECRET);
        assertThat(http.get(feed(adminToken), null).raw().body()).contains("SUMMARY:" + SECRET);
        assertThat(http.get(path(http.get("/api/ical/links", owner).body().get("mine").asString()), null).raw().body())
                .contains("SUMMARY:" + SECRET);
    }

    String feed(String token) {
        for (JsonNode link : http.get("/api/ical/links", token).body().get("resources")) {
            if (link.get("resourceId").asString().equals(room)) {
                return path(link.get("url").asString());
            }
        }
        throw new AssertionError("no feed of " + room);
    }

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void the_live_stream_pushes_it_as_busy_to_a_second_requester_and_whole_to_admin() throws Exception {
        BlockingQueue<String> seenByOther = stream(other);
        BlockingQueue<String> seenByAdmin = stream(adminToken);

        String id = privateBooking();

        String toOther = pushed(seenByOther, id);
        assertThat(toOther).contains("\"title\":\"Busy\"").doesNotContain(SECRET).doesNotContain(ownerName);
        assertThat(pushed(seenByAdmin, id)).contains(SECRET);
    }

    final List<java.util.stream.Stream<String>> openStreams = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeStreams() {
        openStreams.forEach(java.util.stream.Stream::close);
        openStreams.clear();
    }

    BlockingQueue<String> stream(String token) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + "/api/stream?resourceId=" + room))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        // read on a thread of its own, closed after the test: a stream read on the common fork-join pool would hold
        // it, and Axon stops its processors on that pool (a replay in a later test class would wait for ever)
        HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException e) {
            throw new AssertionError("the stream did not open", e);
        }
        openStreams.add(response.body());
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed by the test's end
            }
        }, "private-bookings-stream");
        reader.setDaemon(true);
        reader.start();
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("event:ready")) {
                return lines;
            }
        }
        throw new AssertionError("the stream did not open");
    }

    static String pushed(BlockingQueue<String> lines, String bookingId) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            seen.add(line);
            if (line.startsWith("data:") && line.contains(bookingId)) {
                return line;
            }
        }
        throw new AssertionError("not pushed: " + bookingId + " in " + seen);
    }

    @Test
    void a_resource_private_by_default_makes_its_bookings_private_unless_asked_otherwise() {
        var created = http.post("/api/resources", adminToken, Map.of("name", unique("Counselling room"),
                "capacity", 2, "timeZone", "Europe/Berlin", "privateByDefault", true));
        assertThat(created.body().get("privateByDefault").asBoolean()).isTrue();
        String counselling = created.body().get("id").asString();
        assertThat(http.get("/api/resources/" + counselling, other).body().get("privateByDefault").asBoolean())
                .isTrue();

        String byDefault = book(owner, counselling, 9, Map.of()).get("bookingId").asString();
        String askedPublic = book(owner, counselling, 11, Map.of("private", false)).get("bookingId").asString();

        assertThat(http.get("/events/status?bookingId=" + byDefault, owner).body().get("private").asBoolean()).isTrue();
        assertThat(http.get("/events/status?bookingId=" + askedPublic, owner).body().get("private").asBoolean())
                .isFalse();
        assertThat(http.get("/api/resources/" + room, adminToken).body().get("privateByDefault").asBoolean())
                .isFalse();
    }

    @Test
    void an_imported_calendar_gets_the_resources_default_too() {
        String counselling = http.post("/api/resources", adminToken, Map.of("name", unique("Quiet room"),
                "capacity", 2, "timeZone", "Europe/Berlin", "privateByDefault", true)).body().get("id").asString();
        String start = day.plusSeconds(9 * 3600).toString().replace("-", "").replace(":", "");
        String end = day.plusSeconds(10 * 3600).toString().replace("-", "").replace(":", "");
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:private-1\r\n"
                + "DTSTAMP:20261201T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end + "\r\nSUMMARY:" + SECRET
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var imported = http.postText("/api/bookings/import?resourceId=" + counselling, owner, "text/calendar", ics);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
        String id = imported.body().get(0).get("bookingId").asString();
        assertThat(http.get("/events/status?bookingId=" + id, owner).body().get("private").asBoolean()).isTrue();
    }
}
