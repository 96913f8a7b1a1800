package io.aura.app.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Puts the chain hash ({@link MetaDataChain}) into every event's metadata as the event store
 * appends it. Registered on the event store itself, so it sees what aggregates apply: Axon hands it
 * a unit of work's events together, in order, at prepare-commit. The previous hash of an aggregate
 * comes from the event before it in the same batch, else from the last commit of that aggregate this
 * node stored, else from the store (one read per aggregate and commit). Two writers of one aggregate
 * cannot both succeed: the store refuses a sequence number twice, so a hash computed from a stale read
 * is never stored.
 */
public final class EventChainSealer implements MessageDispatchInterceptor<EventMessage<?>> {
    private final EventStore eventStore;
    private final Serializer serializer;
    /**
     * The last stored hash of recently written aggregates, so that a busy schedule's next event does not read its
     * previous one back from the store. Only an exact sequence number is taken from here: an event another node
     * stored meanwhile makes the entry miss, and the store is read as before.
     */
    private final Map<String, Chained> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Chained> eldest) {
                    return size() > 10_000;
                }
            });

    public EventChainSealer(EventStore eventStore, Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<EventMessage<?>> sealed = new ArrayList<>(messages.size());
        Map<String, Chained> appended = new HashMap<>();
        for (EventMessage<?> message : messages) {
            DomainEventMessage<?> domain = MetaDataChain.domainOrNull(message);
            String previous = null;
            if (domain != null) {
                String aggregate = domain.getAggregateIdentifier();
                previous = appended.containsKey(aggregate) ? appended.get(aggregate).hash()
                        : rememberedOrStoredHash(aggregate, domain.getSequenceNumber() - 1);
            }
            // the hash covers the metadata as it will be stored, minus the hash itself
            EventMessage<?> unsealed = message.getMetaData().containsKey(MetaDataChain.KEY)
                    ? message.withMetaData(withoutChain(message.getMetaData())) : message;
            SerializedObject<byte[]> payload = unsealed.serializePayload(serializer, byte[].class);
            String hash = MetaDataChain.hash(previous, unsealed, payload);
            if (domain != null) {
                appended.put(domain.getAggregateIdentifier(), new Chained(domain.getSequenceNumber(), hash));
            }
            EventMessage<?> out = unsealed.andMetaData(Map.of(MetaDataChain.KEY, hash));
            sealed.add(out instanceof DomainEventMessage<?> d && domain != null
                    ? new PayloadSerializedOnce<>(d, payload, serializer) : out);
        }
        // an aggregate's last hash is remembered once its events are stored, never before: a hash of a commit that
        // failed (a sequence number taken by another writer) must not become the next event's previous hash
        if (!appended.isEmpty() && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> recent.putAll(appended));
        }
        return (index, message) -> sealed.get(index);
    }

    /** The chain hash of an aggregate's event at {@code sequence}, as stored. */
    private record Chained(long sequence, String hash) {}

    /**
     * An event whose payload was serialised for its hash: the store's append takes those bytes instead of
     * serialising (and sealing the personal data in) the payload a second time.
     */
    private static final class PayloadSerializedOnce<T> extends GenericDomainEventMessage<T> {
        private final transient SerializedObject<byte[]> payload;
        private final transient Serializer serializer;

        PayloadSerializedOnce(DomainEventMessage<T> event, SerializedObject<byte[]> payload, Serializer serializer) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), event,
                    event::getTimestamp);
            this.payload = payload;
            this.serializer = serializer;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> SerializedObject<R> serializePayload(Serializer asked, Class<R> representation) {
            return asked == serializer && representation == byte[].class ? (SerializedObject<R>) payload
                    : super.serializePayload(asked, representation);
        }
    }

    private String rememberedOrStoredHash(String aggregate, long sequence) {
        Chained remembered = recent.get(aggregate);
        return remembered != null && remembered.sequence() == sequence ? remembered.hash()
                : storedHash(aggregate, sequence);
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
