package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.query.PostgresTestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Two nodes' login throttles on one PostgreSQL database count together (ADR 0053). */
class SharedLoginThrottleTest {
    static PGSimpleDataSource database;
    static final LoginThrottle.Limits THREE_FREE =
            new LoginThrottle.Limits(3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
    LoginThrottle nodeA;
    LoginThrottle nodeB;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void twoNodes() {
        PostgresTestServer.reset(database);
        nodeA = node();
        nodeB = node();
    }

    private static LoginThrottle node() {
        return new LoginThrottle(THREE_FREE, THREE_FREE, Clock.systemUTC(),
                new SqlFailureLedger(database, new DataSourceTransactionManager(database)));
    }

    @Test
    void failures_on_one_node_block_the_name_on_the_other() {
        for (int i = 0; i < 3; i++) {
            nodeA.failed("alice", "10.0.0." + i);
        }

        assertThat(nodeB.retryAfter("alice", "10.0.0.99")).isPresent();
        assertThat(nodeB.retryAfter("bob", "10.0.0.99")).isEmpty();
    }

    @Test
    void a_success_on_one_node_clears_the_name_on_both() {
        nodeA.failed("alice", "10.0.0.1");
        nodeA.failed("alice", "10.0.0.1");
        nodeB.begin("alice", "10.0.0.2");
        nodeB.succeeded("alice", "10.0.0.2");

        nodeA.failed("alice", "10.0.0.3");
        nodeA.failed("alice", "10.0.0.4");
        assertThat(nodeA.retryAfter("alice", "10.0.0.5")).isEmpty();
    }

    @Test
    void sixteen_guesses_racing_on_two_nodes_get_no_more_than_the_free_failures_through() throws Exception {
        AtomicInteger letThrough = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> guessers = new ArrayList<>();
        for (int g = 0; g < 16; g++) {
            LoginThrottle node = g % 2 == 0 ? nodeA : nodeB;
            String address = "10.1.0." + g;
            guessers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (node.begin("alice", address).isEmpty()) {
                    letThrough.incrementAndGet();
                }
            }));
        }
        go.countDown();
        for (Thread t : guessers) {
            t.join();
        }

        assertThat(letThrough.get()).isEqualTo(3);
    }
}
