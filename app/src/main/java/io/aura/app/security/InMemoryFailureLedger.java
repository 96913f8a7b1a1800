package io.aura.app.security;

import io.aura.app.security.LoginThrottle.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The failures of one node, in memory (the embedded default: one node). */
final class InMemoryFailureLedger implements LoginThrottle.FailureLedger {
    private static final int MAX_KEYS = 100_000;
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(24);

    private final Map<String, Failures> failures = new HashMap<>();

    @Override
    public synchronized <T> T atomically(List<String> keys, Function<Map<String, Failures>, T> work) {
        Map<String, Failures> some = new HashMap<>();
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null) {
                some.put(key, f);
            }
        }
        T result = work.apply(some);
        for (String key : keys) {
            Failures f = some.get(key);
            if (f == null) {
                failures.remove(key);
            } else {
                failures.put(key, f);
            }
        }
        if (failures.size() > MAX_KEYS) { // a flood of made-up names: drop what is long quiet
            Instant cutoff = Instant.now().minus(FORGOTTEN_AFTER);
            failures.values().removeIf(f -> f.last().isBefore(cutoff));
        }
        return result;
    }
}
