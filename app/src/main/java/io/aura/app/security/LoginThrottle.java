package io.aura.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per user name and per client address. After a number of failures
 * the key is blocked for a back-off that doubles with each further failure, capped, and forgotten
 * after a quiet period: a guesser is slowed to a crawl, the real user is never locked out for good.
 * State is per node (in memory); several nodes each apply the limit. An attempt counts as failed
 * from the moment it is let through ({@link #begin}) until it succeeds: a burst of parallel
 * guesses, each checked before any of them had failed, is held to the free failures too.
 */
public final class LoginThrottle {

    public record Limits(int freeFailures, Duration firstBlock, Duration maxBlock, Duration forgetAfter) {}

    private record Failures(int count, Instant last) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Limits perUser;
    private final Limits perAddress;
    private final Clock clock;

    public LoginThrottle(Limits perUser, Limits perAddress, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /**
     * Lets a sign-in attempt through, counted as failed until {@link #succeeded}, or says how long to
     * wait. Checking and counting are one step, so parallel attempts cannot all pass the check.
     */
    public synchronized Optional<Duration> begin(String username, String address) {
        Optional<Duration> wait = retryAfter(username, address);
        if (wait.isEmpty()) {
            failed(username, address);
        }
        return wait;
    }

    /** How long the caller must wait before trying again, if at all. */
    public synchronized Optional<Duration> retryAfter(String username, String address) {
        Duration user = blockedFor("u:" + username, perUser);
        Duration addr = blockedFor("a:" + address, perAddress);
        Duration longest = user.compareTo(addr) >= 0 ? user : addr;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public synchronized void failed(String username, String address) {
        record("u:" + username, perUser);
        record("a:" + address, perAddress);
    }

    /** The attempt let through by {@link #begin} succeeded: the user's failures go, the address's count one less. */
    public synchronized void succeeded(String username, String address) {
        failures.remove("u:" + username);
        failures.computeIfPresent("a:" + address, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
    }

    private void record(String key, Limits limits) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> f == null || expired(f, limits, now)
                ? new Failures(1, now)
                : new Failures(f.count() + 1, now));
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), e.getKey().startsWith("u:") ? perUser : perAddress, now));
        }
    }

    private Duration blockedFor(String key, Limits limits) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || f.count() < limits.freeFailures() || expired(f, limits, now)) {
            return Duration.ZERO;
        }
        int over = Math.min(f.count() - limits.freeFailures(), 20);
        Duration block = limits.firstBlock().multipliedBy(1L << over);
        if (block.compareTo(limits.maxBlock()) > 0) {
            block = limits.maxBlock();
        }
        Duration left = Duration.between(now, f.last().plus(block));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static boolean expired(Failures f, Limits limits, Instant now) {
        return f.last().plus(limits.forgetAfter()).isBefore(now);
    }
}
