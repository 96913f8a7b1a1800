package io.aura.app.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A promotion from the waitlist races direct requests for the same slot: the holder cancels while 8
 * clients ask for the slot, all released by one latch (the clients a little later in some rounds). Whoever wins, the stored events show exactly one
 * active hold on the slot, and the waiting entry is either fulfilled (holding it) or waiting again — never
 * lost, never stuck half-promoted.
 */
class WaitlistRaceIT extends IntegrationTest {
    private static final int RACERS = 8;
    /**
     * How long the direct requests wait after the latch, per round: at once the direct requests tend to win
     * (the promotion travels through the offer, the waitlist and a saga first), later the promotion may; the
     * rounds between race for real. Either outcome is right; a double booking or a lost entry never is.
     */
    private static final List<Integer> RACER_DELAYS_MILLIS = List.of(0, 25, 50, 100, 250, 1000);

    @Test
    void a_promotion_racing_direct_requests_never_double_books_and_never_loses_the_entry() throws Exception {
        String resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Race room"), "capacity", 10,
                "timeZone", "UTC")).body().get("id").asString();
        String holder = userWithRoles(unique("holder"), "REQUESTER");
        String waiter = userWithRoles(unique("waiter"), "REQUESTER");
        List<String> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(userWithRoles(unique("racer"), "REQUESTER"));
        }
        Instant day = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS + 1);
        try {
            for (int round = 0; round < RACER_DELAYS_MILLIS.size(); round++) {
                long delay = RACER_DELAYS_MILLIS.get(round);
                Instant start = day.plus(8 + 2L * round, ChronoUnit.HOURS);
                Map<String, Object> slot = Map.of("title", "race", "resourceId", resourceId, "start", start.toString(),
                        "end", start.plus(1, ChronoUnit.HOURS).toString());
                String held = http.post("/events/create", holder, slot).body().get("bookingId").asString();
                var joined = http.post("/api/waitlist", waiter, slot);
                assertThat(joined.status()).as(String.valueOf(joined.body())).isEqualTo(201);
                String entryId = joined.body().get("waitlistId").asString();

                CountDownLatch go = new CountDownLatch(1);
                List<Future<Http.Response>> runs = new ArrayList<>();
                runs.add(pool.submit(() -> {
                    go.await();
                    return http.post("/events/" + held + "/cancel", holder, Map.of());
                }));
                for (String racer : racers) {
                    runs.add(pool.submit(() -> {
                        go.await();
                        Thread.sleep(delay);
                        return http.post("/events/create", racer, slot);
                    }));
                }
                go.countDown();
                Set<String> directWinners = new HashSet<>();
                for (Future<Http.Response> run : runs) {
                    Http.Response r = run.get();
                    assertThat(r.status()).as(String.valueOf(r.body())).isIn(200, 201, 409);
                    if (r.status() == 201) {
                        directWinners.add(r.body().get("bookingId").asString());
                    }
                }

                // the freed slot is always offered, so the entry settles: fulfilled, or waiting again
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> lastEntryEvent(resourceId, entryId).matches(".*(Fulfilled|Returned)")
                                && noBookingStillDeciding(resourceId));
                Set<String> active = activeHolds(resourceId, start);
                assertThat(active).as("round %d: active holds on the slot", round).hasSize(1);
                String outcome = lastEntryEvent(resourceId, entryId);
                System.out.printf("waitlist race, racers %d ms late: %s, direct winners %d%n", delay,
                        outcome.substring(outcome.lastIndexOf('$') + 1), directWinners.size());
                if (outcome.endsWith("WaitlistEntryFulfilled")) {
                    assertThat(directWinners).isEmpty();
                    assertThat(entryStatus(waiter, entryId)).isEqualTo("FULFILLED");
                } else {
                    assertThat(outcome).endsWith("WaitlistEntryReturned");
                    assertThat(directWinners).hasSize(1).isEqualTo(active);
                    assertThat(entryStatus(waiter, entryId)).isEqualTo("WAITING");
                    // the waiter steps aside, so the next round starts with one entry in line
                    assertThat(http.delete("/api/waitlist/" + entryId, waiter).status()).isEqualTo(204);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private String entryStatus(String token, String entryId) {
        for (JsonNode e : http.get("/api/waitlist", token).body()) {
            if (e.get("waitlistId").asString().equals(entryId)) {
                return e.get("status").asString();
            }
        }
        return "ABSENT";
    }

    /** The type of the last stored event about this waitlist entry. */
    private String lastEntryEvent(String resourceId, String entryId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT payloadType, payload FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", "waitlist:" + resourceId);
        String last = "none";
        for (Map<String, Object> row : rows) {
            if (json(row).get("entryId").asString().equals(entryId)) {
                last = row.get("payloadType").toString();
            }
        }
        return last;
    }

    /** Every booking the schedule was asked about has an answer (no PlaceHold in flight). */
    private boolean noBookingStillDeciding(String resourceId) {
        Long requested = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE "
                + "'%BookingRequested' AND payload LIKE ?", Long.class, "%" + resourceId + "%");
        Long answered = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "(payloadType LIKE '%HoldPlaced' OR payloadType LIKE '%HoldRefused')", Long.class, resourceId);
        return requested.equals(answered);
    }

    /** Bookings holding time that starts at {@code start}, from the schedule's own events: placed, not released. */
    private Set<String> activeHolds(String resourceId, Instant start) {
        Set<String> held = new HashSet<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT payloadType, payload FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", resourceId)) {
            String type = row.get("payloadType").toString();
            JsonNode event = json(row);
            boolean atStart = false;
            for (JsonNode range : event.path("occurrences")) {
                atStart |= instant(range.get("start")).equals(start);
            }
            if (type.endsWith("HoldPlaced") && atStart) {
                held.add(event.get("bookingId").asString());
            } else if (type.endsWith("HoldReleased") && atStart) {
                held.remove(event.get("bookingId").asString());
            }
        }
        return held;
    }

    /** An instant as the event serializer wrote it: ISO-8601 text, or seconds since the epoch. */
    private static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString())
                : Instant.ofEpochSecond(0).plusNanos((long) (node.asDouble() * 1_000_000_000L));
    }

    private static JsonNode json(Map<String, Object> row) {
        return Http.JSON.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
    }
}
