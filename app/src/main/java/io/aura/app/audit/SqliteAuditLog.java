package io.aura.app.audit;

import io.aura.app.privacy.PersonalDataCipher;
import io.aura.app.storage.ChainedAppendStatement;
import io.aura.app.storage.ChainedAppendStatement.EventChain;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.audit.AuditLog.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the SQLite event store directly, through its own read-only connection: WAL lets it read
 * a consistent snapshot while commands keep writing through the pool's single connection.
 */
@Component
@ConditionalOnProperty(name = "aura.storage", havingValue = "embedded", matchIfMissing = true)
public class SqliteAuditLog implements AuditLog {
    private static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "timeStamp, payloadType, payloadRevision, payload, metaData, " + ChainedAppendStatement.CHAIN_COLUMN;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final String url;
    private final JsonMapper json = JsonMapper.builder().build();

    private final PersonalDataCipher personalData;

    public SqliteAuditLog(@Value("${aura.data-dir}") String dataDir, PersonalDataCipher personalData) {
        this.personalData = personalData;
        this.url = "jdbc:sqlite:file:" + Path.of(dataDir).toAbsolutePath().resolve("axon.db") + "?mode=ro";
    }

    @Override
    public List<Entry> read(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ?");
        List<Object> args = new ArrayList<>(List.of(f.afterIndex()));
        if (f.aggregateId() != null) {
            sql.append(" AND aggregateIdentifier = ?");
            args.add(f.aggregateId());
        }
        if (f.afterSequence() >= 0) {
            sql.append(" AND sequenceNumber > ?");
            args.add(f.afterSequence());
        }
        if (f.type() != null) {
            sql.append(" AND (payloadType = ? OR payloadType LIKE ?)");
            args.add(f.type());
            args.add("%$" + f.type());
        }
        if (f.from() != null) {
            sql.append(" AND timeStamp >= ?");
            args.add(f.from().toString());
        }
        if (f.to() != null) {
            sql.append(" AND timeStamp < ?");
            args.add(f.to().toString());
        }
        if (f.actor() != null) {
            sql.append(" AND CAST(metaData AS TEXT) LIKE ?");
            args.add("%\"actor\":\"" + f.actor().replace("\"", "") + "\"%");
        }
        sql.append(" ORDER BY globalIndex LIMIT ?");
        args.add(f.limit());
        List<Entry> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> meta = json.readValue(rs.getBytes("metaData"), MAP);
                    String payloadType = rs.getString("payloadType");
                    out.add(new Entry(rs.getLong("globalIndex"), rs.getString("aggregateIdentifier"), rs.getString("type"),
                            rs.getLong("sequenceNumber"), payloadType.substring(payloadType.lastIndexOf('$') + 1),
                            Instant.parse(rs.getString("timeStamp")), String.valueOf(meta.getOrDefault("actor", "system")),
                            personalData.revealed(json.readValue(rs.getBytes("payload"), MAP))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
        return out;
    }

    @Override
    public Verification verify(String aggregateId) {
        String sql = "SELECT " + COLUMNS + " FROM DomainEventEntry"
                + (aggregateId == null ? "" : " WHERE aggregateIdentifier = ?")
                + " ORDER BY aggregateIdentifier, sequenceNumber";
        long checked = 0;
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(sql)) {
            if (aggregateId != null) {
                st.setString(1, aggregateId);
            }
            try (ResultSet rs = st.executeQuery()) {
                String aggregate = null;
                String previousHash = null;
                long expectedSequence = 0;
                long previousIndex = -1;
                while (rs.next()) {
                    checked++;
                    long index = rs.getLong("globalIndex");
                    String id = rs.getString("aggregateIdentifier");
                    long sequence = rs.getLong("sequenceNumber");
                    if (!id.equals(aggregate)) {
                        aggregate = id;
                        previousHash = null;
                        expectedSequence = 0;
                        previousIndex = -1;
                    }
                    if (sequence != expectedSequence) {
                        return broken(checked, index, id, sequence, Kind.MISSING_EVENT,
                                "event " + expectedSequence + " of this aggregate is missing");
                    }
                    if (index <= previousIndex) {
                        return broken(checked, index, id, sequence, Kind.OUT_OF_ORDER, "stored out of order");
                    }
                    String hash = EventChain.hash(previousHash, rs.getString("eventIdentifier"), id, sequence,
                            rs.getString("type"), rs.getString("timeStamp"), rs.getString("payloadType"),
                            rs.getString("payloadRevision"), rs.getBytes("payload"), rs.getBytes("metaData"));
                    if (!hash.equals(rs.getString(ChainedAppendStatement.CHAIN_COLUMN))) {
                        return broken(checked, index, id, sequence, Kind.ALTERED,
                                "altered, or the chain before it was");
                    }
                    previousHash = hash;
                    previousIndex = index;
                    expectedSequence++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
        return new Verification(true, checked, null);
    }

    @Override
    public Digest digest(long headIndex) {
        try (Connection c = DriverManager.getConnection(url)) {
            long head = headIndex;
            if (head < 0) {
                try (PreparedStatement max = c.prepareStatement("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry");
                     ResultSet rs = max.executeQuery()) {
                    head = rs.next() ? rs.getLong(1) : 0;
                }
            }
            ChainDigest digest = new ChainDigest();
            try (PreparedStatement st = c.prepareStatement("SELECT globalIndex, " + ChainedAppendStatement.CHAIN_COLUMN
                    + " FROM DomainEventEntry WHERE globalIndex <= ? ORDER BY globalIndex")) {
                st.setLong(1, head);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        digest.add(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return digest.finish(head);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private static Verification broken(long checked, long index, String aggregate, long sequence, Kind kind,
                                       String reason) {
        return new Verification(false, checked, new Break(index, aggregate, sequence, reason, kind));
    }
}
