package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One ranking everywhere (ADR 0049): history recorded over HTTP changes the order of a 409's alternatives,
 * and {@code GET /api/suggestions} ranks the same slots in the same order with the same scores.
 */
class LearnedRankingIT extends IntegrationTest {
    /** Rooms this large exist only in this test: the 409's "same time elsewhere" is among them alone. */
    static final int SEATS = 7919;
    String alice;
    String bob;
    Instant tenOClock;

    @BeforeEach
    void people() {
        alice = userWithRoles(unique("alice"), "REQUESTER");
        bob = userWithRoles(unique("bob"), "REQUESTER");
        tenOClock = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
    }

    /** Open 10:00 to 11:00 every day (UTC): a handful of hour slots, so every one is on offer. */
    String room(String name) {
        return http.post("/api/resources", adminToken, Map.of("name", unique(name), "capacity", SEATS,
                "timeZone", "UTC", "bookingWindowDays", 60, "openingHours", IntStream.rangeClosed(1, 7)
                        .mapToObj(d -> Map.of("dayOfWeek", d, "from", "10:00", "to", "11:00")).toList()))
                .body().get("id").asString();
    }

    Http.Response request(String who, String room, Instant start) {
        return http.post("/events/create", who, Map.of("title", "Planning", "resourceId", room,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString(), "attendees", SEATS));
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static String slot(JsonNode s) {
        return s.get("resourceId").asString() + "@" + Instant.parse(s.get("start").asString());
    }

    /** The alternatives of a 409 for the room at ten, as resource@start, best first. */
    List<JsonNode> alternativesRefusedAt(String room) {
        Http.Response refused = request(alice, room, tenOClock);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        return list(refused.body().get("suggestions"));
    }

    @Test
    void a_room_whose_bookings_are_released_unused_falls_behind_in_the_409_and_suggestions_rank_alike() {
        String asked = room("Asked");
        String one = room("Hall one");
        String two = room("Hall two");
        assertThat(request(bob, asked, tenOClock).status()).isEqualTo(201);
        List<String> before = alternativesRefusedAt(asked).stream().map(LearnedRankingIT::slot).toList();
        String first = before.indexOf(one + "@" + tenOClock) < before.indexOf(two + "@" + tenOClock) ? one : two;
        String second = first.equals(one) ? two : one;
        assertThat(before).as("the same time in both halls is offered").contains(first + "@" + tenOClock,
                second + "@" + tenOClock);

        // the hall offered first is booked three times and each booking is cancelled before it begins
        for (int week = 1; week <= 3; week++) {
            Http.Response booked = request(bob, first, tenOClock.plus(7L * week, ChronoUnit.DAYS));
            assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
            assertThat(http.post("/events/" + booked.body().get("bookingId").asString() + "/cancel", bob,
                    Map.of("reason", "not needed after all")).status()).isEqualTo(200);
        }
        List<JsonNode> after = alternativesRefusedAt(asked);
        List<String> order = after.stream().map(LearnedRankingIT::slot).toList();

        assertThat(order.indexOf(second + "@" + tenOClock)).as(order.toString())
                .isLessThan(order.indexOf(first + "@" + tenOClock));
        assertThat(after.get(order.indexOf(first + "@" + tenOClock)).get("reasons").toString())
                .contains("often released unused (3 of 3 bookings here cancelled or not checked in)");
        assertThat(after.get(order.indexOf(first + "@" + tenOClock)).get("reasonCodes").toString())
                .contains("{\"code\":\"OFTEN_RELEASED_UNUSED\",\"args\":[3,3]}");

        // the same slots asked of /api/suggestions around the refused time: the same scores, the same order
        Http.Response suggested = http.get("/api/suggestions?durationMinutes=60&attendees=" + SEATS + "&count=50"
                + "&from=" + tenOClock.minus(1, ChronoUnit.DAYS) + "&to=" + tenOClock.plus(73, ChronoUnit.HOURS)
                + "&near=" + tenOClock, alice);
        assertThat(suggested.status()).as(suggested.body().toString()).isEqualTo(200);
        Map<String, Double> scores = new java.util.HashMap<>();
        list(suggested.body()).forEach(s -> scores.put(slot(s), s.get("score").asDouble()));
        List<String> suggestedOrder = list(suggested.body()).stream().map(LearnedRankingIT::slot)
                .filter(order::contains).toList();
        assertThat(suggestedOrder).as("both halls at ten are suggested").contains(first + "@" + tenOClock,
                second + "@" + tenOClock);
        assertThat(order.stream().filter(suggestedOrder::contains).toList()).isEqualTo(suggestedOrder);
        after.stream().filter(s -> scores.containsKey(slot(s)))
                .forEach(s -> assertThat(s.get("score").asDouble()).as(slot(s)).isEqualTo(scores.get(slot(s))));
    }
}
