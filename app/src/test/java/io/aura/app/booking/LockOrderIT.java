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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One lock order on the embedded store (ADR 0057): a request decides its booking in its own thread while holding the
 * one writer, and takes the schedule's and the booking's locks there. Other writers of that schedule (blackouts) and
 * of those bookings (cancellations) race with it; taking their lock before the writer, either side would wait for the
 * other until the writer pool's 30 s timeout and answer 500. Every answer here comes in seconds, none is a 5xx.
 */
class LockOrderIT extends IntegrationTest {
    private static final int CLIENTS = 10;
    private static final int REQUESTS_PER_CLIENT = 15;
    private static final int ADMINS = 3;
    private static final int BLACKOUTS_PER_ADMIN = 30;
    /** Far below the writer pool's 30 s timeout, far above any answer under this load. */
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(10);

    @Test
    void requests_deciding_in_their_own_thread_racing_blackouts_and_cancellations_of_the_same_schedule_never_stall() throws Exception {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Lock order room"), "capacity", 10,
                "timeZone", "UTC")).body().get("id").asString();
        String requester = userWithRoles(unique("racer"), "REQUESTER");
        Instant day = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(7));
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        LinkedBlockingQueue<String> accepted = new LinkedBlockingQueue<>();
        List<Duration> slowest = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + ADMINS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(7 + c);
            clients.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    Instant start = day.plus(Duration.ofMinutes(15L * random.nextInt(40)));
                    var answer = timed(slowest, failures, () -> http.post("/events/create", requester, Map.of(
                            "title", "race", "resourceId", room, "start", start.toString(),
                            "end", start.plus(Duration.ofMinutes(30)).toString())));
                    if (answer != null && answer.status() == 201) {
                        accepted.add(answer.body().get("bookingId").asString());
                    } else if (answer != null && answer.status() != 409) {
                        failures.add("request: " + answer.status() + " " + answer.body());
                    }
                }
            }));
        }
        // the same schedule, written by administrators meanwhile: blackouts on other days, added and removed
        List<Future<?>> blackouts = new ArrayList<>();
        for (int a = 0; a < ADMINS; a++) {
            Instant other = day.plus(Duration.ofDays(2 + a));
            blackouts.add(pool.submit(() -> {
            for (int i = 0; i < BLACKOUTS_PER_ADMIN; i++) {
                var added = timed(slowest, failures, () -> http.post("/api/resources/" + room + "/blackouts", adminToken,
                        Map.of("start", other.toString(), "end", other.plus(Duration.ofHours(1)).toString(),
                                "reason", "maintenance")));
                if (added == null || added.status() != 201) {
                    failures.add("blackout: " + (added == null ? "none" : added.status() + " " + added.body()));
                    continue;
                }
                String id = added.body().get("blackoutId").asString();
                var removed = timed(slowest, failures,
                        () -> http.delete("/api/resources/" + room + "/blackouts/" + id, adminToken));
                if (removed == null || removed.status() != 204) {
                    failures.add("unblock: " + (removed == null ? "none" : removed.status() + " " + removed.body()));
                }
            }
            }));
        }
        // and the accepted bookings cancelled as they come: their saga releases the hold on the same schedule
        Future<?> cancellations = pool.submit(() -> {
            for (int i = 0; i < 10; i++) {
                String booking = accepted.poll(20, TimeUnit.SECONDS);
                if (booking == null) {
                    return null;
                }
                var cancelled = timed(slowest, failures, () -> http.post("/events/" + booking + "/cancel", requester,
                        Map.of("reason", "not needed")));
                if (cancelled == null || cancelled.status() != 200) {
                    failures.add("cancel: " + (cancelled == null ? "none" : cancelled.status() + " " + cancelled.body()));
                }
            }
            return null;
        });
        for (Future<?> client : clients) {
            client.get(120, TimeUnit.SECONDS);
        }
        for (Future<?> admin : blackouts) {
            admin.get(120, TimeUnit.SECONDS);
        }
        cancellations.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(failures).isEmpty();
        synchronized (slowest) {
            assertThat(slowest).allSatisfy(took -> assertThat(took).isLessThan(SLOWEST_ALLOWED));
        }
    }

    /** The answer, with how long it took noted when it took over a second (null when the call itself failed). */
    private static io.aura.app.Http.Response timed(List<Duration> slowest, ConcurrentLinkedQueue<String> failures,
                                                   Supplier<io.aura.app.Http.Response> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } catch (RuntimeException e) {
            failures.add(e.toString());
            return null;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(Duration.ofSeconds(1)) > 0) {
                synchronized (slowest) {
                    slowest.add(took);
                }
            }
        }
    }
}
