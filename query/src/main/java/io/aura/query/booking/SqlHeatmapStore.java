package io.aura.query.booking;

import io.aura.kernel.schedule.TimeRange;
import io.aura.query.store.SqlViewStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The heatmap in SQL, beside the event store (ADR 0021): {@code heatmap_zone} (a row per resource),
 * {@code heatmap_share} (a row per share, keyed by resource, local day, local hour, kind and slice,
 * so writing one again is an upsert of the same value and a release deletes exactly its row) and
 * {@code heatmap_held} (a row per occurrence a booking holds). A window's totals are summed by the
 * database, per local hour, through a covering index on (local day, resource, hour): the heatmap of
 * every resource over a month reads the index entries of that month only, however long the history.
 * Local dates are stored as days since 1970-01-01.
 *
 * <p>Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}. A batch's own reads of zones and
 * held occurrences see its pending writes first. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class SqlHeatmapStore extends SqlViewStore<SqlHeatmapStore.Write> implements HeatmapStore {

    /** A write held back for the batch, under a key naming what it writes (the last write of a key wins). */
    sealed interface Write permits ZoneWrite, HeldWrite, ShareWrite {}

    private record ZoneWrite(Zone zone) implements Write {}

    private record HeldWrite(Held held) implements Write {}

    /** {@code minutes} null: the share is removed. */
    private record ShareWrite(ShareKey key, Long minutes) implements Write {}

    public SqlHeatmapStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlHeatmapStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS heatmap_zone (resource_id VARCHAR(100) PRIMARY KEY, "
                    + "time_zone VARCHAR(64) NOT NULL, registered_at BIGINT)");
            writer.execute("CREATE TABLE IF NOT EXISTS heatmap_share (resource_id VARCHAR(100) NOT NULL, "
                    + "local_day INTEGER NOT NULL, local_hour INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, "
                    + "share_key VARCHAR(200) NOT NULL, minutes BIGINT NOT NULL, "
                    + "PRIMARY KEY (resource_id, local_day, local_hour, kind, share_key))");
            // covering: a window's totals of every resource are read from this index alone, in group order
            writer.execute("CREATE INDEX IF NOT EXISTS heatmap_share_window ON heatmap_share "
                    + "(local_day, resource_id, local_hour, kind, minutes)");
            writer.execute("CREATE TABLE IF NOT EXISTS heatmap_held (booking_id VARCHAR(100) NOT NULL, "
                    + "resource_id VARCHAR(100) NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, "
                    + "PRIMARY KEY (booking_id, start_at, end_at))");
        });
        return this;
    }

    @Override
    public void saveZone(Zone zone) {
        hold(List.of(new ZoneWrite(zone)));
    }

    @Override
    public Optional<Zone> zone(String resourceId) {
        Map<String, Write> batch = pending.peek();
        if (batch != null && batch.get(zoneKey(resourceId)) instanceof ZoneWrite(Zone zone)) {
            return Optional.of(zone);
        }
        return reader.query("SELECT resource_id, time_zone, registered_at FROM heatmap_zone WHERE resource_id = ?",
                (rs, i) -> zone(rs.getString(1), rs.getString(2), rs.getObject(3)), resourceId).stream().findFirst();
    }

    @Override
    public List<Zone> zones() {
        Map<String, Zone> byId = new LinkedHashMap<>();
        reader.query("SELECT resource_id, time_zone, registered_at FROM heatmap_zone "
                        + "ORDER BY COALESCE(registered_at, 0), resource_id",
                (rs, i) -> zone(rs.getString(1), rs.getString(2), rs.getObject(3)))
                .forEach(zone -> byId.put(zone.resourceId(), zone));
        Map<String, Write> batch = pending.peek();
        if (batch == null) {
            return List.copyOf(byId.values());
        }
        batch.values().forEach(w -> {
            if (w instanceof ZoneWrite(Zone zone)) {
                byId.put(zone.resourceId(), zone);
            }
        });
        return byId.values().stream().sorted(Comparator.comparing(
                (Zone z) -> z.registeredAt() == null ? 0 : z.registeredAt().toEpochMilli())
                .thenComparing(Zone::resourceId)).toList();
    }

    @Override
    public void saveShares(Collection<Share> shares) {
        hold(shares.stream().<Write>map(s -> new ShareWrite(s.key(), s.minutes())).toList());
    }

    @Override
    public void removeShares(Collection<ShareKey> keys) {
        hold(keys.stream().<Write>map(k -> new ShareWrite(k, null)).toList());
    }

    @Override
    public Optional<Held> held(String bookingId) {
        Map<String, Write> batch = pending.peek();
        if (batch != null && batch.get(heldKey(bookingId)) instanceof HeldWrite(Held held)) {
            return held.occurrences().isEmpty() ? Optional.empty() : Optional.of(held);
        }
        List<Object[]> rows = reader.query("SELECT resource_id, start_at, end_at FROM heatmap_held WHERE booking_id = ? "
                + "ORDER BY start_at, end_at", (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)},
                bookingId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<TimeRange> occurrences = rows.stream().map(r -> new TimeRange(Instant.ofEpochMilli((Long) r[1]),
                Instant.ofEpochMilli((Long) r[2]))).toList();
        return Optional.of(new Held(bookingId, (String) rows.get(0)[0], occurrences));
    }

    @Override
    public void saveHeld(Held held) {
        hold(List.of(new HeldWrite(held)));
    }

    @Override
    public List<HourTotals> hours(String resourceId, LocalDate first, LocalDate last) {
        // grouped in the index's order (day, resource, hour, kind): the database streams the groups off the index
        String sql = "SELECT resource_id, local_day, local_hour, kind, SUM(minutes) FROM heatmap_share "
                + "WHERE local_day >= ? AND local_day <= ?" + (resourceId == null ? "" : " AND resource_id = ?")
                + " GROUP BY local_day, resource_id, local_hour, kind";
        List<Object> args = new ArrayList<>(List.of(first.toEpochDay(), last.toEpochDay()));
        if (resourceId != null) {
            args.add(resourceId);
        }
        // an hour holding both kinds comes as two rows: they join under one key
        record Hour(String resourceId, long day, int hour) {}
        Map<Hour, long[]> minutes = new LinkedHashMap<>();
        reader.query(sql, rs -> {
            long[] bookedAndBlocked = minutes.computeIfAbsent(new Hour(rs.getString(1), rs.getLong(2), rs.getInt(3)),
                    h -> new long[3]);
            bookedAndBlocked[ShareKind.valueOf(rs.getString(4)).ordinal()] += rs.getLong(5); // booked, blocked, unused
        }, args.toArray());
        List<HourTotals> totals = new ArrayList<>(minutes.size());
        minutes.forEach((h, m) -> totals.add(new HourTotals(h.resourceId(), LocalDate.ofEpochDay(h.day()), h.hour(),
                m[0], m[1], m[2])));
        return totals;
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM heatmap_share");
            writer.update("DELETE FROM heatmap_held");
            writer.update("DELETE FROM heatmap_zone");
        });
    }

    /** Adds the writes to this thread's batch, or writes them at once when no batch runs. */
    private void hold(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        Map<String, Write> batch = pending.open();
        if (batch == null) {
            write(writes);
            return;
        }
        for (Write w : writes) {
            batch.put(key(w), w);
        }
    }

    private static String key(Write w) {
        return switch (w) {
            case ZoneWrite z -> zoneKey(z.zone().resourceId());
            case HeldWrite h -> heldKey(h.held().bookingId());
            case ShareWrite s -> "share|" + s.key().resourceId() + "|" + s.key().date() + "|" + s.key().hour() + "|"
                    + s.key().kind() + "|" + s.key().slice();
        };
    }

    private static String zoneKey(String resourceId) {
        return "zone|" + resourceId;
    }

    private static String heldKey(String bookingId) {
        return "held|" + bookingId;
    }

    private static Zone zone(String resourceId, String timeZone, Object registeredAt) {
        return new Zone(resourceId, timeZone,
                registeredAt == null ? null : Instant.ofEpochMilli(((Number) registeredAt).longValue()));
    }

    /** Writes a batch in one transaction (the caller's when it has one); each key's last write only. */
    private void write(Collection<Write> writes) {
        List<Object[]> zones = new ArrayList<>();
        List<Object[]> heldBookings = new ArrayList<>();
        List<Object[]> heldRows = new ArrayList<>();
        List<Object[]> savedShares = new ArrayList<>();
        List<Object[]> removedShares = new ArrayList<>();
        for (Write w : writes) {
            switch (w) {
                case ZoneWrite(Zone z) -> zones.add(new Object[] {z.resourceId(), z.timeZone(),
                        z.registeredAt() == null ? null : z.registeredAt().toEpochMilli()});
                case HeldWrite(Held h) -> {
                    heldBookings.add(new Object[] {h.bookingId()});
                    for (TimeRange o : h.occurrences()) {
                        heldRows.add(new Object[] {h.bookingId(), h.resourceId(), o.start().toEpochMilli(),
                                o.end().toEpochMilli()});
                    }
                }
                case ShareWrite(ShareKey k, Long minutes) when minutes == null -> removedShares.add(new Object[] {
                        k.resourceId(), k.date().toEpochDay(), k.hour(), k.kind().name(), k.slice()});
                case ShareWrite(ShareKey k, Long minutes) -> savedShares.add(new Object[] {
                        k.resourceId(), k.date().toEpochDay(), k.hour(), k.kind().name(), k.slice(), minutes});
            }
        }
        transaction.executeWithoutResult(s -> {
            if (!zones.isEmpty()) {
                writer.batchUpdate("INSERT INTO heatmap_zone (resource_id, time_zone, registered_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (resource_id) DO UPDATE SET time_zone = excluded.time_zone, "
                        + "registered_at = excluded.registered_at", zones);
            }
            if (!heldBookings.isEmpty()) {
                writer.batchUpdate("DELETE FROM heatmap_held WHERE booking_id = ?", heldBookings);
            }
            if (!heldRows.isEmpty()) {
                writer.batchUpdate("INSERT INTO heatmap_held (booking_id, resource_id, start_at, end_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (booking_id, start_at, end_at) DO NOTHING", heldRows);
            }
            if (!removedShares.isEmpty()) {
                writer.batchUpdate("DELETE FROM heatmap_share WHERE resource_id = ? AND local_day = ? AND local_hour = ? "
                        + "AND kind = ? AND share_key = ?", removedShares);
            }
            if (!savedShares.isEmpty()) {
                writer.batchUpdate("INSERT INTO heatmap_share (resource_id, local_day, local_hour, kind, share_key, "
                        + "minutes) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (resource_id, local_day, local_hour, kind, "
                        + "share_key) DO UPDATE SET minutes = excluded.minutes", savedShares);
            }
        });
    }

    @Override
    protected void writeBatch(java.util.Map<String, Write> batch) {
        write(batch.values());
    }
}
