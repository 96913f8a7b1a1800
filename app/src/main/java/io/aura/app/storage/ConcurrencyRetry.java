package io.aura.app.storage;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when it lost a race for its aggregate's next sequence number to another node (ADR 0053):
 * the failed unit of work already dropped the stale cached aggregate, so the retry loads what the winner stored
 * and decides again against it (a refusal then, if the winner took the slot). Only that race is retried; a
 * refusal is an answer, never retried. A few attempts with a short random pause, so two losers do not collide again.
 */
public final class ConcurrencyRetry implements RetryScheduler, AutoCloseable {
    static final int ATTEMPTS = 8;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "command-retry");
        t.setDaemon(true);
        return t;
    });

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!lostARace(lastFailure) || failures.size() >= ATTEMPTS) {
            return false;
        }
        long pauseMillis = ThreadLocalRandom.current().nextLong(1, 5L * failures.size() + 2);
        timer.schedule(dispatchTask, pauseMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
