package io.aura.kernel.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The event store read as an audit log: the embedded store directly, Axon Server through Axon's event stream. */
public interface AuditLog {

    record Filter(String aggregateId, String type, String actor, Instant from, Instant to, long afterIndex, int limit) {}

    record Entry(long globalIndex, String aggregateId, String aggregateType, long sequence, String type,
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
