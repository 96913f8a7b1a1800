package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API.md "Suggestions": free slots only, best first, each with its score and reasons. */
class SuggestionsIT extends IntegrationTest {
    String alice;
    Instant day;

    @BeforeEach
    void people() {
        alice = userWithRoles(unique("alice"), "REQUESTER");
        day = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    String room(int capacity) {
        return http.post("/api/resources", adminToken, Map.of("name", unique("Room"), "capacity", capacity,
                "timeZone", "UTC", "bufferMinutes", 10, "bookingWindowDays", 60)).body().get("id").asString();
    }

    Instant at(int hour, int minute) {
        return day.plusSeconds(3600L * hour + 60L * minute);
    }

    List<JsonNode> suggestions(String query) {
        var answer = http.get("/api/suggestions?" + query, alice);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        answer.body().forEach(out::add);
        return out;
    }

    @Test
    void every_suggestion_is_free_of_bookings_and_blackouts_with_the_buffer_best_first_with_reasons() {
        String room = room(8);
        assertThat(http.post("/events/create", alice, Map.of("title", "Standup", "resourceId", room,
                "start", at(9, 0).toString(), "end", at(10, 0).toString(), "attendees", 4)).status()).isEqualTo(201);
        assertThat(http.post("/api/resources/" + room + "/blackouts", adminToken, Map.of("start", at(13, 0).toString(),
                "end", at(14, 0).toString(), "reason", "cleaning")).status()).isEqualTo(201);
        List<TimeRange> busy = List.of(new TimeRange(at(8, 50), at(10, 10)), new TimeRange(at(12, 50), at(14, 10)));

        List<JsonNode> found = suggestions("resourceId=" + room + "&durationMinutes=60&from=" + at(8, 0) + "&to="
                + at(17, 0) + "&count=50&attendees=6");

        assertThat(found).isNotEmpty();
        double previous = Double.MAX_VALUE;
        List<TimeRange> offered = new ArrayList<>();
        for (JsonNode s : found) {
            TimeRange slot = new TimeRange(Instant.parse(s.get("start").asString()), Instant.parse(s.get("end").asString()));
            assertThat(s.get("resourceId").asString()).isEqualTo(room);
            assertThat(slot.duration()).isEqualTo(Duration.ofMinutes(60));
            assertThat(slot.start()).isAfterOrEqualTo(at(8, 0));
            assertThat(slot.end()).isBeforeOrEqualTo(at(17, 0));
            assertThat(busy).as("%s is free", slot).noneMatch(b -> b.overlaps(slot));
            assertThat(offered).as("no two offered slots overlap").noneMatch(o -> o.overlaps(slot));
            assertThat(s.get("score").asDouble()).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
            assertThat(s.get("reasons").toString()).contains("free, buffers included", "seats 8 for 6 attendees");
            // the same reasons as values, in the same order, for a client that words them itself (ADR 0054)
            assertThat(s.get("reasonCodes").size()).isEqualTo(s.get("reasons").size());
            assertThat(s.get("reasonCodes").get(0).get("code").asString()).isEqualTo("FREE");
            assertThat(s.get("reasonCodes").toString()).contains("{\"code\":\"SEATS\",\"args\":[8,6]}");
            previous = s.get("score").asDouble();
            offered.add(slot);
        }
        // free, non-overlapping hours fit at 10:15, 11:15 and 14:15, 15:15 (and 16:00 at the end): all offered
        assertThat(offered.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_suggested_slot_can_be_booked() {
        String room = room(6);
        http.post("/events/create", alice, Map.of("title", "Taken", "resourceId", room, "start", at(9, 0).toString(),
                "end", at(11, 0).toString()));

        // taken 9:00-11:00, buffer 10 min: the first 90 minutes free start at 11:15
        JsonNode best = suggestions("resourceId=" + room + "&durationMinutes=90&from=" + at(9, 0) + "&to=" + at(13, 0)
                + "&count=1").get(0);
        assertThat(best.get("start").asString()).isEqualTo(at(11, 15).toString());

        var booked = http.post("/events/create", alice, Map.of("title", "From a suggestion", "resourceId", room,
                "start", best.get("start").asString(), "end", best.get("end").asString()));
        assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
    }

    @Test
    void without_a_resource_only_resources_that_seat_everyone_are_offered() {
        String small = room(4);
        String big = room(30);
        Map<String, Integer> capacity = new HashMap<>();
        http.get("/api/resources", alice).body().forEach(r -> capacity.put(r.get("id").asString(), r.get("capacity").asInt()));

        List<JsonNode> found = suggestions("durationMinutes=30&from=" + at(9, 0) + "&to=" + at(18, 0)
                + "&count=50&attendees=25");

        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(s -> assertThat(capacity.get(s.get("resourceId").asString())).isGreaterThanOrEqualTo(25));
        assertThat(found).noneMatch(s -> s.get("resourceId").asString().equals(small));
        assertThat(found).anyMatch(s -> s.get("resourceId").asString().equals(big));
    }

    @Test
    void bad_parameters_are_a_400_naming_the_field() {
        String room = room(4);
        Map<String, String> cases = Map.of(
                "durationMinutes=abc", "durationMinutes",
                "durationMinutes=0", "durationMinutes",
                "count=0", "count",
                "resourceId=no-such-room", "resourceId",
                "resourceId=" + room + "&attendees=5", "attendees",
                "from=yesterday", "from",
                "from=" + at(10, 0) + "&to=" + at(9, 0), "to",
                "from=" + at(10, 0) + "&to=" + at(10, 0).plus(Duration.ofDays(40)), "to");
        cases.forEach((query, field) -> {
            var answer = http.get("/api/suggestions?" + query, alice);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(answer.body().get("errors").toString()).as(query).contains("\"field\":\"" + field + "\"");
        });
        assertThat(http.get("/api/suggestions", null).status()).isEqualTo(401);
    }
}
