package io.aura.app.quota;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Quotas over HTTP (ADR 0034): defined by administrators, counted by a ledger per person, never exceeded. */
class QuotasIT extends IntegrationTest {
    private static final int CLIENTS = 16;

    String resourceId;
    String alice;
    String aliceName;
    Instant day;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Quota room"), "capacity", 8,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        // a Wednesday at least a week ahead: every slot below falls in one ISO week and one month in Berlin
        Instant d = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        while (d.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY
                || d.atZone(java.time.ZoneId.of("Europe/Berlin")).getDayOfMonth() > 24) {
            d = d.plus(1, ChronoUnit.DAYS);
        }
        day = d.plus(Duration.ofHours(6));
    }

    Http.Response quota(String token, Map<String, Object> body) {
        return http.post("/api/quotas", token, body);
    }

    Http.Response book(String token, int slot, int minutes) {
        Instant start = day.plus(Duration.ofMinutes(45L * slot));
        return http.post("/events/create", token, Map.of("title", "Quota " + slot, "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(minutes)).toString()));
    }

    long events(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType = ?", Long.class, aggregateId, "io.aura.kernel.quota.QuotaEvents$" + type);
    }

    List<String> onCalendar() {
        List<String> ids = new ArrayList<>();
        http.get("/dashboard/calendar?resourceId=" + resourceId + "&from=" + day.minus(Duration.ofHours(1)) + "&to="
                + day.plus(Duration.ofHours(14)), adminToken).body().get("events")
                .forEach(e -> ids.add(e.get("bookingId").asString()));
        return ids;
    }

    @Test
    void an_administrator_defines_lists_and_removes_a_quota_and_each_is_an_event() {
        long before = storedEvents();
        var created = quota(adminToken, Map.of("resourceId", resourceId, "role", "REQUESTER", "period", "P1M",
                "maxMinutes", 600, "maxBookings", 10));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("quotaId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/quotas/" + id);
        assertThat(created.body().get("period").asString()).isEqualTo("P1M");
        assertThat(created.body().get("maxMinutes").asInt()).isEqualTo(600);
        assertThat(events(id, "QuotaDefined")).isEqualTo(1);
        List<String> listed = new ArrayList<>();
        http.get("/api/quotas", adminToken).body().forEach(q -> listed.add(q.get("quotaId").asString()));
        assertThat(listed).contains(id);

        assertThat(http.delete("/api/quotas/" + id, adminToken).status()).isEqualTo(204);
        assertThat(events(id, "QuotaRemoved")).isEqualTo(1);
        List<String> after = new ArrayList<>();
        http.get("/api/quotas", adminToken).body().forEach(q -> after.add(q.get("quotaId").asString()));
        assertThat(after).doesNotContain(id);
        assertThat(http.delete("/api/quotas/" + id, adminToken).status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void bad_definitions_are_400_naming_the_field_and_record_nothing() {
        long before = storedEvents();
        Map<String, String> cases = new HashMap<>();
        cases.put("period", "{\"period\": \"P2W\", \"maxBookings\": 3}");
        cases.put("maxBookings", "{\"period\": \"P1W\"}");
        cases.put("maxMinutes", "{\"period\": \"P1W\", \"maxMinutes\": 0}");
        cases.put("role", "{\"period\": \"P1W\", \"maxBookings\": 3, \"role\": \"JANITOR\"}");
        cases.put("resourceId", "{\"period\": \"P1W\", \"maxBookings\": 3, \"resourceId\": \"no-such-room\"}");
        cases.put("username", "{\"period\": \"P1W\", \"maxBookings\": 3, \"username\": \"nobody-here\"}");
        cases.put("category", "{\"period\": \"P1W\", \"maxBookings\": 3, \"category\": \"no-such-category\"}");
        cases.forEach((field, json) -> {
            var refused = http.post("/api/quotas", adminToken, Http.JSON.readTree(json));
            assertThat(refused.status()).as(json).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            refused.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(json).contains(field);
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void only_an_administrator_manages_quotas_and_anyone_signed_in_reads_their_usage() {
        String id = quota(adminToken, Map.of("username", aliceName, "period", "P1W", "maxBookings", 2)).body()
                .get("quotaId").asString();

        assertThat(quota(alice, Map.of("period", "P1W", "maxBookings", 2)).status()).isEqualTo(403);
        assertThat(http.get("/api/quotas", alice).status()).isEqualTo(403);
        assertThat(http.delete("/api/quotas/" + id, alice).status()).isEqualTo(403);
        var usage = http.get("/api/quotas/usage", alice);
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.body().size()).isEqualTo(1);
        assertThat(usage.body().get(0).get("quotaId").asString()).isEqualTo(id);
        assertThat(usage.body().get(0).get("usedBookings").asLong()).isZero();
        assertThat(http.get("/api/quotas/usage", null).status()).isEqualTo(401);
    }

    @Test
    void a_request_over_the_quota_is_409_quota_naming_it_and_a_cancellation_gives_the_room_back() {
        String id = quota(adminToken, Map.of("username", aliceName, "resourceId", resourceId, "period", "P1W",
                "maxBookings", 1)).body().get("quotaId").asString();
        var first = book(alice, 0, 30);
        assertThat(first.status()).isEqualTo(201);

        var over = book(alice, 2, 30);

        assertThat(over.status()).isEqualTo(409);
        assertThat(over.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(over.body().get("conflicts").get(0).get("source").asString()).isEqualTo("QUOTA");
        assertThat(over.body().get("violations").get(0).asString()).contains(id).contains("at most 1 bookings");
        assertThat(upcoming(alice, "usedBookings")).isEqualTo(1);

        String firstId = first.body().get("bookingId").asString();
        assertThat(http.post("/events/" + firstId + "/cancel", alice, Map.of()).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                events("quota-ledger:" + aliceName, "QuotaReleased") == 1);
        assertThat(book(alice, 4, 30).status()).isEqualTo(201);
    }

    Http.Response bookIn(String token, int slot, String category) {
        Instant start = day.plus(Duration.ofMinutes(45L * slot));
        return http.post("/events/create", token, Map.of("title", "Quota " + slot, "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString(), "category", category));
    }

    String category(String name) {
        var created = http.post("/api/categories", adminToken, Map.of("name", name, "colour", "#2E7D32"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("name").asString();
    }

    @Test
    void a_category_quota_counts_only_the_bookings_of_its_category() {
        String training = category(unique("training"));
        String workshop = category(unique("workshop"));
        quota(adminToken, Map.of("username", aliceName, "category", training, "period", "P1W", "maxBookings", 2));

        assertThat(bookIn(alice, 0, training).status()).isEqualTo(201);
        assertThat(bookIn(alice, 2, training.toUpperCase(java.util.Locale.ROOT)).status()).isEqualTo(201);
        var third = bookIn(alice, 4, training);

        assertThat(third.status()).isEqualTo(409);
        assertThat(third.body().get("conflicts").get(0).get("source").asString()).isEqualTo("QUOTA");
        // the category's quota leaves the rest of her bookings alone
        assertThat(book(alice, 6, 30).status()).isEqualTo(201);
        assertThat(bookIn(alice, 8, workshop).status()).isEqualTo(201);
    }

    @Test
    void a_request_no_quota_applies_to_never_touches_a_ledger() {
        quota(adminToken, Map.of("username", aliceName, "resourceId", resourceId, "period", "P1W", "maxBookings", 1));
        String bobName = unique("bob");
        String bob = userWithRoles(bobName, "REQUESTER");

        assertThat(book(bob, 0, 30).status()).isEqualTo(201);
        assertThat(book(bob, 2, 30).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, "quota-ledger:" + bobName)).isZero();
    }

    @Test
    void a_waitlist_promotion_counts_against_the_quota_its_owner_joined_under() {
        quota(adminToken, Map.of("username", aliceName, "resourceId", resourceId, "period", "P1W", "maxBookings", 1));
        String bob = userWithRoles(unique("bob"), "REQUESTER");
        String held = book(bob, 0, 30).body().get("bookingId").asString();
        var joined = http.post("/api/waitlist", alice, Map.of("title", "Waiting", "resourceId", resourceId,
                "start", day.toString(), "end", day.plus(Duration.ofMinutes(30)).toString()));
        assertThat(joined.status()).as(String.valueOf(joined.body())).isEqualTo(201);

        assertThat(http.post("/events/" + held + "/cancel", bob, Map.of()).status()).isEqualTo(200);

        // promoted by a saga, which looks nothing up: the quota came with alice's entry
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                events("quota-ledger:" + aliceName, "QuotaReserved") == 1 && onCalendar().size() == 1);
        var over = book(alice, 2, 30);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.body().get("conflicts").get(0).get("source").asString()).isEqualTo("QUOTA");
    }

    @Test
    void sixteen_clients_racing_one_persons_booking_quota_get_exactly_three_bookings() throws Exception {
        quota(adminToken, Map.of("username", aliceName, "resourceId", resourceId, "period", "P1W", "maxBookings", 3));

        Race race = race(30);

        assertThat(race.unexpected).isEmpty();
        assertThat(race.accepted).hasSize(3);
        assertThat(race.refused).hasSize(CLIENTS - 3);
        race.quotaConflicts.forEach(source -> assertThat(source).isEqualTo("QUOTA"));
        assertThat(race.quotaConflicts).hasSize(CLIENTS - 3);
        assertThat(events("quota-ledger:" + aliceName, "QuotaReserved")).isEqualTo(3);
        assertThat(events("quota-ledger:" + aliceName, "QuotaExceeded")).isEqualTo(CLIENTS - 3);
        assertThat(onCalendar()).containsExactlyInAnyOrderElementsOf(race.accepted);
        assertThat(upcoming(alice, "usedBookings")).isEqualTo(3);
    }

    @Test
    void sixteen_clients_racing_one_persons_minutes_quota_never_book_more_than_its_minutes() throws Exception {
        quota(adminToken, Map.of("username", aliceName, "period", "P1W", "maxMinutes", 100));

        Race race = race(30); // 30 minutes each: three fit in 100, a fourth would make 120

        assertThat(race.unexpected).isEmpty();
        assertThat(race.accepted).hasSize(3);
        assertThat(race.refused).hasSize(CLIENTS - 3);
        assertThat(events("quota-ledger:" + aliceName, "QuotaReserved")).isEqualTo(3);
        assertThat(events("quota-ledger:" + aliceName, "QuotaExceeded")).isEqualTo(CLIENTS - 3);
        assertThat(onCalendar()).containsExactlyInAnyOrderElementsOf(race.accepted);
        assertThat(upcoming(alice, "usedMinutes")).isEqualTo(90);
    }

    // ---- moves (ADR 0034): a move is counted in the week it goes to, the week it leaves gets its room back ----

    Http.Response bookAt(String token, Instant start) {
        return http.post("/events/create", token, Map.of("title", "Quota " + start, "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString()));
    }

    Http.Response move(String token, String bookingId, Instant start) {
        return http.post("/events/" + bookingId + "/reschedule", token, Map.of("start", start.toString(),
                "end", start.plus(Duration.ofMinutes(30)).toString()));
    }

    List<String> onCalendarInTheWeekOf(Instant someDay) {
        List<String> ids = new ArrayList<>();
        http.get("/dashboard/calendar?resourceId=" + resourceId + "&from=" + someDay.minus(Duration.ofDays(2)) + "&to="
                + someDay.plus(Duration.ofDays(2)), adminToken).body().get("events")
                .forEach(e -> ids.add(e.get("bookingId").asString()));
        return ids;
    }

    @Test
    void a_move_into_a_full_week_is_409_quota_a_move_within_it_fits_and_a_move_out_gives_its_week_room_back() {
        quota(adminToken, Map.of("username", aliceName, "resourceId", resourceId, "period", "P1W", "maxBookings", 2));
        Instant nextWeek = day.plus(Duration.ofDays(7));
        String first = bookAt(alice, day).body().get("bookingId").asString();
        String second = bookAt(alice, day.plus(Duration.ofHours(2))).body().get("bookingId").asString();
        assertThat(bookAt(alice, nextWeek).status()).isEqualTo(201);
        assertThat(bookAt(alice, nextWeek.plus(Duration.ofHours(2))).status()).isEqualTo(201);

        var intoAFullWeek = move(alice, first, nextWeek.plus(Duration.ofHours(4)));

        assertThat(intoAFullWeek.status()).as(String.valueOf(intoAFullWeek.body())).isEqualTo(409);
        assertThat(intoAFullWeek.body().get("bookingStatus").asString()).isEqualTo("CONFIRMED");
        assertThat(intoAFullWeek.body().get("conflicts").get(0).get("source").asString()).isEqualTo("QUOTA");
        assertThat(http.get("/events/status?bookingId=" + first, alice).body().get("start").asString())
                .isEqualTo(day.toString());
        assertThat(onCalendarInTheWeekOf(nextWeek)).hasSize(2);

        var withinItsWeek = move(alice, first, day.plus(Duration.ofHours(4)));
        assertThat(withinItsWeek.status()).as(String.valueOf(withinItsWeek.body())).isEqualTo(201);

        var outOfItsWeek = move(alice, second, day.plus(Duration.ofDays(14)));
        assertThat(outOfItsWeek.status()).as(String.valueOf(outOfItsWeek.body())).isEqualTo(201);
        // the date it left is released after the move: the old week has room for one more again
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                events("quota-ledger:" + aliceName, "QuotaReleased") == 2);
        assertThat(bookAt(alice, day.plus(Duration.ofHours(6))).status()).isEqualTo(201);
        assertThat(bookAt(alice, day.plus(Duration.ofHours(8))).status()).isEqualTo(409);
    }

    @Test
    void moves_and_requests_racing_into_one_week_never_go_over_its_quota() throws Exception {
        quota(adminToken, Map.of("username", aliceName, "resourceId", resourceId, "period", "P1W", "maxBookings", 3));
        Instant nextWeek = day.plus(Duration.ofDays(7));
        List<String> thisWeek = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thisWeek.add(bookAt(alice, day.plus(Duration.ofHours(i))).body().get("bookingId").asString());
        }
        assertThat(bookAt(alice, nextWeek).status()).isEqualTo(201);

        // three moves into next week and three new requests there, released at once: two fit
        List<java.util.concurrent.Callable<Http.Response>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String booking = thisWeek.get(i);
            Instant to = nextWeek.plus(Duration.ofHours(1 + i));
            racers.add(() -> move(alice, booking, to));
            Instant fresh = nextWeek.plus(Duration.ofHours(5 + i));
            racers.add(() -> bookAt(alice, fresh));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        List<Future<Http.Response>> answers = new ArrayList<>();
        racers.forEach(racer -> answers.add(pool.submit(() -> {
            start.await();
            return racer.call();
        })));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(2);
        assertThat(onCalendarInTheWeekOf(nextWeek)).hasSize(3);
        int movesAccepted = 0;
        for (int i = 0; i < statuses.size(); i += 2) { // racers alternate: a move, then a new request
            movesAccepted += statuses.get(i) == 201 ? 1 : 0;
        }
        assertThat(onCalendarInTheWeekOf(day)).as("a refused move keeps its date").hasSize(3 - movesAccepted);
        assertThat(upcomingIn(alice, 1)).as("next week's count in the ledger's view").isEqualTo(3);
    }

    /**
     * What the caller's one quota holds in the week of the test's slots (a later week than now: "upcoming"),
     * once the quota view has caught up with the ledger.
     */
    private long upcoming(String token, String measure) {
        long[] seen = {-1};
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode upcoming = http.get("/api/quotas/usage", token).body().get(0).get("upcoming");
            seen[0] = upcoming == null || upcoming.isEmpty() ? 0 : upcoming.get(0).get(measure).asLong();
            return seen[0] > 0;
        });
        return seen[0];
    }

    /** What the caller's one quota holds in its {@code index}-th later period that holds something. */
    private long upcomingIn(String token, int index) {
        long[] seen = {-1};
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode upcoming = http.get("/api/quotas/usage", token).body().get(0).get("upcoming");
            seen[0] = upcoming == null || upcoming.size() <= index ? -1 : upcoming.get(index).get("usedBookings").asLong();
            return seen[0] == 3;
        });
        return seen[0];
    }

    record Race(Set<String> accepted, Set<String> refused, List<String> quotaConflicts, List<String> unexpected) {}

    /** Alice asks for sixteen free slots at once: sixteen threads released by one latch. */
    private Race race(int minutes) throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        List<String> sources = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int slot = c;
            runs.add(pool.submit(() -> {
                start.await();
                var response = book(alice, slot, minutes);
                switch (response.status()) {
                    case 201 -> accepted.add(response.body().get("bookingId").asString());
                    case 409 -> {
                        refused.add(response.body().get("bookingId").asString());
                        JsonNode conflicts = response.body().get("conflicts");
                        conflicts.forEach(conflict -> sources.add(conflict.get("source").asString()));
                    }
                    default -> unexpected.add(response.status() + " " + response.body());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return new Race(accepted, refused, sources, unexpected);
    }
}
