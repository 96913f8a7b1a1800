package io.aura.app.audit;

import java.util.Map;

/**
 * Where each event of one aggregate stands in the global stream, for stores whose per-aggregate read does
 * not carry it (Axon's JDBC engine answers {@code readEvents(id)} with untracked messages). With it, reading one
 * aggregate's audit entries costs that aggregate's events and one indexed lookup, never a walk of the store
 * (ADR 0052).
 */
@FunctionalInterface
public interface AggregateEventIndexes {
    /** The global index of each of the aggregate's events, by event identifier. */
    Map<String, Long> of(String aggregateId);
}
