package io.aura.query.booking;

import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.query.store.SqlViewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Blackouts and linked-Outlook busy times in SQL, beside the event store (ADR 0021): one table of
 * closed times, a row per blackout or busy time keyed by its source and id, read through an index on
 * (resource, start). An overlap query bounds the start from below by the longest closed time ever
 * stored, so it reads only the rows near its window, however long the history.
 *
 * <p>Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}, and during a batch they see what
 * the batch holds back. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class SqlClosedTimeViewStore extends SqlViewStore<SqlClosedTimeViewStore.Row> implements ClosedTimeViewStore {
    private static final String COLUMNS = "source, id, resource_id, start_at, end_at, reason, recurrence";
    private static final String OVERLAPPING = "start_at < ? AND end_at > ? "
            + "AND start_at > ? - (SELECT longest FROM closed_time_span WHERE id = 1)";

    /** One stored closed time; a batch keeps it under {@link #key()} (null there: removed). */
    record Row(Conflict.Source source, String id, String resourceId, Instant start, Instant end, String reason,
               String recurrence) {
        String key() {
            return key(source, id);
        }

        BlackoutView blackout() {
            return new BlackoutView(id, resourceId, start, end, reason, recurrence);
        }

        static String key(Conflict.Source source, String id) {
            return source + "|" + id;
        }

        boolean matches(Conflict.Source wanted, Instant from, Instant to, String resource) {
            return (wanted == null || source == wanted) && (resource == null || resourceId.equals(resource))
                    && start.isBefore(to) && end.isAfter(from);
        }

        ClosedTime closedTime() {
            return new ClosedTime(resourceId, start, end, source, reason);
        }

        BusyTime busyTime() {
            return new BusyTime(id, resourceId, start, end);
        }
    }


    public SqlClosedTimeViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlClosedTimeViewStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS closed_time (source VARCHAR(16) NOT NULL, id VARCHAR(400) NOT NULL, "
                    + "resource_id VARCHAR(100) NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, reason TEXT, "
                    + "recurrence TEXT, PRIMARY KEY (source, id))");
            // added with repeating blackouts (issue 19): a table made before gains the column, empty
            boolean hasRecurrence = Boolean.TRUE.equals(writer.query("SELECT * FROM closed_time WHERE 1 = 0", rs -> {
                var meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    if ("recurrence".equalsIgnoreCase(meta.getColumnName(c))) {
                        return true;
                    }
                }
                return false;
            }));
            if (!hasRecurrence) {
                writer.execute("ALTER TABLE closed_time ADD COLUMN recurrence TEXT");
            }
            writer.execute("CREATE INDEX IF NOT EXISTS closed_time_resource ON closed_time (resource_id, start_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS closed_time_start ON closed_time (start_at)");
            // the longest closed time ever stored: how far before a window an overlapping one can start
            writer.execute("CREATE TABLE IF NOT EXISTS closed_time_span (id INTEGER PRIMARY KEY, longest BIGINT NOT NULL)");
            writer.update("INSERT INTO closed_time_span (id, longest) VALUES (1, 0) ON CONFLICT (id) DO NOTHING");
        });
        return this;
    }

    @Override
    public Optional<BlackoutView> findBlackout(String blackoutId) {
        String key = Row.key(Conflict.Source.BLACKOUT, blackoutId);
        Map<String, Row> batch = pending.peek();
        Optional<Row> row;
        if (batch != null && batch.containsKey(key)) {
            row = Optional.ofNullable(batch.get(key));
        } else {
            row = reader.query("SELECT " + COLUMNS + " FROM closed_time WHERE source = ? AND id = ?",
                    SqlClosedTimeViewStore::row, Conflict.Source.BLACKOUT.name(), blackoutId).stream().findFirst();
        }
        return row.map(Row::blackout);
    }

    @Override
    public void saveBlackout(BlackoutView b) {
        hold(List.of(new Row(Conflict.Source.BLACKOUT, b.blackoutId(), b.resourceId(), b.start(), b.end(), b.reason(),
                b.recurrence())), List.of());
    }

    @Override
    public void removeBlackout(String blackoutId) {
        hold(List.of(), List.of(Row.key(Conflict.Source.BLACKOUT, blackoutId)));
    }

    @Override
    public List<BlackoutView> blackoutsOf(String resourceId) {
        return reader.query("SELECT " + COLUMNS + " FROM closed_time WHERE resource_id = ? AND source = ? "
                        + "ORDER BY start_at, id", SqlClosedTimeViewStore::row, resourceId,
                        Conflict.Source.BLACKOUT.name()).stream()
                .filter(r -> !ClosedTimeFold.isLaterDate(r.id())).map(Row::blackout).toList();
    }

    @Override
    public List<BusyTime> busyBetween(String resourceId, Instant from, Instant to) {
        return overlapping(Conflict.Source.EXTERNAL, from, to, resourceId).stream().map(Row::busyTime).toList();
    }

    @Override
    public List<BusyTime> busyOf(String resourceId) {
        Map<String, Row> rows = new LinkedHashMap<>();
        reader.query("SELECT " + COLUMNS + " FROM closed_time WHERE resource_id = ? AND source = ?",
                SqlClosedTimeViewStore::row, resourceId, Conflict.Source.EXTERNAL.name()).forEach(r -> rows.put(r.key(), r));
        Map<String, Row> batch = pending.peek();
        if (batch != null) {
            batch.forEach((key, r) -> {
                if (r != null && r.source() == Conflict.Source.EXTERNAL && r.resourceId().equals(resourceId)) {
                    rows.put(key, r);
                } else {
                    rows.remove(key);
                }
            });
        }
        return rows.values().stream().map(Row::busyTime).toList();
    }

    @Override
    public void changeBusy(ClosedTimeFold.BusyChanges changes) {
        hold(changes.added().stream().map(b -> new Row(Conflict.Source.EXTERNAL, b.id(), b.resourceId(), b.start(),
                b.end(), null, null)).toList(), changes.removed().stream()
                .map(b -> Row.key(Conflict.Source.EXTERNAL, b.id())).toList());
    }

    @Override
    public List<ClosedTime> closedBetween(Instant from, Instant to, String resourceId) {
        List<ClosedTime> out = new ArrayList<>(overlapping(null, from, to, resourceId).stream().map(Row::closedTime)
                .toList());
        out.sort(ORDER);
        return out;
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM closed_time");
            writer.update("UPDATE closed_time_span SET longest = 0 WHERE id = 1");
        });
    }

    /** The rows of {@code source} (null: any) overlapping the window, as committed and then as this batch changed them. */
    private List<Row> overlapping(Conflict.Source source, Instant from, Instant to, String resourceId) {
        long fromMillis = from.toEpochMilli();
        List<Object> args = new ArrayList<>(List.of(to.toEpochMilli(), fromMillis, fromMillis));
        String sql = "SELECT " + COLUMNS + " FROM closed_time WHERE ";
        if (resourceId != null) {
            sql += "resource_id = ? AND ";
            args.add(0, resourceId);
        }
        sql += OVERLAPPING;
        if (source != null) {
            sql += " AND source = ?";
            args.add(source.name());
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        reader.query(sql, SqlClosedTimeViewStore::row, args.toArray()).forEach(r -> rows.put(r.key(), r));
        Map<String, Row> batch = pending.peek();
        if (batch != null) {
            batch.forEach((key, r) -> {
                if (r != null && r.matches(source, from, to, resourceId)) {
                    rows.put(key, r);
                } else {
                    rows.remove(key);
                }
            });
        }
        return new ArrayList<>(rows.values());
    }

    /** Removes {@code removed} (keys), then keeps {@code kept}: in this thread's batch, or at once outside one. */
    private void hold(List<Row> kept, List<String> removed) {
        Map<String, Row> batch = pending.open();
        Map<String, Row> changes = batch == null ? new LinkedHashMap<>() : batch;
        removed.forEach(key -> changes.put(key, null));
        kept.forEach(r -> changes.put(r.key(), r));
        if (batch == null && !changes.isEmpty()) {
            write(changes);
        }
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(Conflict.Source.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7));
    }

    /** Deletes the removed rows and upserts the kept ones, in one transaction (the caller's when it has one). */
    private void write(Map<String, Row> changes) {
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> upserts = new ArrayList<>();
        long longest = 0;
        for (Map.Entry<String, Row> change : changes.entrySet()) {
            Row r = change.getValue();
            if (r == null) {
                int bar = change.getKey().indexOf('|');
                deletes.add(new Object[] {change.getKey().substring(0, bar), change.getKey().substring(bar + 1)});
            } else {
                long start = r.start().toEpochMilli();
                long end = r.end().toEpochMilli();
                upserts.add(new Object[] {r.source().name(), r.id(), r.resourceId(), start, end, r.reason(),
                        r.recurrence()});
                longest = Math.max(longest, end - start);
            }
        }
        long longestSpan = longest;
        transaction.executeWithoutResult(s -> {
            if (!deletes.isEmpty()) {
                writer.batchUpdate("DELETE FROM closed_time WHERE source = ? AND id = ?", deletes);
            }
            if (!upserts.isEmpty()) {
                writer.batchUpdate("INSERT INTO closed_time (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (source, id) DO UPDATE SET resource_id = excluded.resource_id, "
                        + "start_at = excluded.start_at, end_at = excluded.end_at, reason = excluded.reason, "
                        + "recurrence = excluded.recurrence", upserts);
                writer.update("UPDATE closed_time_span SET longest = ? WHERE id = 1 AND longest < ?", longestSpan,
                        longestSpan);
            }
        });
    }

    @Override
    protected void writeBatch(java.util.Map<String, Row> batch) {
        write(batch);
    }
}
