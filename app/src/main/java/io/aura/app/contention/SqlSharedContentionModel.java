package io.aura.app.contention;

import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared contention model in SQL that SQLite and PostgreSQL both run (ADR 0055): the latest version in
 * {@code contention_model} (the network as Base64 text, a few kilobytes; the outcome, evaluation and verdict as JSON
 * written with the application's mapper), the lease in one row of {@code contention_model_lease}, taken by an upsert
 * whose condition (expired, or held by the same node) the database checks under the row's lock.
 */
public final class SqlSharedContentionModel implements SharedContentionModel {
    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    public SqlSharedContentionModel(DataSource writer, DataSource reader, PlatformTransactionManager transactions,
                                    JsonMapper json) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** Creates the tables when they are missing. */
    public SqlSharedContentionModel createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS contention_model (version BIGINT PRIMARY KEY, "
                    + "trained_at BIGINT NOT NULL, trained_by VARCHAR(200) NOT NULL, network TEXT, training TEXT, "
                    + "evaluation TEXT, verdict TEXT)");
            writer.execute("CREATE TABLE IF NOT EXISTS contention_model_lease (id INTEGER PRIMARY KEY, "
                    + "holder VARCHAR(200) NOT NULL, expires_at BIGINT NOT NULL)");
        });
        return this;
    }

    @Override
    public long version() {
        Long version = reader.queryForObject("SELECT MAX(version) FROM contention_model", Long.class);
        return version == null ? 0 : version;
    }

    @Override
    public Optional<StoredModel> latest() {
        return reader.query("SELECT version, trained_at, trained_by, network, training, evaluation, verdict "
                + "FROM contention_model ORDER BY version DESC LIMIT 1", (rs, i) -> {
            String network = rs.getString(4);
            return new StoredModel(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                    network == null ? null : Base64.getDecoder().decode(network),
                    read(rs.getString(5), Training.class), read(rs.getString(6), Evaluation.class),
                    read(rs.getString(7), Verdict.class));
        }).stream().findFirst();
    }

    @Override
    public StoredModel save(Instant trainedAt, String trainedBy, byte[] network, Training training,
                           Evaluation evaluation, Verdict verdict) {
        SharedContentionModel.refuseInUseWithoutNetwork(network, verdict);
        String encoded = network == null ? null : Base64.getEncoder().encodeToString(network);
        for (int attempt = 0; ; attempt++) {
            try {
                long version = transaction.execute(s -> {
                    Long latest = writer.queryForObject("SELECT MAX(version) FROM contention_model", Long.class);
                    long next = (latest == null ? 0 : latest) + 1;
                    writer.update("INSERT INTO contention_model (version, trained_at, trained_by, network, training, "
                                    + "evaluation, verdict) VALUES (?, ?, ?, ?, ?, ?, ?)", next, trainedAt.toEpochMilli(),
                            trainedBy, encoded, write(training), write(evaluation), write(verdict));
                    writer.update("DELETE FROM contention_model WHERE version < ?", next);
                    return next;
                });
                return new StoredModel(version, trainedAt.truncatedTo(ChronoUnit.MILLIS), trainedBy, network, training, evaluation, verdict);
            } catch (DuplicateKeyException raced) {
                // another node stored a version at the same moment (a forget beside a training): the next number
                if (attempt >= 3) {
                    throw new Busy("other nodes stored the contention model meanwhile; try again");
                }
            }
        }
    }

    @Override
    public boolean lease(String node, Instant now, Duration length) {
        Integer taken = transaction.execute(s -> writer.update("INSERT INTO contention_model_lease (id, holder, "
                + "expires_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, "
                + "expires_at = EXCLUDED.expires_at WHERE contention_model_lease.expires_at < ? "
                + "OR contention_model_lease.holder = ?", node, now.plus(length).toEpochMilli(), now.toEpochMilli(),
                node));
        return taken != null && taken == 1;
    }

    @Override
    public Optional<String> holder(Instant now) {
        return reader.queryForList("SELECT holder FROM contention_model_lease WHERE id = 1 AND expires_at >= ?",
                String.class, now.toEpochMilli()).stream().findFirst();
    }

    @Override
    public void release(String node) {
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM contention_model_lease WHERE id = 1 "
                + "AND holder = ?", node));
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private <T> T read(String text, Class<T> type) {
        return text == null ? null : json.readValue(text, type);
    }
}
