package io.aura.app.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.Serializer;

/**
 * Puts the chain hash ({@link MetaDataChain}) into every event's metadata as the event store
 * appends it. Registered on the event store itself, so it sees what aggregates apply: Axon hands it
 * a unit of work's events together, in order, at prepare-commit. The previous hash of an aggregate
 * comes from the event before it in the same batch, else from the store (one read per aggregate and
 * commit). Two writers of one aggregate cannot both succeed: the store refuses a sequence number
 * twice, so a hash computed from a stale read is never stored.
 */
public final class EventChainSealer implements MessageDispatchInterceptor<EventMessage<?>> {
    private final EventStore eventStore;
    private final Serializer serializer;

    public EventChainSealer(EventStore eventStore, Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<EventMessage<?>> sealed = new ArrayList<>(messages.size());
        Map<String, String> lastHash = new HashMap<>();
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> domain = MetaDataChain.domainOrNull(message);
            String previous = null;
            if (domain != null) {
                String aggregate = domain.getAggregateIdentifier();
                previous = lastHash.containsKey(aggregate) ? lastHash.get(aggregate)
                        : storedHash(aggregate, domain.getSequenceNumber() - 1);
            }
            // the hash covers the metadata as it will be stored, minus the hash itself
            EventMessage<?> unsealed = message.getMetaData().containsKey(MetaDataChain.KEY)
                    ? message.withMetaData(withoutChain(message.getMetaData())) : message;
            String hash = MetaDataChain.hash(previous, unsealed, serializer);
            if (domain != null) {
                lastHash.put(domain.getAggregateIdentifier(), hash);
            }
            sealed.add(unsealed.andMetaData(Map.of(MetaDataChain.KEY, hash)));
        }
        return (index, message) -> sealed.get(index);
    }

    private String storedHash(String aggregate, long sequence) {
        if (sequence < 0) {
            return null;
        }
        DomainEventStream stored = eventStore.readEvents(aggregate, sequence);
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            if (event.getSequenceNumber() == sequence) {
                Object hash = event.getMetaData().get(MetaDataChain.KEY);
                return hash == null ? null : hash.toString();
            }
        }
        return null;
    }

    private static Map<String, Object> withoutChain(Map<String, ?> metaData) {
        Map<String, Object> copy = new HashMap<>(metaData);
        copy.remove(MetaDataChain.KEY);
        return copy;
    }
}
