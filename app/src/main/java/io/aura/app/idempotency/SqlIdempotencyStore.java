package io.aura.app.idempotency;

import io.aura.query.store.SqlColumns;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys in SQL, in the event store's database. A claim is one {@code INSERT ... ON
 * CONFLICT DO NOTHING} (the primary key decides between racing claims); a key found taken was
 * committed by its claim, so the earlier entry is then read through {@code reader}. The answer's
 * body is kept as JSON written with the application's mapper, so a repeated answer is the first
 * one's JSON again.
 */
public final class SqlIdempotencyStore implements IdempotencyStore {
    private static final TypeReference<Map<String, Object>> BODY = new TypeReference<>() {};

    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public SqlIdempotencyStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions,
                               JsonMapper json) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** Creates the table when it is missing. */
    public SqlIdempotencyStore createSchema() {
        transaction.executeWithoutResult(s -> writer.execute("CREATE TABLE IF NOT EXISTS idempotency_key ("
                + "id VARCHAR(500) PRIMARY KEY, booking_id VARCHAR(100) NOT NULL, http_status INTEGER, body TEXT, "
                + "fingerprint VARCHAR(64))"));
        // a table created before fingerprints were kept gets the column
        SqlColumns.addIfMissing(reader, writer, transaction, "idempotency_key", "fingerprint", "VARCHAR(64)");
        return this;
    }

    @Override
    public Optional<Entry> claim(String caller, String key, String bookingId, String fingerprint) {
        String id = IdempotencyStore.id(caller, key);
        Integer inserted = transaction.execute(s -> writer.update("INSERT INTO idempotency_key (id, booking_id, "
                + "fingerprint) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING", id, bookingId, fingerprint));
        if (inserted != null && inserted == 1) {
            return Optional.empty();
        }
        return reader.query("SELECT booking_id, http_status, body, fingerprint FROM idempotency_key WHERE id = ?",
                (rs, i) -> {
            int status = rs.getInt(2);
            Integer httpStatus = rs.wasNull() ? null : status;
            String body = rs.getString(3);
            return new Entry(id, rs.getString(1), httpStatus, body == null ? null : json.readValue(body, BODY),
                    rs.getString(4));
        }, id).stream().findFirst();
    }

    @Override
    public void forgetCaller(String caller) {
        String prefix = IdempotencyStore.id(caller, "").replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM idempotency_key WHERE id LIKE ? ESCAPE '\\'",
                prefix + "%"));
    }

    @Override
    public void answer(String caller, String key, int httpStatus, Map<String, Object> body) {
        String doc = json.writeValueAsString(body);
        transaction.executeWithoutResult(s -> writer.update("UPDATE idempotency_key SET http_status = ?, body = ? "
                + "WHERE id = ?", httpStatus, doc, IdempotencyStore.id(caller, key)));
    }
}
