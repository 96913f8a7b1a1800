package io.aura.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;

/**
 * The event tables in SQLite's own terms. {@code INTEGER PRIMARY KEY AUTOINCREMENT} makes the
 * global index the row id: gap-free with one writer and never reused, which Axon's generic
 * factories cannot express.
 */
final class SqliteEventTableFactory implements EventTableFactory {

    @Override
    public PreparedStatement createDomainEventTable(Connection connection, EventSchema schema) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS " + schema.domainEventTable() + " ("
                + schema.globalIndexColumn() + " INTEGER PRIMARY KEY AUTOINCREMENT, "
                + schema.aggregateIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.sequenceNumberColumn() + " BIGINT NOT NULL, "
                + schema.typeColumn() + " VARCHAR(255), "
                + schema.eventIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.metaDataColumn() + " BLOB, "
                + schema.payloadColumn() + " BLOB NOT NULL, "
                + schema.payloadRevisionColumn() + " VARCHAR(255), "
                + schema.payloadTypeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.timestampColumn() + " VARCHAR(255) NOT NULL, "
                + ChainedAppendStatement.CHAIN_COLUMN + " CHAR(64), "
                + "UNIQUE (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + "), "
                + "UNIQUE (" + schema.eventIdentifierColumn() + "))";
        return connection.prepareStatement(sql);
    }

    @Override
    public PreparedStatement createSnapshotEventTable(Connection connection, EventSchema schema) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS " + schema.snapshotTable() + " ("
                + schema.aggregateIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.sequenceNumberColumn() + " BIGINT NOT NULL, "
                + schema.typeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.eventIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.metaDataColumn() + " BLOB, "
                + schema.payloadColumn() + " BLOB NOT NULL, "
                + schema.payloadRevisionColumn() + " VARCHAR(255), "
                + schema.payloadTypeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.timestampColumn() + " VARCHAR(255) NOT NULL, "
                + "PRIMARY KEY (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + "), "
                + "UNIQUE (" + schema.eventIdentifierColumn() + "))";
        return connection.prepareStatement(sql);
    }

    /** Axon's generic saga DDL says AUTO_INCREMENT, which SQLite does not know; same columns, SQLite syntax. */
    static String[] sagaTables() {
        return new String[] {
            "CREATE TABLE IF NOT EXISTS SagaEntry (sagaId VARCHAR(255) NOT NULL PRIMARY KEY, revision VARCHAR(255),"
                    + " sagaType VARCHAR(255), serializedSaga BLOB)",
            "CREATE TABLE IF NOT EXISTS AssociationValueEntry (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " associationKey VARCHAR(255), associationValue VARCHAR(255), sagaType VARCHAR(255),"
                    + " sagaId VARCHAR(255))",
            "CREATE INDEX IF NOT EXISTS AssociationValueEntry_lookup ON AssociationValueEntry"
                    + " (sagaType, associationKey, associationValue)",
            "CREATE INDEX IF NOT EXISTS AssociationValueEntry_saga ON AssociationValueEntry (sagaId, sagaType)"
        };
    }
}
