package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-01T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limits(3, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            new LoginThrottle.Limits(10, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            clock);

    @Test
    void the_first_failures_are_free() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void after_the_free_failures_the_block_doubles_and_is_capped() {
        for (int i = 0; i < 3; i++) throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.9")).contains(Duration.ofSeconds(30));
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.9")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) throttle.failed("alice", "10.0.0.2");
        assertThat(throttle.retryAfter("alice", "10.0.0.9")).contains(Duration.ofMinutes(15));
    }

    @Test
    void the_real_user_is_never_locked_out_for_good() {
        for (int i = 0; i < 50; i++) throttle.failed("alice", "10.0.0." + i);
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(throttle.retryAfter("alice", "10.0.0.200")).isEmpty();
    }

    @Test
    void one_address_guessing_many_names_is_throttled_too() {
        for (int i = 0; i < 10; i++) throttle.failed("user" + i, "10.6.6.6");
        assertThat(throttle.retryAfter("someone-else", "10.6.6.6")).isPresent();
        assertThat(throttle.retryAfter("someone-else", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_success_clears_the_users_failures() {
        for (int i = 0; i < 2; i++) throttle.failed("alice", "10.0.0.1");
        throttle.succeeded("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.retryAfter("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void parallel_attempts_checked_before_any_failed_are_held_to_the_free_failures() throws Exception {
        int threads = 24;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var letThrough = new java.util.concurrent.atomic.AtomicInteger();
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                start.await();
                if (throttle.begin("bob", "10.9.9.9").isEmpty()) {
                    letThrough.incrementAndGet(); // and then the password is wrong: nothing more to record
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : done) f.get();
        pool.shutdown();

        assertThat(letThrough.get()).isEqualTo(3);
    }

    @Test
    void a_successful_attempt_takes_its_provisional_failure_back_from_the_address() {
        for (int i = 0; i < 30; i++) {
            assertThat(throttle.begin("user" + i, "10.7.7.7")).isEmpty();
            throttle.succeeded("user" + i, "10.7.7.7");
        }
        assertThat(throttle.retryAfter("someone", "10.7.7.7")).isEmpty();
    }
}
