package io.aura.query.store;

/**
 * A view store whose writes can be held back for a batch. Event processors batch on their own (the
 * unit of work); a rebuild that feeds handlers directly opens, flushes and closes a batch on each of
 * its threads through this.
 */
public interface BatchedViewStore {
    /** Holds this thread's writes back until {@link #flushBatch()}. */
    void beginBatch();

    /** Writes what this thread holds back, in one transaction. */
    void flushBatch();

    /** Stops holding writes back on this thread; anything not flushed is dropped. */
    void endBatch();
}
