package io.aura.app.ops;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP only when the event store answers: asks it for its head position, which reads SQLite in the
 * embedded default and calls Axon Server in production.
 */
@Component("eventStoreHealthIndicator")
public class EventStoreHealthIndicator extends AbstractHealthIndicator {
    private final EventStore eventStore;

    public EventStoreHealthIndicator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("head", String.valueOf(eventStore.createHeadToken()));
    }
}
