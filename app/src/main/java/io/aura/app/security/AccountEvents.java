package io.aura.app.security;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;

/**
 * The events of one account, read from the event store at each authenticated request: the port the
 * current-account check reads through. The embedded store reads them on its reading connections (in WAL
 * mode a reader sees the last commit and never queues behind the one writing connection); Axon Server
 * through its event store.
 */
@FunctionalInterface
public interface AccountEvents {
    /** The account's events from the first, in order; empty when no aggregate has this id. */
    DomainEventStream of(String username);
}
