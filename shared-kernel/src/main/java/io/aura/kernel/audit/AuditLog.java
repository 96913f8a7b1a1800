package io.aura.kernel.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The event store read as an audit log: the embedded store directly, Axon Server through Axon's event stream. */
public interface AuditLog {

    /**
     * What to read: every criterion optional; pages follow {@code afterIndex} (a global index), or, for one
     * aggregate read from a store that cannot say where its events stand, {@code afterSequence} (-1: from the
     * aggregate's first event).
     */
    record Filter(String aggregateId, String type, String actor, Instant from, Instant to, long afterIndex,
                  long afterSequence, int limit) {
        public Filter(String aggregateId, String type, String actor, Instant from, Instant to, long afterIndex,
                      int limit) {
            this(aggregateId, type, actor, from, to, afterIndex, -1, limit);
        }

        /**
         * The page after one ending with {@code last}: after its global index where entries carry one, else after
         * its sequence number (one aggregate on Axon Server, whose aggregate streams carry no global index).
         */
        public Filter after(Entry last) {
            return last.globalIndex() != null
                    ? new Filter(aggregateId, type, actor, from, to, last.globalIndex(), afterSequence, limit)
                    : new Filter(aggregateId, type, actor, from, to, afterIndex, last.sequence(), limit);
        }

        /** The same criteria from the first event, {@code size} at a time. */
        public Filter first(int size) {
            return new Filter(aggregateId, type, actor, from, to, 0, -1, size);
        }
    }

    /**
     * One stored event. {@code globalIndex} is its place in the whole store, null where the store does not say (one
     * aggregate's events read from Axon Server).
     */
    record Entry(Long globalIndex, String aggregateId, String aggregateType, long sequence, String type,
                 Instant timestamp, String actor, Map<String, Object> payload) {}

    /** The first event that breaks the chain; {@code reason} in the API's English, {@code kind} for a UI to word. */
    record Break(long globalIndex, String aggregateId, long sequence, String reason, Kind kind) {}

    /** What is wrong with a chain at its first break. */
    enum Kind {
        /** An event before this one (by the aggregate's sequence) is not in the store. */
        MISSING_EVENT,
        /** The event is stored before an event that precedes it. */
        OUT_OF_ORDER,
        /** The event has no chain hash (stored around the chain). */
        NO_CHAIN_HASH,
        /** The hash does not match: this event, or one before it, was changed. */
        ALTERED
    }

    record Verification(boolean valid, long checkedEvents, Break firstBreak) {}

    /** Stored events matching the filter, oldest first. */
    List<Entry> read(Filter filter);

    /** Walks every stored event (or one aggregate's) and reports the first one altered, removed or reordered. */
    Verification verify(String aggregateId);

    /**
     * The store up to an index, condensed: SHA-256 over every event's global index and chain hash, in
     * order. Signed and kept elsewhere (an anchor), it shows later whether anything up to that index
     * changed — including what a chain cannot show: a removed last event, a rewritten whole chain.
     */
    record Digest(long headIndex, long events, String sha256) {}

    /** The digest up to {@code headIndex} inclusive; a negative one means up to the current head. */
    Digest digest(long headIndex);
}
