package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bookings imported from an ICS file (ADR 0035): each VEVENT is requested for the caller through the
 * normal decision path — a weekly RRULE becomes a series at the room's local time, an event over
 * someone's booking is refused with its conflict, a whole day is named and not requested — and the
 * same file imported again books nothing twice.
 */
class BookingImportIT extends IntegrationTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    String resourceId;
    String alice;
    String aliceName;
    String bob;
    LocalDate day;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Import room"), "capacity", 8,
                "timeZone", "Europe/Berlin", "bufferMinutes", 0, "minDurationMinutes", 15, "maxDurationMinutes", 240,
                "bookingWindowDays", 60)).body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        bob = userWithRoles(unique("bob"), "REQUESTER");
        day = LocalDate.now(BERLIN).plusDays(3);
    }

    @Test
    void each_event_is_requested_a_series_by_its_rrule_a_clash_refused_and_the_same_file_again_books_nothing_twice() {
        String bobs = http.post("/events/create", bob, Map.of("title", "Bob's slot", "resourceId", resourceId,
                "start", at(day, 14).toString(), "end", at(day, 15).toString())).body().get("bookingId").asString();
        String ics = calendar(
                event("weekly-1@example.test", "Weekly sync", "DTSTART:" + LOCAL.format(day.atTime(10, 0)),
                        "DTEND:" + LOCAL.format(day.atTime(11, 0)), "RRULE:FREQ=WEEKLY;COUNT=3"),
                event("clash-1@example.test", "Clash", "DTSTART:" + UTC.format(at(day, 14).plusSeconds(1800)),
                        "DTEND:" + UTC.format(at(day, 15).plusSeconds(1800))),
                event("holiday-1@example.test", "Away", "DTSTART;VALUE=DATE:" + day.plusDays(1).toString()
                        .replace("-", "")));

        var imported = http.postText(path(resourceId), alice, "text/calendar", ics);

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        JsonNode weekly = entry(imported.body(), "weekly-1@example.test");
        assertThat(weekly.get("status").asString()).isEqualTo("CONFIRMED");
        String series = weekly.get("bookingId").asString();
        JsonNode status = http.get("/events/status?bookingId=" + series, alice).body();
        assertThat(status.get("requester").asString()).isEqualTo(aliceName);
        assertThat(status.get("title").asString()).isEqualTo("Weekly sync");
        List<Instant> dates = new ArrayList<>();
        status.get("occurrences").forEach(o -> dates.add(Instant.parse(o.get("start").asString())));
        assertThat(dates).containsExactly(at(day, 10), at(day.plusWeeks(1), 10), at(day.plusWeeks(2), 10));

        JsonNode clash = entry(imported.body(), "clash-1@example.test");
        assertThat(clash.get("status").asString()).isEqualTo("REJECTED");
        assertThat(clash.get("conflicts").get(0).get("bookingId").asString()).isEqualTo(bobs);

        JsonNode away = entry(imported.body(), "holiday-1@example.test");
        assertThat(away.get("status").asString()).isEqualTo("INVALID");
        assertThat(away.has("bookingId")).isFalse();
        assertThat(away.get("errors").get(0).get("field").asString()).isEqualTo("start");
        assertThat(away.get("errors").get(0).get("rule").asString()).isEqualTo("ICS_WHOLE_DAY");

        long events = storedEvents();
        var again = http.postText(path(resourceId), alice, "text/calendar", ics);

        assertThat(again.status()).isEqualTo(200);
        assertThat(entry(again.body(), "weekly-1@example.test").get("bookingId").asString()).isEqualTo(series);
        assertThat(entry(again.body(), "weekly-1@example.test").get("alreadyImported").asBoolean()).isTrue();
        assertThat(entry(again.body(), "clash-1@example.test").get("alreadyImported").asBoolean()).isTrue();
        assertThat(storedEvents()).as("nothing booked twice").isEqualTo(events);
    }

    @Test
    void an_event_marked_private_or_confidential_is_booked_private_and_shows_as_busy_to_others() {
        String ics = calendar(
                event("private-1@example.test", "Salary talk", "DTSTART:" + LOCAL.format(day.atTime(9, 0)),
                        "DTEND:" + LOCAL.format(day.atTime(10, 0)), "CLASS:PRIVATE"),
                event("confidential-1@example.test", "Health check", "DTSTART:" + LOCAL.format(day.atTime(11, 0)),
                        "DTEND:" + LOCAL.format(day.atTime(12, 0)), "CLASS:CONFIDENTIAL"),
                event("public-1@example.test", "Team lunch", "DTSTART:" + LOCAL.format(day.atTime(13, 0)),
                        "DTEND:" + LOCAL.format(day.atTime(14, 0)), "CLASS:PUBLIC"),
                event("unmarked-1@example.test", "Standup", "DTSTART:" + LOCAL.format(day.atTime(15, 0)),
                        "DTEND:" + LOCAL.format(day.atTime(16, 0))));

        var imported = http.postText(path(resourceId), alice, "text/calendar", ics);

        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        for (String uid : List.of("private-1@example.test", "confidential-1@example.test")) {
            String id = entry(imported.body(), uid).get("bookingId").asString();
            JsonNode mine = http.get("/events/status?bookingId=" + id, alice).body();
            assertThat(mine.get("private").asBoolean()).as(uid).isTrue();
            assertThat(mine.get("title").asString()).as(uid).isNotEqualTo("Busy");
            assertThat(titleOnTheCalendarOf(bob, id)).as(uid).isEqualTo("Busy");
        }
        for (String uid : List.of("public-1@example.test", "unmarked-1@example.test")) {
            String id = entry(imported.body(), uid).get("bookingId").asString();
            assertThat(http.get("/events/status?bookingId=" + id, alice).body().get("private").asBoolean()).as(uid)
                    .isFalse();
        }
    }

    @Test
    void a_bad_file_a_missing_or_unknown_resource_or_too_many_events_are_refused_and_record_nothing() {
        String one = calendar(event("one@example.test", "One", "DTSTART:" + LOCAL.format(day.atTime(9, 0)),
                "DTEND:" + LOCAL.format(day.atTime(10, 0))));
        String approver = userWithRoles(unique("olga"), "APPROVER");
        long before = storedEvents();

        var notIcs = http.postText(path(resourceId), alice, "text/calendar", "this is not a calendar");
        assertThat(notIcs.status()).isEqualTo(400);
        assertThat(fields(notIcs.body())).containsExactly("body");

        var noResource = http.postText("/api/bookings/import", alice, "text/calendar", one);
        assertThat(noResource.status()).isEqualTo(400);
        assertThat(fields(noResource.body())).containsExactly("resourceId");

        var unknown = http.postText(path("no-such-room"), alice, "text/calendar", one);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(event("many-" + i + "@example.test", "Many", "DTSTART:" + LOCAL.format(day.atTime(9, 0)),
                    "DTEND:" + LOCAL.format(day.atTime(10, 0))));
        }
        var tooMany = http.postText(path(resourceId), alice, "text/calendar", calendar(many.toArray(String[]::new)));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(fields(tooMany.body())).containsExactly("body");

        assertThat(http.postText(path(resourceId), approver, "text/calendar", one).status()).isEqualTo(403);
        assertThat(http.postText(path(resourceId), null, "text/calendar", one).status()).isEqualTo(401);

        assertThat(storedEvents()).isEqualTo(before);
    }

    // ---- helpers --------------------------------------------------------------------------------

    static String path(String resourceId) {
        return "/api/bookings/import?resourceId=" + resourceId;
    }

    static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(BERLIN).toInstant();
    }

    static String event(String uid, String summary, String... lines) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:" + summary + "\r\n"
                + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\n";
    }

    static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Import//EN\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    String titleOnTheCalendarOf(String token, String bookingId) {
        for (JsonNode e : http.get("/dashboard/calendar?resourceId=" + resourceId + "&from=" + at(day, 0) + "&to="
                + at(day.plusDays(1), 0), token).body().get("events")) {
            if (e.get("bookingId").asString().equals(bookingId)) {
                return e.get("title").asString();
            }
        }
        throw new AssertionError("not on the calendar: " + bookingId);
    }

    static JsonNode entry(JsonNode answer, String uid) {
        for (JsonNode e : answer) {
            if (uid.equals(e.get("uid").asString())) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + uid + " in " + answer);
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
