package io.aura.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;

/**
 * The event tables in PostgreSQL's terms, with the audit chain's column (ADR 0012) and {@code IF NOT EXISTS}, so
 * that every node may create them at start. The global index is a sequence: with several writers it has gaps,
 * which Axon's gap-aware tokens wait for and then skip.
 */
final class PostgresEventTables implements EventTableFactory {

    @Override
    public PreparedStatement createDomainEventTable(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement("CREATE TABLE IF NOT EXISTS " + schema.domainEventTable() + " ("
                + schema.globalIndexColumn() + " BIGSERIAL PRIMARY KEY, "
                + schema.aggregateIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.sequenceNumberColumn() + " BIGINT NOT NULL, "
                + schema.typeColumn() + " VARCHAR(255), "
                + schema.eventIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.metaDataColumn() + " BYTEA, "
                + schema.payloadColumn() + " BYTEA NOT NULL, "
                + schema.payloadRevisionColumn() + " VARCHAR(255), "
                + schema.payloadTypeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.timestampColumn() + " VARCHAR(255) NOT NULL, "
                + ChainedAppendStatement.CHAIN_COLUMN + " CHAR(64), "
                + "UNIQUE (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + "), "
                + "UNIQUE (" + schema.eventIdentifierColumn() + "))");
    }

    @Override
    public PreparedStatement createSnapshotEventTable(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement("CREATE TABLE IF NOT EXISTS " + schema.snapshotTable() + " ("
                + schema.aggregateIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.sequenceNumberColumn() + " BIGINT NOT NULL, "
                + schema.typeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.eventIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.metaDataColumn() + " BYTEA, "
                + schema.payloadColumn() + " BYTEA NOT NULL, "
                + schema.payloadRevisionColumn() + " VARCHAR(255), "
                + schema.payloadTypeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.timestampColumn() + " VARCHAR(255) NOT NULL, "
                + "PRIMARY KEY (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + "), "
                + "UNIQUE (" + schema.eventIdentifierColumn() + "))");
    }
}
