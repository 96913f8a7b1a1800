package io.aura.app.audit;

import io.aura.app.storage.ChainedAppendStatement.EventChain;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The hash chain for stores we do not write ourselves (Axon Server): each event carries, in its
 * metadata under {@link #KEY}, SHA-256 over the previous event's chain hash of the same aggregate
 * and every field the store keeps of this one — identifier, aggregate, sequence, aggregate type,
 * timestamp in milliseconds (what Axon Server keeps), payload type, revision, the stored payload
 * bytes and the rest of the metadata in key order. Computed once when the event is appended
 * ({@link EventChainSealer}), recomputed from what the store gives back when verifying.
 */
public final class MetaDataChain {
    public static final String KEY = "auditChain";

    private MetaDataChain() {}

    /** The chain hash of {@code event} as the store keeps it, given the previous hash of its aggregate. */
    public static String hash(String previous, EventMessage<?> event, Serializer serializer) {
        return hash(previous, event, event.serializePayload(serializer, byte[].class));
    }

    /** As {@link #hash(String, EventMessage, Serializer)}, over a payload the caller has serialised already. */
    static String hash(String previous, EventMessage<?> event, SerializedObject<byte[]> payload) {
        DomainEventMessage<?> domain = domainOrNull(event);
        return EventChain.hash(previous, event.getIdentifier(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? 0 : domain.getSequenceNumber(), domain == null ? null : domain.getType(),
                Long.toString(event.getTimestamp().toEpochMilli()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), canonical(event.getMetaData()));
    }

    /**
     * An event of an aggregate, or null for one published outside any aggregate (a JDBC store keeps
     * those under their own identifier at sequence 0 and no type; Axon Server under none).
     */
    static DomainEventMessage<?> domainOrNull(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> d && d.getType() != null && d.getAggregateIdentifier() != null
                && !d.getAggregateIdentifier().equals(d.getIdentifier()) ? d : null;
    }

    /** The metadata without the chain itself, sorted by key, each key and value length-prefixed. */
    static byte[] canonical(Map<String, ?> metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, ?> entry : new TreeMap<>(metaData).entrySet()) {
            if (!entry.getKey().equals(KEY)) {
                write(out, entry.getKey());
                write(out, String.valueOf(entry.getValue()));
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
