package io.aura.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;

/**
 * Axon's event tables with the audit chain's column (ADR 0012), made with {@code IF NOT EXISTS} so every node may
 * create them at start; one column list, two dialects. Neither dialect is expressible with Axon's generic
 * factories:
 * <ul>
 *   <li>SQLite: {@code INTEGER PRIMARY KEY AUTOINCREMENT} makes the global index the row id, gap-free with one
 *       writer and never reused;</li>
 *   <li>PostgreSQL: the global index is a sequence ({@code BIGSERIAL}); with several writers it has gaps, which
 *       Axon's gap-aware tokens wait for and then skip.</li>
 * </ul>
 */
final class EventTables implements EventTableFactory {
    static final EventTables SQLITE = new EventTables("INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB");
    static final EventTables POSTGRES = new EventTables("BIGSERIAL PRIMARY KEY", "BYTEA");

    private final String globalIndexType;
    private final String bytesType;

    private EventTables(String globalIndexType, String bytesType) {
        this.globalIndexType = globalIndexType;
        this.bytesType = bytesType;
    }

    @Override
    public PreparedStatement createDomainEventTable(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement("CREATE TABLE IF NOT EXISTS " + schema.domainEventTable() + " ("
                + schema.globalIndexColumn() + " " + globalIndexType + ", "
                + schema.aggregateIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.sequenceNumberColumn() + " BIGINT NOT NULL, "
                + schema.typeColumn() + " VARCHAR(255), "
                + eventColumns(schema)
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
                + eventColumns(schema)
                + "PRIMARY KEY (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + "), "
                + "UNIQUE (" + schema.eventIdentifierColumn() + "))");
    }

    /** The columns after the type, the same in both tables. */
    private String eventColumns(EventSchema schema) {
        return schema.eventIdentifierColumn() + " VARCHAR(255) NOT NULL, "
                + schema.metaDataColumn() + " " + bytesType + ", "
                + schema.payloadColumn() + " " + bytesType + " NOT NULL, "
                + schema.payloadRevisionColumn() + " VARCHAR(255), "
                + schema.payloadTypeColumn() + " VARCHAR(255) NOT NULL, "
                + schema.timestampColumn() + " VARCHAR(255) NOT NULL, ";
    }

    /** Axon's generic saga DDL says AUTO_INCREMENT, which SQLite does not know; same columns, SQLite syntax. */
    static String[] sqliteSagaTables() {
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
