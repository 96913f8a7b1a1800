package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BookingsIT extends IntegrationTest {
    String resourceId;
    String alice;
    Instant day;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Room"), "capacity", 8,
                "timeZone", "Europe/Berlin", "bufferMinutes", 10, "minDurationMinutes", 15,
                "maxDurationMinutes", 240, "bookingWindowDays", 60)).body().get("id").asString();
        alice = userWithRoles(unique("alice"), "REQUESTER");
        day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    Http.Response book(String token, String title, int fromMinute, int toMinute) {
        return http.post("/events/create", token, Map.of("title", title, "resourceId", resourceId,
                "start", day.plusSeconds(60L * fromMinute).toString(), "end", day.plusSeconds(60L * toMinute).toString(),
                "attendees", 4));
    }

    List<String> calendarIds() {
        List<String> ids = new ArrayList<>();
        http.get("/dashboard/calendar?resourceId=" + resourceId + "&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS),
                alice).body().get("events").forEach(e -> ids.add(e.get("bookingId").asString()));
        return ids;
    }

    @Test
    void a_free_slot_is_confirmed_at_once_and_shows_on_the_calendar() {
        var created = book(alice, "Standup", 9 * 60, 10 * 60);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("CONFIRMED");
        String id = created.body().get("bookingId").asString();
        assertThat(calendarIds()).containsExactly(id);
        var status = http.get("/events/status?bookingId=" + id, alice);
        assertThat(status.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(status.body().get("start").asString()).isEqualTo(day.plusSeconds(9 * 3600).toString());
    }

    @Test
    void an_overlap_within_the_buffer_is_409_with_the_conflict_and_nearest_free_slots_and_is_recorded_as_rejected() {
        String first = book(alice, "First", 9 * 60, 10 * 60).body().get("bookingId").asString();

        var clash = book(alice, "Second", 10 * 60 + 5, 11 * 60);

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().get("status").asString()).isEqualTo("REJECTED");
        JsonNode conflict = clash.body().get("conflicts").get(0);
        assertThat(conflict.get("source").asString()).isEqualTo("BOOKING");
        assertThat(conflict.get("bookingId").asString()).isEqualTo(first);
        List<String> sameRoomStarts = new ArrayList<>();
        clash.body().get("suggestions").forEach(sg -> {
            if (sg.get("resourceId").asString().equals(resourceId)) sameRoomStarts.add(sg.get("start").asString());
        });
        assertThat(sameRoomStarts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(sameRoomStarts.get(0))
                .isEqualTo(day.plusSeconds(60L * (10 * 60 + 20)).toString()); // 15-minute steps from the wanted 10:05
        String rejected = clash.body().get("bookingId").asString();
        assertThat(http.get("/events/status?bookingId=" + rejected, alice).body().get("status").asString())
                .isEqualTo("REJECTED");
        assertThat(calendarIds()).containsExactly(first);
    }

    @Test
    void cancelling_frees_the_slot_for_the_next_request() {
        String first = book(alice, "First", 9 * 60, 10 * 60).body().get("bookingId").asString();

        var cancelled = http.post("/events/" + first + "/cancel", alice, Map.of("reason", "moved online"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(calendarIds()).isEmpty();
        assertThat(book(alice, "Next", 9 * 60, 10 * 60).status()).isEqualTo(201);
    }

    @Test
    void a_cancellation_reason_over_500_characters_is_a_400_naming_reason_and_the_booking_stays() {
        String first = book(alice, "First", 9 * 60, 10 * 60).body().get("bookingId").asString();

        var refused = http.post("/events/" + first + "/cancel", alice, Map.of("reason", "x".repeat(501)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(calendarIds()).containsExactly(first);
    }

    @Test
    void only_the_owner_or_an_admin_may_cancel() {
        String first = book(alice, "First", 9 * 60, 10 * 60).body().get("bookingId").asString();
        String bob = userWithRoles(unique("bob"), "REQUESTER");

        assertThat(http.post("/events/" + first + "/cancel", bob, Map.of()).status()).isEqualTo(403);
        assertThat(http.get("/events/status?bookingId=" + first, bob).status()).isEqualTo(403);
        assertThat(calendarIds()).containsExactly(first);
        assertThat(http.post("/events/" + first + "/cancel", adminToken, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void a_refused_reschedule_answers_as_create_rejected_with_free_slots_near_the_wanted_one_and_keeps_the_old_slot() {
        String mine = book(alice, "Mine", 9 * 60, 10 * 60).body().get("bookingId").asString();
        book(alice, "Other", 12 * 60, 13 * 60);

        var refused = http.post("/events/" + mine + "/reschedule", alice, Map.of(
                "start", day.plusSeconds(60L * (12 * 60 + 30)).toString(), "end", day.plusSeconds(60L * (13 * 60 + 30)).toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("status").asString()).as("the move").isEqualTo("REJECTED");
        assertThat(refused.body().get("bookingStatus").asString()).as("the booking").isEqualTo("CONFIRMED");
        assertThat(refused.body().get("conflicts").get(0).get("source").asString()).isEqualTo("BOOKING");
        // "Other" holds 12:00-13:00 with a 10-min buffer: the nearest free hour to 12:30 starts at 13:15
        // (10:45 is further away); the booking's own 9:00 slot does not count against its move
        JsonNode suggestions = refused.body().get("suggestions");
        assertThat(suggestions.size()).isGreaterThanOrEqualTo(1);
        assertThat(suggestions.get(0).get("resourceId").asString()).isEqualTo(resourceId);
        assertThat(suggestions.get(0).get("start").asString()).isEqualTo(day.plusSeconds(60L * (13 * 60 + 15)).toString());
        var status = http.get("/events/status?bookingId=" + mine, alice).body();
        assertThat(status.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(status.get("start").asString()).isEqualTo(day.plusSeconds(9 * 3600).toString());
    }

    @Test
    void a_reschedule_to_a_free_slot_moves_the_booking_and_frees_the_old_slot() {
        String mine = book(alice, "Mine", 9 * 60, 10 * 60).body().get("bookingId").asString();

        var moved = http.post("/events/" + mine + "/reschedule", alice, Map.of(
                "start", day.plusSeconds(14 * 3600).toString(), "end", day.plusSeconds(15 * 3600).toString()));

        assertThat(moved.status()).as("as create").isEqualTo(201);
        assertThat(moved.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(moved.body().get("start").asString()).isEqualTo(day.plusSeconds(14 * 3600).toString());
        assertThat(book(alice, "Takes the old slot", 9 * 60, 10 * 60).status()).isEqualTo(201);
    }

    @Test
    void a_blackout_refuses_bookings_inside_it() {
        var blackout = http.post("/api/resources/" + resourceId + "/blackouts", adminToken, Map.of(
                "start", day.plusSeconds(8 * 3600).toString(), "end", day.plusSeconds(12 * 3600).toString(),
                "reason", "floor cleaning"));
        assertThat(blackout.status()).isEqualTo(201);

        var refused = book(alice, "During cleaning", 9 * 60, 10 * 60);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("source").asString()).isEqualTo("BLACKOUT");
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_gets_the_first_answer_and_books_once() throws Exception {
        String key = unique("key");
        Map<String, Object> body = Map.of("title", "Retried", "resourceId", resourceId,
                "start", day.plusSeconds(16 * 3600).toString(), "end", day.plusSeconds(17 * 3600).toString());
        var first = http.postWithHeader("/events/create", alice, body, "Idempotency-Key", key);
        var retry = http.postWithHeader("/events/create", alice, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("bookingId").asString()).isEqualTo(first.body().get("bookingId").asString());
        assertThat(calendarIds()).containsExactly(first.body().get("bookingId").asString());
    }

    @Test
    void invalid_requests_are_400_naming_the_field_and_record_nothing() {
        String start = day.plusSeconds(9 * 3600).toString();
        String end = day.plusSeconds(10 * 3600).toString();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("end", Map.of("title", "x", "resourceId", resourceId, "start", end, "end", start));
        cases.put("resourceId", Map.of("title", "x", "resourceId", "no-such-room", "start", start, "end", end));
        cases.put("attendees", Map.of("title", "x", "resourceId", resourceId, "start", start, "end", end, "attendees", 9));
        cases.put("start", Map.of("title", "x", "resourceId", resourceId, "start", "tomorrow at nine", "end", end));
        cases.put("title", Map.of("resourceId", resourceId, "start", start, "end", end));
        cases.put("recurrence", Map.of("title", "x", "resourceId", resourceId, "start", start, "end", end,
                "recurrence", "RRULE:FREQ=SOMETIMES"));
        cases.put("conflictPolicy", Map.of("title", "x", "resourceId", resourceId, "start", start, "end", end,
                "conflictPolicy", "WHATEVER"));
        long before = storedEvents();
        cases.forEach((field, body) -> {
            var response = http.post("/events/create", alice, body);
            assertThat(response.status()).as(field).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(field).contains(field);
        });
        var outsideWindow = http.post("/events/create", alice, Map.of("title", "x", "resourceId", resourceId,
                "start", day.plus(90, ChronoUnit.DAYS).toString(), "end", day.plus(90, ChronoUnit.DAYS).plusSeconds(3600).toString()));
        assertThat(outsideWindow.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_broken_rule_is_named_with_the_values_it_quotes_so_a_client_can_word_it_in_its_own_language() {
        String start = day.plusSeconds(9 * 3600).toString();
        String end = day.plusSeconds(10 * 3600).toString();

        var response = http.post("/events/create", alice, Map.of("title", "x", "resourceId", resourceId, "start", start,
                "end", end, "attendees", 9));

        assertThat(response.status()).isEqualTo(400);
        var error = response.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("attendees");
        assertThat(error.get("message").asString()).isEqualTo("9 attendees exceed this resource's capacity of 8");
        assertThat(error.get("rule").asString()).isEqualTo("OVER_CAPACITY");
        assertThat(error.get("arguments").get(0).asString()).isEqualTo("9");
        assertThat(error.get("arguments").get(1).asString()).isEqualTo("8");
    }

    @Test
    void an_auditor_may_not_book() {
        String auditor = userWithRoles(unique("aud"), "AUDITOR");
        assertThat(book(auditor, "Nope", 9 * 60, 10 * 60).status()).isEqualTo(403);
    }

    Map<String, Object> weekly(int count, String policy) {
        return Map.of("title", "Weekly", "resourceId", resourceId, "start", day.plusSeconds(9 * 3600).toString(),
                "end", day.plusSeconds(10 * 3600).toString(), "recurrence", "RRULE:FREQ=DAILY;INTERVAL=7;COUNT=" + count,
                "conflictPolicy", policy);
    }

    /** The series' second start: a week on in the room's own time (09:00 UTC moves by an hour across a clock change). */
    Instant secondWeek() {
        return day.plusSeconds(9 * 3600).atZone(java.time.ZoneId.of("Europe/Berlin")).plusWeeks(1).toInstant();
    }

    @Test
    void a_series_with_a_conflicting_occurrence_is_refused_whole_naming_the_occurrence() {
        Instant secondWeek = secondWeek();
        String blocker = http.post("/events/create", alice, Map.of("title", "Blocker", "resourceId", resourceId,
                "start", secondWeek.toString(), "end", secondWeek.plusSeconds(3600).toString())).body()
                .get("bookingId").asString();

        var refused = http.post("/events/create", alice, weekly(3, "ALL_OR_NOTHING"));

        assertThat(refused.status()).isEqualTo(409);
        JsonNode conflict = refused.body().get("conflicts").get(0);
        assertThat(conflict.get("bookingId").asString()).isEqualTo(blocker);
        assertThat(conflict.get("occurrenceStart").asString()).isEqualTo(secondWeek.toString());
        assertThat(calendarIds()).isEmpty(); // the first week's slot is not held either
    }

    @Test
    void skip_conflicts_books_the_free_occurrences_and_lists_the_skipped_one() {
        Instant secondWeek = secondWeek();
        http.post("/events/create", alice, Map.of("title", "Blocker", "resourceId", resourceId,
                "start", secondWeek.toString(), "end", secondWeek.plusSeconds(3600).toString()));

        var created = http.post("/events/create", alice, weekly(3, "SKIP_CONFLICTS"));

        assertThat(created.status()).isEqualTo(201);
        List<String> statuses = new ArrayList<>();
        created.body().get("occurrences").forEach(o -> statuses.add(o.get("status").asString()));
        assertThat(statuses).containsExactly("CONFIRMED", "SKIPPED", "CONFIRMED");
        assertThat(created.body().get("conflicts").get(0).get("occurrenceStart").asString())
                .isEqualTo(secondWeek.toString());
        // the skipped occurrence is not on the calendar, and the series can still be cancelled
        String series = created.body().get("bookingId").asString();
        List<String> seriesOnCalendar = new ArrayList<>();
        http.get("/dashboard/calendar?resourceId=" + resourceId + "&from=" + day + "&to=" + day.plus(30, ChronoUnit.DAYS),
                alice).body().get("events").forEach(e -> {
                    if (e.get("bookingId").asString().equals(series)) seriesOnCalendar.add(e.get("start").asString());
                });
        assertThat(seriesOnCalendar).hasSize(2).doesNotContain(secondWeek.toString());
        assertThat(http.post("/events/" + series + "/cancel", alice, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void one_occurrence_of_a_series_is_cancelled_and_its_slot_freed() {
        var created = http.post("/events/create", alice, weekly(2, "ALL_OR_NOTHING"));
        assertThat(created.status()).isEqualTo(201);
        String series = created.body().get("bookingId").asString();

        var cancelled = http.post("/events/" + series + "/cancel", alice,
                Map.of("occurrenceStart", day.plusSeconds(9 * 3600).toString()));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(calendarIds()).isEmpty();
        assertThat(book(alice, "Takes the freed slot", 9 * 60, 10 * 60).status()).isEqualTo(201);
        var view = http.get("/events/status?bookingId=" + series, alice).body();
        assertThat(view.get("occurrences").get(0).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(view.get("occurrences").get(1).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void an_endless_series_is_400() {
        var response = http.post("/events/create", alice, Map.of("title", "Forever", "resourceId", resourceId,
                "start", day.plusSeconds(9 * 3600).toString(), "end", day.plusSeconds(10 * 3600).toString(),
                "recurrence", "RRULE:FREQ=WEEKLY"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("COUNT or UNTIL");
    }

    @Test
    void a_refusal_also_suggests_the_same_slot_on_other_free_resources_with_room_enough() {
        http.post("/api/resources", adminToken, Map.of("name", unique("Big room"), "capacity", 30,
                "timeZone", "Europe/Berlin"));
        http.post("/api/resources", adminToken, Map.of("name", unique("Phone booth"), "capacity", 1,
                "timeZone", "Europe/Berlin"));
        book(alice, "First", 9 * 60, 10 * 60);

        var clash = book(alice, "Second", 9 * 60, 10 * 60);

        assertThat(clash.status()).isEqualTo(409);
        List<String> elsewhere = new ArrayList<>();
        clash.body().get("suggestions").forEach(sg -> {
            if (sg.get("start").asString().equals(day.plusSeconds(9 * 3600).toString())) {
                elsewhere.add(sg.get("resourceId").asString());
            }
        });
        assertThat(elsewhere).isNotEmpty().doesNotContain(resourceId);
        Map<String, Integer> capacity = new HashMap<>();
        http.get("/api/resources", alice).body().forEach(r -> capacity.put(r.get("id").asString(), r.get("capacity").asInt()));
        assertThat(elsewhere).allSatisfy(id -> assertThat(capacity.get(id)).isGreaterThanOrEqualTo(4));
    }
}
