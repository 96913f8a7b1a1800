package io.aura.app.notify;

import java.time.Duration;

/** Exponential backoff for deliveries: 2 s, 4 s, 8 s ... capped at one hour. */
final class Backoff {
    private static final Duration CAP = Duration.ofHours(1);

    private Backoff() {}

    static Duration after(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts, 1), 20);
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(CAP) > 0 ? CAP : d;
    }
}
