package io.aura.app.audit;

import io.aura.app.privacy.PersonalDataCipher;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.audit.AuditLog.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log read through Axon's own event stream, for the production profile (Axon Server) and the
 * {@code postgres} profile (Axon's JDBC engine):
 * the same entries as {@link SqliteAuditLog} (an integration test compares both on the embedded
 * store), filtered while streaming, so a query costs a walk from {@code afterIndex} on, except a query for one
 * aggregate, which reads that aggregate's stream only where the store can say where its events stand. Payloads are
 * the stored bytes, never re-serialised. {@link #verify} walks the chain each event carries in its
 * metadata ({@link MetaDataChain}, put there as it was appended by {@link EventChainSealer}).
 */
@Component
@ConditionalOnExpression("'${aura.storage:embedded}' != 'embedded'")
public class EventStoreAuditLog implements AuditLog {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    /** Sealed personal data opened for the auditor, or shown erased (ADR 0046); the stored bytes stay as they are. */
    private final UnaryOperator<Map<String, Object>> reveal;
    /** Global indexes of one aggregate's events where its stream does not carry them; null: none known. */
    private final AggregateEventIndexes indexes;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Payloads as stored (sealed personal data shown sealed): for tests of the chain alone. */
    public EventStoreAuditLog(EventStore eventStore, Serializer eventSerializer) {
        this(eventStore, eventSerializer, payload -> payload, null);
    }

    /** Payloads as stored, on a store whose aggregate streams carry no global index (JDBC). */
    public EventStoreAuditLog(EventStore eventStore, Serializer eventSerializer, AggregateEventIndexes indexes) {
        this(eventStore, eventSerializer, payload -> payload, indexes);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public EventStoreAuditLog(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                              PersonalDataCipher personalData, ObjectProvider<AggregateEventIndexes> indexes) {
        this(eventStore, eventSerializer, personalData, indexes.getIfAvailable());
    }

    /** {@code indexes} null where the store knows none (Axon Server): reading one aggregate then walks the store. */
    public EventStoreAuditLog(EventStore eventStore, Serializer eventSerializer, PersonalDataCipher personalData,
                              AggregateEventIndexes indexes) {
        this(eventStore, eventSerializer, personalData::revealed, indexes);
    }

    private EventStoreAuditLog(EventStore eventStore, Serializer eventSerializer,
                               UnaryOperator<Map<String, Object>> reveal, AggregateEventIndexes indexes) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.reveal = reveal;
        this.indexes = indexes;
    }

    @Override
    public List<Entry> read(Filter f) {
        if (f.aggregateId() != null) {
            return readOne(f);
        }
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        List<Entry> out = new ArrayList<>();
        if (last < 0 || f.afterIndex() >= last) {
            return out;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(after(head, f.afterIndex()))) {
            for (TrackedEventMessage<?> message : upTo(stream, last)) {
                Entry entry = matching(message, index(message), f);
                if (entry != null) {
                    out.add(entry);
                }
                if (out.size() >= f.limit()) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * One aggregate's entries from its own stream ({@code readEvents(id, 0)}): its few events, not the store, on
     * every store (ADR 0052). The global index of each comes with the event where the store tracks it there (in
     * memory), else from {@link AggregateEventIndexes} (JDBC); where neither knows it (Axon Server) the entries
     * carry none, and pages follow the aggregate's sequence ({@code afterSequence}) instead.
     */
    private List<Entry> readOne(Filter f) {
        DomainEventStream events = eventStore.readEvents(f.aggregateId(), 0);
        Map<String, Long> known = indexes == null ? Map.of() : indexes.of(f.aggregateId());
        List<Entry> out = new ArrayList<>();
        while (events.hasNext() && out.size() < f.limit()) {
            DomainEventMessage<?> message = events.next();
            Long index = message instanceof TrackedEventMessage<?> tracked
                    ? Long.valueOf(index(tracked))
                    : known.get(message.getIdentifier());
            if (index == null || index > f.afterIndex()) {
                Entry entry = matching(message, index, f);
                if (entry != null) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    /**
     * One aggregate: its own stream only ({@code readEvents(id, 0)}, from its first event, never a snapshot),
     * so verifying a booking costs its few events, not the store (ADR 0052). Every store: the whole stream,
     * walked once, keeping each aggregate's next sequence number and last hash. An event whose hash differs
     * was altered (or one before it was), a sequence number skipped means an event was removed, one out of
     * order means events were reordered. Memory grows with the number of aggregates, not events.
     */
    @Override
    public Verification verify(String aggregateId) {
        return aggregateId == null ? verifyAll() : verifyOne(aggregateId);
    }

    private Verification verifyOne(String aggregateId) {
        String previousHash = null;
        long expected = 0;
        long checked = 0;
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            checked++;
            long sequence = message.getSequenceNumber();
            Kind kind = null;
            String reason = null;
            Object stored = message.getMetaData().get(MetaDataChain.KEY);
            String hash = MetaDataChain.hash(previousHash, message, eventSerializer);
            if (sequence != expected) {
                kind = sequence > expected ? Kind.MISSING_EVENT : Kind.OUT_OF_ORDER;
                reason = sequence > expected ? "event " + expected + " of this aggregate is missing" : "stored out of order";
            } else if (stored == null) {
                kind = Kind.NO_CHAIN_HASH;
                reason = "carries no chain hash";
            } else if (!hash.equals(stored.toString())) {
                kind = Kind.ALTERED;
                reason = "altered, or the chain before it was";
            }
            if (kind != null) {
                return broken(checked, indexOf(message), aggregateId, sequence, kind, reason);
            }
            previousHash = hash;
            expected = sequence + 1;
        }
        return new Verification(true, checked, null);
    }

    /**
     * The global index of an event read from its aggregate's stream: known to a store that tracks it there,
     * else found by one walk of the stream — only for a break, which is rare and worth the time to show where.
     */
    private long indexOf(DomainEventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            return index(tracked);
        }
        if (indexes != null) {
            return indexes.of(message.getAggregateIdentifier()).getOrDefault(message.getIdentifier(), -1L);
        }
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        if (last < 0) {
            return -1;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            for (TrackedEventMessage<?> candidate : upTo(stream, last)) {
                if (candidate.getIdentifier().equals(message.getIdentifier())) {
                    return index(candidate);
                }
            }
        }
        return -1;
    }

    private Verification verifyAll() {
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        Map<String, String> lastHash = new HashMap<>();
        Map<String, Long> nextSequence = new HashMap<>();
        long checked = 0;
        if (last < 0) {
            return new Verification(true, 0, null);
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            for (TrackedEventMessage<?> message : upTo(stream, last)) {
                long index = index(message);
                DomainEventMessage<?> domain = MetaDataChain.domainOrNull(message);
                String aggregate = domain == null ? message.getIdentifier() : domain.getAggregateIdentifier();
                checked++;
                long sequence = domain == null ? 0 : domain.getSequenceNumber();
                long expected = nextSequence.getOrDefault(aggregate, 0L);
                if (sequence != expected) {
                    return broken(checked, index, aggregate, sequence, sequence > expected
                            ? Kind.MISSING_EVENT : Kind.OUT_OF_ORDER, sequence > expected
                            ? "event " + expected + " of this aggregate is missing" : "stored out of order");
                }
                Object stored = message.getMetaData().get(MetaDataChain.KEY);
                String hash = MetaDataChain.hash(lastHash.get(aggregate), message, eventSerializer);
                if (stored == null) {
                    return broken(checked, index, aggregate, sequence, Kind.NO_CHAIN_HASH, "carries no chain hash");
                }
                if (!hash.equals(stored.toString())) {
                    return broken(checked, index, aggregate, sequence, Kind.ALTERED,
                            "altered, or the chain before it was");
                }
                if (domain != null) {
                    lastHash.put(aggregate, hash);
                    nextSequence.put(aggregate, sequence + 1);
                }
            }
        }
        return new Verification(true, checked, null);
    }

    @Override
    public Digest digest(long headIndex) {
        TrackingToken headToken = eventStore.createHeadToken();
        long current = headToken == null ? -1 : headToken.position().orElse(-1);
        long head = headIndex < 0 ? Math.max(current, 0) : headIndex;
        ChainDigest digest = new ChainDigest();
        if (current < 0) {
            return digest.finish(head);
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            for (TrackedEventMessage<?> message : upTo(stream, Math.min(head, current))) {
                Object hash = message.getMetaData().get(MetaDataChain.KEY);
                digest.add(index(message), hash == null ? null : hash.toString());
            }
        }
        return digest.finish(head);
    }

    /**
     * The stream's events up to index {@code last} inclusive. A tracking stream waits for new events
     * at its end, so the walk stops at {@code last} (the head when it began), or after 5 s without one.
     */
    private static Iterable<TrackedEventMessage<?>> upTo(BlockingStream<TrackedEventMessage<?>> stream, long last) {
        return () -> new Iterator<>() {
            private boolean done;

            @Override
            public boolean hasNext() {
                try {
                    done = done || !stream.hasNextAvailable(5, TimeUnit.SECONDS)
                            || stream.peek().map(m -> index(m) > last).orElse(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the event store", e);
                }
                return !done;
            }

            @Override
            public TrackedEventMessage<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    done = index(message) >= last;
                    return message;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the event store", e);
                }
            }
        };
    }

    private static long index(TrackedEventMessage<?> message) {
        return message.trackingToken().position().orElse(-1);
    }

    private static Verification broken(long checked, long index, String aggregate, long sequence, Kind kind,
                                       String reason) {
        return new Verification(false, checked, new Break(index, aggregate, sequence, reason, kind));
    }

    private Entry matching(EventMessage<?> message, Long index, Filter f) {
        Instant timestamp = message.getTimestamp();
        if ((f.from() != null && timestamp.isBefore(f.from())) || (f.to() != null && !timestamp.isBefore(f.to()))) {
            return null;
        }
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        String aggregateId = domain != null ? domain.getAggregateIdentifier() : message.getIdentifier();
        if (f.aggregateId() != null && !f.aggregateId().equals(aggregateId)) {
            return null;
        }
        if (f.afterSequence() >= 0 && domain != null && domain.getSequenceNumber() <= f.afterSequence()) {
            return null;
        }
        Object actor = message.getMetaData().getOrDefault("actor", "system");
        if (f.actor() != null && !f.actor().equals(actor)) {
            return null;
        }
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        String payloadType = payload.getType().getName();
        if (f.type() != null && !payloadType.equals(f.type()) && !payloadType.endsWith("$" + f.type())) {
            return null;
        }
        return new Entry(index, aggregateId, domain != null ? domain.getType() : null,
                domain != null ? domain.getSequenceNumber() : 0,
                payloadType.substring(payloadType.lastIndexOf('$') + 1), timestamp, String.valueOf(actor),
                reveal.apply(json.readValue(payload.getData(), MAP)));
    }

    /** A token just after {@code index}: a JDBC store tracks gaps, Axon Server counts from 0. */
    private static TrackingToken after(TrackingToken head, long index) {
        if (index <= 0) {
            return null;
        }
        return head instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet())
                : new GlobalSequenceTrackingToken(index);
    }
}
