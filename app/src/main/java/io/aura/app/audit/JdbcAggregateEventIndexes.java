package io.aura.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The global indexes of one aggregate's events in Axon's JDBC event table: the table's unique
 * (aggregate, sequence) index serves the lookup, so it reads the aggregate's rows only. Used on the
 * {@code postgres} profile (the embedded default's SQL audit log reads the table itself).
 */
@Component
@ConditionalOnProperty(name = "aura.storage", havingValue = "postgres")
public final class JdbcAggregateEventIndexes implements AggregateEventIndexes {
    private final DataSource dataSource;
    private final String sql;

    public JdbcAggregateEventIndexes(DataSource dataSource, EventSchema schema) {
        this.dataSource = dataSource;
        this.sql = "SELECT " + schema.eventIdentifierColumn() + ", " + schema.globalIndexColumn() + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
    }

    @Override
    public Map<String, Long> of(String aggregateId) {
        Map<String, Long> indexes = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, aggregateId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
        return indexes;
    }
}
