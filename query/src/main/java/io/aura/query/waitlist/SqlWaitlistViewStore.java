package io.aura.query.waitlist;

import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import io.aura.query.store.SqlViewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Waitlist entries in SQL, beside the event store (ADR 0021, 0036): a row per entry, indexed by owner and
 * by resource. Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}, with the batch's own rows seen first.
 */
public final class SqlWaitlistViewStore extends SqlViewStore<WaitlistEntryView> implements WaitlistViewStore {
    private static final String COLUMNS =
            "entry_id, resource_id, seq, start_at, end_at, title, attendees, owner_name, status, booking_id";
    private static final Comparator<WaitlistEntryView> ORDER = Comparator.comparingLong(WaitlistEntryView::sequence)
            .thenComparing(WaitlistEntryView::resourceId);

    public SqlWaitlistViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the table and its indexes when they are missing. */
    public SqlWaitlistViewStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS waitlist_entry (entry_id VARCHAR(100) PRIMARY KEY, "
                    + "resource_id VARCHAR(100) NOT NULL, seq BIGINT NOT NULL, start_at BIGINT NOT NULL, "
                    + "end_at BIGINT NOT NULL, title TEXT NOT NULL, attendees INTEGER NOT NULL, "
                    + "owner_name VARCHAR(200) NOT NULL, status VARCHAR(20) NOT NULL, booking_id VARCHAR(100))");
            writer.execute("CREATE INDEX IF NOT EXISTS waitlist_entry_owner ON waitlist_entry (owner_name, seq)");
            writer.execute("CREATE INDEX IF NOT EXISTS waitlist_entry_resource ON waitlist_entry (resource_id, status, seq)");
        });
        return this;
    }

    @Override
    public Optional<WaitlistEntryView> find(String entryId) {
        Map<String, WaitlistEntryView> batch = pending.peek();
        if (batch != null && batch.containsKey(entryId)) {
            return Optional.ofNullable(batch.get(entryId));
        }
        return reader.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE entry_id = ?", SqlWaitlistViewStore::row,
                entryId).stream().findFirst();
    }

    @Override
    public List<WaitlistEntryView> ofOwner(String owner) {
        return withBatch(reader.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE owner_name = ? ORDER BY seq",
                SqlWaitlistViewStore::row, owner), v -> v.owner().equals(owner));
    }

    @Override
    public List<WaitlistEntryView> openOf(String resourceId) {
        return withBatch(reader.query("SELECT " + COLUMNS + " FROM waitlist_entry WHERE resource_id = ? "
                        + "AND status IN ('WAITING', 'PROMOTED') ORDER BY seq", SqlWaitlistViewStore::row, resourceId),
                v -> v.resourceId().equals(resourceId) && v.status().isOpen());
    }

    /** What the database holds, with this batch's rows in their place (new, changed or no longer matching). */
    private List<WaitlistEntryView> withBatch(List<WaitlistEntryView> stored, Predicate<WaitlistEntryView> matches) {
        Map<String, WaitlistEntryView> batch = pending.peek();
        if (batch == null || batch.isEmpty()) {
            return stored;
        }
        Map<String, WaitlistEntryView> out = new LinkedHashMap<>();
        stored.stream().filter(v -> !batch.containsKey(v.entryId())).forEach(v -> out.put(v.entryId(), v));
        batch.values().stream().filter(matches).forEach(v -> out.put(v.entryId(), v));
        return out.values().stream().sorted(ORDER).toList();
    }

    @Override
    public void save(WaitlistEntryView view) {
        Map<String, WaitlistEntryView> batch = pending.open();
        if (batch == null) {
            write(List.of(view));
        } else {
            batch.put(view.entryId(), view);
        }
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM waitlist_entry"));
    }

    @Override
    protected void writeBatch(Map<String, WaitlistEntryView> batch) {
        write(batch.values());
    }

    private void write(Collection<WaitlistEntryView> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        for (WaitlistEntryView v : views) {
            rows.add(new Object[] {v.entryId(), v.resourceId(), v.sequence(), v.start().toEpochMilli(),
                v.end().toEpochMilli(), v.title(), v.attendees(), v.owner(), v.status().name(), v.bookingId()});
        }
        transaction.executeWithoutResult(s -> writer.batchUpdate("INSERT INTO waitlist_entry (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET "
                + "title = excluded.title, status = excluded.status, booking_id = excluded.booking_id", rows));
    }

    private static WaitlistEntryView row(ResultSet rs, int n) throws SQLException {
        return new WaitlistEntryView(rs.getString("entry_id"), rs.getString("resource_id"), rs.getLong("seq"),
                Instant.ofEpochMilli(rs.getLong("start_at")), Instant.ofEpochMilli(rs.getLong("end_at")),
                rs.getString("title"), rs.getInt("attendees"), rs.getString("owner_name"),
                WaitlistEntryStatus.valueOf(rs.getString("status")), 0, rs.getString("booking_id"));
    }
}
