package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Many clients race over HTTP for overlapping slots on a few resources. Afterwards no two active
 * bookings of a resource overlap (buffer included), every 201 is on the calendar and no 409 is.
 */
class DoubleBookingRaceIT extends IntegrationTest {
    private static final int CLIENTS = 12;
    private static final int REQUESTS_PER_CLIENT = 12;
    private static final int BUFFER_MINUTES = 10;

    @Test
    void concurrent_requests_never_double_book() throws Exception {
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            resources.add(http.post("/api/resources", adminToken, Map.of("name", unique("Race room"), "capacity", 10,
                    "timeZone", "Europe/Berlin", "bufferMinutes", BUFFER_MINUTES)).body().get("id").asString());
        }
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            tokens.add(userWithRoles(unique("racer"), "REQUESTER"));
        }
        Instant day = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String token = tokens.get(c);
            Random random = new Random(42 + c);
            runs.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    Instant start = day.plus(Duration.ofMinutes(15L * random.nextInt(24)));
                    Instant end = start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(3))));
                    var response = http.post("/events/create", token, Map.of("title", "race",
                            "resourceId", resources.get(random.nextInt(resources.size())),
                            "start", start.toString(), "end", end.toString()));
                    switch (response.status()) {
                        case 201 -> accepted.add(response.body().get("bookingId").asString());
                        case 409 -> refused.add(response.body().get("bookingId").asString());
                        default -> {
                            synchronized (unexpected) {
                                unexpected.add(response.status() + " " + response.body());
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(accepted.size() + refused.size()).isEqualTo(CLIENTS * REQUESTS_PER_CLIENT);
        assertThat(accepted).isNotEmpty();
        assertThat(refused).isNotEmpty();

        List<String> onCalendar = new ArrayList<>();
        for (String resource : resources) {
            List<JsonNode> events = new ArrayList<>();
            http.get("/dashboard/calendar?resourceId=" + resource + "&from=" + day.minus(Duration.ofHours(1))
                    + "&to=" + day.plus(Duration.ofHours(12)), adminToken).body().get("events").forEach(events::add);
            for (int a = 0; a < events.size(); a++) {
                onCalendar.add(events.get(a).get("bookingId").asString());
                for (int b = a + 1; b < events.size(); b++) {
                    assertThat(overlapWithBuffer(events.get(a), events.get(b)))
                            .as("%s and %s overlap", events.get(a), events.get(b)).isFalse();
                }
            }
        }
        assertThat(onCalendar).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(onCalendar).doesNotContainAnyElementsOf(refused);
    }

    private static boolean overlapWithBuffer(JsonNode a, JsonNode b) {
        Instant aStart = Instant.parse(a.get("start").asString()).minus(Duration.ofMinutes(BUFFER_MINUTES));
        Instant aEnd = Instant.parse(a.get("end").asString()).plus(Duration.ofMinutes(BUFFER_MINUTES));
        Instant bStart = Instant.parse(b.get("start").asString());
        Instant bEnd = Instant.parse(b.get("end").asString());
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }
}
