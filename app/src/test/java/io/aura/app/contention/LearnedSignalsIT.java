package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.RankingSignals;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ranking's learned signals are folded by a processor of their own (ADR 0056): what a request ranks with is
 * what a fold of the whole store gives, and taking it reads memory only, never the event store.
 */
class LearnedSignalsIT extends IntegrationTest {
    @Autowired
    LearnedSignals signals;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_signals_a_request_ranks_with_are_a_fold_of_every_stored_event() {
        String bob = userWithRoles(unique("bob"), "REQUESTER");
        var created = http.post("/api/resources", adminToken, Map.of("name", unique("Signals room"), "capacity", 8,
                "timeZone", "UTC", "bookingWindowDays", 60));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String room = created.body().get("id").asString();
        Instant nine = Instant.now().plus(12, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        for (int week = 0; week < 3; week++) {
            var booked = http.post("/events/create", bob, Map.of("title", "Stand-up", "resourceId", room,
                    "start", nine.plus(7L * week, ChronoUnit.DAYS).toString(),
                    "end", nine.plus(7L * week, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString()));
            assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
            assertThat(http.post("/events/" + booked.body().get("bookingId").asString() + "/cancel", bob,
                    Map.of("reason", "moved online")).status()).isEqualTo(200);
        }

        // both asked again until they agree: a sweep may store an event between the two
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            RankingSignals wholeStore = signals.before(Instant.now().plus(1, ChronoUnit.DAYS));
            assertThat(wholeStore).isNotEqualTo(RankingSignals.NONE);
            assertThat(signals.current()).isEqualTo(wholeStore);
        });
    }

    @Test
    void ranking_takes_the_signals_while_a_writer_holds_the_stores_one_connection() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a long write, as a processor's batch or a command is: the embedded store has one connection
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
                    holding.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }), threads);
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<RankingSignals> taken = CompletableFuture.supplyAsync(signals::current, threads);
            assertThat(taken.get(2, TimeUnit.SECONDS)).isNotNull();
        } finally {
            release.countDown();
            writer.get(15, TimeUnit.SECONDS);
            threads.shutdown();
        }
    }
}
