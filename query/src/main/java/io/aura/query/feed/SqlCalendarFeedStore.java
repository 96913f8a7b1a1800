package io.aura.query.feed;

import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;
import io.aura.query.store.SqlViewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Calendar feeds in SQL, beside the event store (ADR 0021, 0032): a row per owner, the secret's hash
 * unique and indexed. Writes go through the writing data source, in the transaction of the processor
 * batch that computed them (with its token); reads through {@code reader}. Plain SQL that SQLite and
 * PostgreSQL both run.
 */
public final class SqlCalendarFeedStore extends SqlViewStore<CalendarFeedView> implements CalendarFeedStore {
    private static final String COLUMNS = "owner_id, nonce, secret_hash, revision";

    public SqlCalendarFeedStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the table and its index when they are missing. */
    public SqlCalendarFeedStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS calendar_feed (owner_id VARCHAR(200) PRIMARY KEY, "
                    + "nonce VARCHAR(100) NOT NULL, secret_hash VARCHAR(64) NOT NULL, revision BIGINT NOT NULL)");
            writer.execute("CREATE UNIQUE INDEX IF NOT EXISTS calendar_feed_secret ON calendar_feed (secret_hash)");
        });
        return this;
    }

    @Override
    public Optional<CalendarFeedView> ofOwner(String ownerId) {
        Map<String, CalendarFeedView> batch = pending.peek();
        if (batch != null && batch.containsKey(ownerId)) {
            return Optional.ofNullable(batch.get(ownerId));
        }
        return reader.query("SELECT " + COLUMNS + " FROM calendar_feed WHERE owner_id = ?",
                SqlCalendarFeedStore::row, ownerId).stream().findFirst();
    }

    @Override
    public Optional<CalendarFeedView> bySecretHash(String secretHash) {
        Map<String, CalendarFeedView> batch = pending.peek();
        if (batch != null) {
            for (CalendarFeedView held : batch.values()) {
                if (held != null && held.secretHash().equals(secretHash)) {
                    return Optional.of(held);
                }
            }
        }
        return reader.query("SELECT " + COLUMNS + " FROM calendar_feed WHERE secret_hash = ?",
                SqlCalendarFeedStore::row, secretHash).stream()
                .filter(v -> batch == null || !batch.containsKey(v.ownerId())) // replaced within this batch
                .findFirst();
    }

    @Override
    public void save(CalendarFeedView view) {
        Map<String, CalendarFeedView> batch = pending.open();
        if (batch == null) {
            write(List.of(view));
        } else {
            batch.put(view.ownerId(), view);
        }
    }

    /** Within a batch a null under the owner says "forgotten in this batch" (see {@link #write}). */
    @Override
    public void forget(String ownerId) {
        Map<String, CalendarFeedView> batch = pending.open();
        if (batch == null) {
            transaction.executeWithoutResult(s -> writer.update("DELETE FROM calendar_feed WHERE owner_id = ?",
                    ownerId));
        } else {
            batch.put(ownerId, null);
        }
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM calendar_feed"));
    }

    @Override
    protected void writeBatch(Map<String, CalendarFeedView> batch) {
        List<Object[]> forgotten = new ArrayList<>();
        batch.forEach((owner, view) -> {
            if (view == null) {
                forgotten.add(new Object[] {owner});
            }
        });
        transaction.executeWithoutResult(s -> {
            if (!forgotten.isEmpty()) {
                writer.batchUpdate("DELETE FROM calendar_feed WHERE owner_id = ?", forgotten);
            }
            write(batch.values().stream().filter(java.util.Objects::nonNull).toList());
        });
    }

    /** Upserts the feeds in one transaction (the caller's when it has one). */
    private void write(Collection<CalendarFeedView> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        for (CalendarFeedView v : views) {
            rows.add(new Object[] {v.ownerId(), v.nonce(), v.secretHash(), v.revision()});
        }
        transaction.executeWithoutResult(s -> writer.batchUpdate("INSERT INTO calendar_feed (" + COLUMNS
                + ") VALUES (?, ?, ?, ?) ON CONFLICT (owner_id) DO UPDATE SET nonce = excluded.nonce, "
                + "secret_hash = excluded.secret_hash, revision = excluded.revision", rows));
    }

    private static CalendarFeedView row(ResultSet rs, int n) throws SQLException {
        return new CalendarFeedView(rs.getString("owner_id"), rs.getString("nonce"), rs.getString("secret_hash"),
                rs.getLong("revision"));
    }
}
