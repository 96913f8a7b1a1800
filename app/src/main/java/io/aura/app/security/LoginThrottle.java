package io.aura.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing per user name and per client address. After a number of failures
 * the key is blocked for a back-off that doubles with each further failure, capped, and forgotten
 * after a quiet period: a guesser is slowed to a crawl, the real user is never locked out for good.
 * The counts live in a {@link FailureLedger}: in memory on one node, in the shared database when several nodes
 * serve (ADR 0053), so a guesser cannot multiply the limit by the number of nodes. An attempt counts as failed
 * from the moment it is let through ({@link #begin}) until it succeeds: a burst of parallel
 * guesses, each checked before any of them had failed, is held to the free failures too.
 */
public final class LoginThrottle {

    public record Limits(int freeFailures, Duration firstBlock, Duration maxBlock, Duration forgetAfter) {}

    /** A key's failures so far and when the last one was. */
    public record Failures(int count, Instant last) {}

    /** Where the failures are counted; {@link #atomically} reads, changes and writes some keys as one step. */
    public interface FailureLedger {
        /**
         * Runs {@code work} on the current failures of {@code keys} (absent: none) as one step against every other
         * caller; what {@code work} leaves in the map is stored, a key it removed is forgotten.
         */
        <T> T atomically(List<String> keys, java.util.function.Function<Map<String, Failures>, T> work);
    }

    private final FailureLedger ledger;
    private final Limits perUser;
    private final Limits perAddress;
    private final Clock clock;

    public LoginThrottle(Limits perUser, Limits perAddress, Clock clock) {
        this(perUser, perAddress, clock, new InMemoryFailureLedger());
    }

    public LoginThrottle(Limits perUser, Limits perAddress, Clock clock, FailureLedger ledger) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.clock = clock;
        this.ledger = ledger;
    }

    /**
     * Lets a sign-in attempt through, counted as failed until {@link #succeeded}, or says how long to
     * wait. Checking and counting are one step, so parallel attempts cannot all pass the check.
     */
    public Optional<Duration> begin(String username, String address) {
        return ledger.atomically(keys(username, address), failures -> {
            Optional<Duration> wait = retryAfter(failures, username, address);
            if (wait.isEmpty()) {
                record(failures, username, address);
            }
            return wait;
        });
    }

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> retryAfter(String username, String address) {
        return ledger.atomically(keys(username, address), failures -> retryAfter(failures, username, address));
    }

    public void failed(String username, String address) {
        ledger.atomically(keys(username, address), failures -> {
            record(failures, username, address);
            return null;
        });
    }

    /** The attempt let through by {@link #begin} succeeded: the user's failures go, the address's count one less. */
    public void succeeded(String username, String address) {
        ledger.atomically(keys(username, address), failures -> {
            failures.remove("u:" + username);
            failures.computeIfPresent("a:" + address,
                    (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
            return null;
        });
    }

    private static List<String> keys(String username, String address) {
        return List.of("u:" + username, "a:" + address);
    }

    private Optional<Duration> retryAfter(Map<String, Failures> failures, String username, String address) {
        Duration user = blockedFor(failures.get("u:" + username), perUser);
        Duration addr = blockedFor(failures.get("a:" + address), perAddress);
        Duration longest = user.compareTo(addr) >= 0 ? user : addr;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    private void record(Map<String, Failures> failures, String username, String address) {
        Instant now = clock.instant();
        failures.compute("u:" + username, (k, f) -> next(f, perUser, now));
        failures.compute("a:" + address, (k, f) -> next(f, perAddress, now));
    }

    private static Failures next(Failures f, Limits limits, Instant now) {
        return f == null || expired(f, limits, now) ? new Failures(1, now) : new Failures(f.count() + 1, now);
    }

    private Duration blockedFor(Failures f, Limits limits) {
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

    static boolean expired(Failures f, Limits limits, Instant now) {
        return f.last().plus(limits.forgetAfter()).isBefore(now);
    }
}
