package io.aura.app.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Appends events as Axon's default statement does, plus a {@code chainHash}: SHA-256 over the
 * previous event's hash of the same aggregate and every stored field of this one. Changing,
 * removing or reordering a stored event breaks the chain (see {@link EventChain#verify}).
 */
public final class ChainedAppendStatement implements AppendEventsStatementBuilder {
    public static final String CHAIN_COLUMN = "chainHash";

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ", "
                + CHAIN_COLUMN + ") VALUES (?,?,?,?,?,?,?,?,?,?)";
        PreparedStatement insert = connection.prepareStatement(sql);
        Map<String, String> lastHash = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> d ? d
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String aggregate = event.getAggregateIdentifier();
            String previous = lastHash.containsKey(aggregate) ? lastHash.get(aggregate)
                    : previousHash(connection, schema, aggregate, event.getSequenceNumber());
            String hash = EventChain.hash(previous, event.getIdentifier(), aggregate, event.getSequenceNumber(),
                    event.getType(), timestamp, payload.getType().getName(), payload.getType().getRevision(),
                    (byte[]) payload.getData(), (byte[]) metaData.getData());
            lastHash.put(aggregate, hash);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, aggregate);
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, payload.getData());
            insert.setObject(9, metaData.getData());
            insert.setString(10, hash);
            insert.addBatch();
        }
        return insert;
    }

    private static String previousHash(Connection connection, EventSchema schema, String aggregate, long sequence)
            throws SQLException {
        if (aggregate == null || sequence == 0) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + CHAIN_COLUMN + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, aggregate);
            select.setLong(2, sequence - 1);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The chain's hash function, shared by appending and verifying. */
    public static final class EventChain {
        private EventChain() {}

        public static String hash(String previous, String eventId, String aggregate, long sequence, String type,
                                  String timestamp, String payloadType, String revision, byte[] payload,
                                  byte[] metaData) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (String field : new String[] {previous, eventId, aggregate, Long.toString(sequence), type,
                        timestamp, payloadType, revision}) {
                    feed(sha, field == null ? null : field.getBytes(StandardCharsets.UTF_8));
                }
                feed(sha, payload);
                feed(sha, metaData);
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Length-prefixed, so that no two different field lists hash the same bytes. */
        private static void feed(MessageDigest sha, byte[] bytes) {
            sha.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                sha.update(bytes);
            }
        }
    }
}
