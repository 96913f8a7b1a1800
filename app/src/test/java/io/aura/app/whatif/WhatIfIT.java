package io.aura.app.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The policy what-if over HTTP (ADR 0048): a small history is made through the real API — accepted requests,
 * refusals for a taken slot, for closed hours and for a quota, a cancellation, a move — and then tried against rules
 * it was not made under. An empty change must answer exactly as history did.
 */
class WhatIfIT extends IntegrationTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    String resourceId;
    String aliceName;
    String alice;
    LocalDate day;
    Instant from;
    /** each request's booking id, by its name below */
    final Map<String, String> booked = new LinkedHashMap<>();
    /** each refused request's conflict sources, as its 409 said */
    final Map<String, List<String>> refusedWith = new LinkedHashMap<>();
    int requests;

    @BeforeEach
    void history() {
        from = Instant.now().minusSeconds(1);
        List<Map<String, Object>> open = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            open.add(Map.of("dayOfWeek", d, "from", "07:00", "to", "20:00"));
        }
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("What-if room"), "capacity", 10,
                "timeZone", BERLIN.getId(), "openingHours", open)).body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        assertThat(http.post("/api/quotas", adminToken, Map.of("username", aliceName, "resourceId", resourceId,
                "period", "P1W", "maxBookings", 2)).status()).isEqualTo(201);
        // a Wednesday at least a week ahead, early in its month: every slot falls in one ISO week
        LocalDate d = LocalDate.now(BERLIN).plusDays(8);
        while (d.getDayOfWeek() != DayOfWeek.WEDNESDAY || d.getDayOfMonth() > 24) {
            d = d.plusDays(1);
        }
        day = d;
        request("A", adminToken, "09:00", "10:00", 201);
        request("B", adminToken, "09:30", "10:30", 409); // A holds it
        request("C", adminToken, "10:00", "11:00", 201); // right after A: no buffer
        request("D", adminToken, "19:30", "20:30", 409); // closes at 20:00
        request("F", adminToken, "13:00", "15:00", 201); // two hours
        request("G", alice, "16:00", "16:30", 201);
        request("H", alice, "17:00", "17:30", 201);
        request("I", alice, "18:00", "18:30", 409); // alice's third this week: over her quota
        request("J", adminToken, "11:30", "12:00", 201);
        assertThat(http.post("/events/" + booked.get("J") + "/cancel", adminToken, Map.of()).status()).isEqualTo(200);
        request("K", adminToken, "11:30", "12:00", 201); // free again after the cancellation
        var moved = http.post("/events/" + booked.get("G") + "/reschedule", alice,
                Map.of("start", at("16:30").toString(), "end", at("17:00").toString()));
        assertThat(moved.status()).isIn(200, 201);
    }

    Instant at(String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atZone(BERLIN).toInstant();
    }

    void request(String name, String token, String start, String end, int expected) {
        var answer = http.post("/events/create", token, Map.of("title", "What-if " + name, "resourceId", resourceId,
                "start", at(start).toString(), "end", at(end).toString()));
        assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(expected);
        booked.put(name, answer.body().get("bookingId").asString());
        requests++;
        if (expected == 409) {
            List<String> sources = new ArrayList<>();
            answer.body().get("conflicts").forEach(c -> sources.add(c.get("source").asString()));
            refusedWith.put(name, sources);
        }
    }

    Http.Response whatIf(String token, Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>();
        body.put("from", from.toString());
        body.put("to", at("00:00").plus(Duration.ofDays(1)).toString());
        body.put("resourceId", resourceId);
        body.put("change", change);
        return http.post("/api/admin/what-if", token, body);
    }

    JsonNode report(Map<String, Object> change) {
        var answer = whatIf(adminToken, change);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer.body();
    }

    /** The example of request {@code name}, or null when its answer would not change. */
    JsonNode example(JsonNode report, String name) {
        for (JsonNode e : report.get("examples")) {
            if (e.get("bookingId").asString().equals(booked.get(name)) && e.get("kind").asString().equals("BOOKING")) {
                return e;
            }
        }
        return null;
    }

    static List<String> reasons(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("reasons").forEach(r -> out.add(r.asString()));
        return out;
    }

    static Map<String, Integer> counts(JsonNode byRule) {
        Map<String, Integer> out = new TreeMap<>();
        byRule.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    @Test
    void no_change_reproduces_history_exactly_and_records_nothing() {
        long stored = storedEvents();

        JsonNode report = report(Map.of());

        assertThat(report.get("bookingsConsidered").asInt()).isEqualTo(requests);
        assertThat(report.get("refusedBefore").asInt()).isEqualTo(refusedWith.size());
        assertThat(report.get("wouldBeRefused").asInt()).isEqualTo(refusedWith.size());
        assertThat(report.get("newlyRefused").asInt()).isZero();
        assertThat(report.get("newlyAccepted").asInt()).isZero();
        assertThat(report.get("changed").asInt()).isZero();
        assertThat(report.get("examples").size()).isZero();
        assertThat(report.get("movesConsidered").asInt()).isEqualTo(1);
        assertThat(report.get("movesWouldBeRefused").asInt()).isZero();
        // the same reasons as the 409s gave: a taken slot, closed hours, a quota
        Map<String, Integer> bySource = new TreeMap<>();
        refusedWith.values().forEach(sources -> sources.stream().distinct()
                .forEach(s -> bySource.merge(s, 1, Integer::sum)));
        assertThat(bySource).containsOnlyKeys("BOOKING", "OPENING_HOURS", "QUOTA");
        Map<String, Integer> byRule = counts(report.get("byRule"));
        assertThat(byRule).isEqualTo(counts(report.get("byRuleBefore")));
        bySource.forEach((source, n) -> assertThat(byRule.get(source)).as(source).isEqualTo(n));
        assertThat(byRule).containsEntry("QUOTA_BOOKINGS_EXCEEDED", 1);
        assertThat(report.get("utilizationAfter").asDouble()).isEqualTo(report.get("utilizationBefore").asDouble())
                .isPositive();
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void no_change_reproduces_a_random_history_of_series_moves_cancellations_and_quotas() {
        Instant start = Instant.now(); // after the history every test makes: only the requests below
        Random random = new Random(21);
        List<String> rooms = new ArrayList<>(List.of(resourceId));
        rooms.add(http.post("/api/resources", adminToken, Map.of("name", unique("What-if annex"), "capacity", 10,
                "timeZone", "UTC", "bufferMinutes", 10)).body().get("id").asString());
        List<String> people = List.of(adminToken, alice, userWithRoles(unique("bob"), "REQUESTER"));
        List<String> held = new ArrayList<>();
        int asked = 0;
        int refused = 0;
        for (int i = 0; i < 120; i++) {
            String token = people.get(random.nextInt(people.size()));
            Instant begin = at("07:00").plus(Duration.ofMinutes(30L * random.nextInt(26)));
            Instant end = begin.plus(Duration.ofMinutes(30L * (1 + random.nextInt(3))));
            int dice = random.nextInt(10);
            if (dice == 0 && !held.isEmpty()) {
                http.post("/events/" + held.remove(random.nextInt(held.size())) + "/cancel", token, Map.of());
                continue;
            }
            if (dice == 1 && !held.isEmpty()) {
                http.post("/events/" + held.get(random.nextInt(held.size())) + "/reschedule", adminToken,
                        Map.of("start", begin.toString(), "end", end.toString()));
                continue;
            }
            Map<String, Object> body = new HashMap<>(Map.of("title", "Random " + i, "resourceId",
                    rooms.get(random.nextInt(rooms.size())), "start", begin.toString(), "end", end.toString()));
            if (dice == 2) { // a weekly series that keeps the dates it can
                body.put("recurrence", "RRULE:FREQ=WEEKLY;COUNT=3");
                body.put("conflictPolicy", "SKIP_CONFLICTS");
            }
            var answer = http.post("/events/create", token, body);
            assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(201, 409);
            asked++;
            if (answer.status() == 201) {
                held.add(answer.body().get("bookingId").asString());
            } else {
                refused++;
            }
        }
        Map<String, Object> request = new HashMap<>();
        request.put("from", start.toString());
        request.put("to", at("00:00").plus(Duration.ofDays(30)).toString());
        request.put("change", Map.of());

        var answer = http.post("/api/admin/what-if", adminToken, request);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode report = answer.body();
        assertThat(report.get("bookingsConsidered").asInt()).isEqualTo(asked);
        assertThat(report.get("refusedBefore").asInt()).isEqualTo(refused).isPositive();
        assertThat(report.get("wouldBeRefused").asInt()).isEqualTo(refused);
        assertThat(report.get("changed").asInt()).as(String.valueOf(report.get("examples"))).isZero();
        assertThat(report.get("movesConsidered").asInt()).isPositive();
        assertThat(counts(report.get("byRule"))).isEqualTo(counts(report.get("byRuleBefore")));
        assertThat(report.get("utilizationAfter").asDouble()).isEqualTo(report.get("utilizationBefore").asDouble());
    }

    @Test
    void a_longer_buffer_refuses_the_booking_right_after_another() {
        JsonNode report = report(Map.of("bufferMinutes", 15));

        JsonNode c = example(report, "C");
        assertThat(c).isNotNull();
        assertThat(c.get("before").get("verdict").asString()).isEqualTo("ACCEPTED");
        assertThat(c.get("after").get("verdict").asString()).isEqualTo("REFUSED");
        assertThat(reasons(c.get("after"))).containsExactly("BOOKING");
        assertThat(example(report, "A")).isNull();
        assertThat(report.get("newlyRefused").asInt()).isEqualTo(1);
        assertThat(report.get("wouldBeRefused").asInt()).isEqualTo(refusedWith.size() + 1);
        assertThat(report.get("movesWouldBeRefused").asInt()).isEqualTo(1); // G's move lands right before H
        assertThat(report.get("utilizationAfter").asDouble()).isLessThan(report.get("utilizationBefore").asDouble());
    }

    @Test
    void a_shorter_maximum_refuses_the_long_booking_by_its_rule() {
        JsonNode report = report(Map.of("maxDurationMinutes", 90));

        JsonNode f = example(report, "F");
        assertThat(f).isNotNull();
        assertThat(reasons(f.get("after"))).containsExactly("LONGER_THAN_RESOURCE_ALLOWS");
        assertThat(counts(report.get("byRule"))).containsEntry("LONGER_THAN_RESOURCE_ALLOWS", 1);
        assertThat(report.get("newlyRefused").asInt()).isEqualTo(1);
    }

    @Test
    void later_opening_hours_refuse_the_early_booking_and_free_what_it_blocked() {
        List<Map<String, Object>> open = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            open.add(Map.of("dayOfWeek", d, "from", "10:00", "to", "20:00"));
        }

        JsonNode report = report(Map.of("openingHours", open));

        JsonNode a = example(report, "A");
        assertThat(a).isNotNull();
        assertThat(reasons(a.get("after"))).containsExactly("OPENING_HOURS");
        // B was refused for A's hold; now A holds nothing, and B starts before opening itself
        assertThat(reasons(example(report, "B").get("after"))).containsExactly("OPENING_HOURS");
        assertThat(counts(report.get("byRule"))).containsEntry("OPENING_HOURS", 3);
    }

    @Test
    void a_new_quota_refuses_what_goes_over_it_counted_from_the_period_s_start() {
        Map<String, Object> quota = Map.of("username", "admin", "resourceId", resourceId, "period", "P1W",
                "maxMinutes", 120);

        JsonNode report = report(Map.of("quota", quota));

        // A (60) and C (60) fit; B's hour was counted and given back when its hold was refused
        assertThat(example(report, "A")).isNull();
        assertThat(example(report, "C")).isNull();
        JsonNode f = example(report, "F");
        assertThat(reasons(f.get("after"))).containsExactly("QUOTA", "QUOTA_MINUTES_EXCEEDED");
        assertThat(example(report, "K").get("after").get("verdict").asString()).isEqualTo("REFUSED");
        assertThat(report.get("newlyRefused").asInt()).isEqualTo(3); // F, J, K
        assertThat(example(report, "G")).isNull(); // alice's bookings are not the admin's quota
    }

    @Test
    void an_approval_level_counts_the_bookings_that_would_have_needed_approval() {
        Map<String, Object> level = Map.of("name", "Managers", "approverRole", "APPROVER", "minDurationMinutes", 60);

        JsonNode report = report(Map.of("approvalLevels", List.of(level)));

        JsonNode approvals = report.get("approvals");
        assertThat(approvals.get("neededBefore").asInt()).isZero();
        assertThat(approvals.get("neededAfter").asInt()).isEqualTo(3); // A, C, F: an hour or more
        assertThat(approvals.get("moreLevels").asInt()).isEqualTo(3);
        assertThat(example(report, "F").get("after").get("approvalLevels").asInt()).isEqualTo(1);
        assertThat(report.get("wouldBeRefused").asInt()).isEqualTo(refusedWith.size());
    }

    @Test
    void bad_input_is_400_naming_the_field_and_only_an_administrator_asks() {
        long stored = storedEvents();
        Map<String, String> cases = new LinkedHashMap<>();
        String future = at("00:00").plus(Duration.ofDays(1)).toString();
        cases.put("to", "{\"from\": \"" + future + "\", \"to\": \"" + from + "\"}");
        cases.put("resourceId", "{\"from\": \"" + from + "\", \"to\": \"" + future + "\", \"resourceId\": \"nope\"}");
        cases.put("change.bufferMinutes", "{\"from\": \"" + from + "\", \"to\": \"" + future
                + "\", \"change\": {\"bufferMinutes\": -5}}");
        cases.put("change.openingHours[0].from", "{\"from\": \"" + from + "\", \"to\": \"" + future
                + "\", \"change\": {\"openingHours\": [{\"dayOfWeek\": 1, \"from\": \"8am\", \"to\": \"18:00\"}]}}");
        cases.put("from", "{\"to\": \"" + future + "\"}");
        cases.put("change.quota.period", "{\"from\": \"" + from + "\", \"to\": \"" + future
                + "\", \"change\": {\"quota\": {\"period\": \"P2W\", \"maxBookings\": 1}}}");
        cases.forEach((field, json) -> {
            var refused = http.post("/api/admin/what-if", adminToken, Http.JSON.readTree(json));
            assertThat(refused.status()).as(json).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            List<String> fields = new ArrayList<>();
            refused.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(json).contains(field);
        });
        var tooLong = http.post("/api/admin/what-if", adminToken, Map.of("from", "2025-01-01T00:00:00Z",
                "to", "2026-06-01T00:00:00Z"));
        assertThat(tooLong.status()).isEqualTo(400);

        assertThat(whatIf(alice, Map.of()).status()).isEqualTo(403);
        assertThat(whatIf(null, Map.of()).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(stored);
    }
}
