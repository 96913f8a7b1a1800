package io.aura.query.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The view records a batch has computed but not yet written, by key. An event processor's batch
 * keeps them in its unit of work and writes them all as it prepares to commit, in the transaction
 * that also stores its token (so a crash can never leave the token ahead of its views); a rebuild
 * opens a batch on its thread explicitly. Outside any batch there is nothing pending and a store
 * writes at once.
 *
 * <p>While a batch runs, its own later events must see what its earlier events computed:
 * {@link #peek()} answers from the pending records before a store reads committed state. A store
 * may keep a null value under a key to say "deleted in this batch".
 *
 * @param <V> the view record
 */
public final class PendingViewWrites<V> {
    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();
    /** Unique per store (an identity hash code is not): two stores never share a unit of work's map. */
    private final String resourceKey = PendingViewWrites.class.getName() + "#" + INSTANCES.incrementAndGet();
    private final ThreadLocal<Map<String, V>> explicit = new ThreadLocal<>();
    private final Consumer<Map<String, V>> write;

    /** @param write writes a batch's records (called inside the batch's transaction when there is one) */
    public PendingViewWrites(Consumer<Map<String, V>> write) {
        this.write = write;
    }

    /** The records pending on this thread's batch, or null when no batch runs or it wrote nothing yet. */
    public Map<String, V> peek() {
        Map<String, V> mine = explicit.get();
        if (mine != null) {
            return mine;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(resourceKey);
    }

    /**
     * The batch to add a record to, or null when none runs (then the caller writes at once). The
     * first record of a unit of work registers the write for its prepare-commit phase.
     */
    public Map<String, V> open() {
        Map<String, V> mine = explicit.get();
        if (mine != null) {
            return mine;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> {
            Map<String, V> pending = new LinkedHashMap<>();
            root.onPrepareCommit(u -> {
                if (!pending.isEmpty()) {
                    write.accept(pending);
                }
            });
            return pending;
        });
    }

    /** Opens a batch on this thread that only {@link #flush()} writes (a rebuild's pass). */
    public void begin() {
        explicit.set(new LinkedHashMap<>());
    }

    /** Writes this thread's explicit batch and starts it again empty. */
    public void flush() {
        Map<String, V> mine = explicit.get();
        if (mine != null && !mine.isEmpty()) {
            write.accept(mine);
            mine.clear();
        }
    }

    /** Closes this thread's explicit batch; what was not flushed is dropped. */
    public void end() {
        explicit.remove();
    }

    /** Forgets what this thread's batch holds (the view was cleared under it). */
    public void discard() {
        Map<String, V> pending = peek();
        if (pending != null) {
            pending.clear();
        }
    }
}
