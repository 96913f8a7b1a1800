package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.CheckInDue;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingRetention;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.report.Reports;
import io.aura.query.store.SqlColumns;
import io.aura.query.store.SqlViewStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Booking views in SQL, beside the event store (ADR 0021): a row per booking holding its view as
 * JSON, and a row per active occurrence ({@code booking_slot}) that the calendar reads through an
 * index on (resource, start). An overlap query bounds the start from below by the longest
 * occurrence ever stored, so it reads only the rows near its window, however long the history.
 *
 * <p>Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}, which may be a pool of read-only
 * connections to the same database. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class SqlBookingViewStore extends SqlViewStore<BookingView> implements BookingViewStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();


    public SqlBookingViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlBookingViewStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS booking_view (booking_id VARCHAR(100) PRIMARY KEY, "
                    + "requester VARCHAR(200), start_at BIGINT NOT NULL, revision BIGINT NOT NULL, doc TEXT NOT NULL)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_view_requester ON booking_view (requester, start_at)");
            writer.execute("CREATE TABLE IF NOT EXISTS booking_slot (booking_id VARCHAR(100) NOT NULL, "
                    + "resource_id VARCHAR(100) NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, "
                    + "status VARCHAR(32) NOT NULL, title TEXT)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_slot_calendar ON booking_slot (resource_id, start_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_slot_start ON booking_slot (start_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_slot_booking ON booking_slot (booking_id)");
            // cancelled bookings by resource and the span of their dates: what a resource's feed still shows
            writer.execute("CREATE TABLE IF NOT EXISTS booking_cancelled (booking_id VARCHAR(100) PRIMARY KEY, "
                    + "resource_id VARCHAR(100) NOT NULL, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_cancelled_resource ON booking_cancelled "
                    + "(resource_id, start_at)");
            // the longest active occurrence ever stored: how far before a window an overlapping one can start
            writer.execute("CREATE TABLE IF NOT EXISTS booking_slot_span (id INTEGER PRIMARY KEY, longest BIGINT NOT NULL)");
            writer.update("INSERT INTO booking_slot_span (id, longest) VALUES (1, 0) ON CONFLICT (id) DO NOTHING");
            // a row per date that held its resource (confirmed or a no-show), by start: what reports read
            writer.execute("CREATE TABLE IF NOT EXISTS booking_held (booking_id VARCHAR(100) NOT NULL, "
                    + "requester VARCHAR(200), start_at BIGINT NOT NULL)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_held_start ON booking_held (start_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_held_requester ON booking_held (requester, start_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_held_booking ON booking_held (booking_id)");
            // a row per confirmed date still waiting for its check-in (ADR 0033): what the no-show sweep reads
            writer.execute("CREATE TABLE IF NOT EXISTS booking_check_in_due (booking_id VARCHAR(100) NOT NULL, "
                    + "start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, due_at BIGINT NOT NULL)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_check_in_due_at ON booking_check_in_due (due_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS booking_check_in_due_booking ON booking_check_in_due (booking_id)");
        });
        // who asked, whether private and the category (ADR 0040): what the calendar's reader needs to show a slot
        SqlColumns.addIfMissing(reader, writer, transaction, "booking_slot", "requester", "VARCHAR(200)");
        SqlColumns.addIfMissing(reader, writer, transaction, "booking_slot", "private_booking", "INTEGER");
        SqlColumns.addIfMissing(reader, writer, transaction, "booking_slot", "category", "VARCHAR(200)");
        // when the booking's last date ends and its resource (ADR 0047): what the retention sweep reads by index
        SqlColumns.addIfMissing(reader, writer, transaction, "booking_view", "last_end_at", "BIGINT");
        SqlColumns.addIfMissing(reader, writer, transaction, "booking_view", "resource_id", "VARCHAR(100)");
        transaction.executeWithoutResult(s -> writer.execute(
                "CREATE INDEX IF NOT EXISTS booking_view_last_end ON booking_view (last_end_at)"));
        fillLastEnds();
        return this;
    }

    /** Views written before {@code last_end_at} was kept get it, once, from their own record. */
    private void fillLastEnds() {
        while (true) {
            List<BookingView> missing = reader.queryForList("SELECT doc FROM booking_view WHERE last_end_at IS NULL "
                    + "LIMIT 1000", String.class).stream().map(doc -> JSON.readValue(doc, BookingView.class)).toList();
            if (missing.isEmpty()) {
                return;
            }
            List<Object[]> rows = missing.stream().map(v -> new Object[] {
                    BookingRetention.lastEnd(v).toEpochMilli(), v.resourceId(), v.bookingId()}).toList();
            transaction.executeWithoutResult(s -> writer.batchUpdate(
                    "UPDATE booking_view SET last_end_at = ?, resource_id = ? WHERE booking_id = ?", rows));
        }
    }

    @Override
    public Optional<BookingView> find(String bookingId) {
        Map<String, BookingView> batch = pending.peek();
        if (batch != null && batch.containsKey(bookingId)) {
            return Optional.ofNullable(batch.get(bookingId));
        }
        List<String> docs = reader.queryForList("SELECT doc FROM booking_view WHERE booking_id = ?", String.class,
                bookingId);
        return docs.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(docs.get(0), BookingView.class));
    }

    @Override
    public void save(BookingView view) {
        Map<String, BookingView> batch = pending.open();
        if (batch == null) {
            write(List.of(view));
        } else {
            batch.put(view.bookingId(), view);
        }
    }

    @Override
    public List<BookingView> requestedBy(String requester, int limit) {
        return reader.queryForList("SELECT doc FROM booking_view WHERE requester = ? ORDER BY start_at DESC LIMIT ?",
                String.class, requester, limit).stream().map(doc -> JSON.readValue(doc, BookingView.class)).toList();
    }

    /**
     * Requested: through the requester's index. Declined: no column says by whom (the view is JSON), so the rows
     * whose JSON names them somewhere, then exactly theirs; this batch's views in their place.
     */
    @Override
    public List<BookingView> mentioning(String username) {
        String like = "%" + username.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, BookingView> batch = pending.peek();
        Map<String, BookingView> found = new LinkedHashMap<>();
        reader.queryForList("SELECT doc FROM booking_view WHERE requester = ? OR doc LIKE ? ESCAPE '\\'",
                        String.class, username, like).stream()
                .map(doc -> JSON.readValue(doc, BookingView.class))
                .filter(v -> batch == null || !batch.containsKey(v.bookingId()))
                .forEach(v -> found.put(v.bookingId(), v));
        if (batch != null) {
            batch.values().forEach(v -> found.put(v.bookingId(), v));
        }
        return found.values().stream()
                .filter(v -> username.equals(v.requester()) || username.equals(v.declinedBy())).toList();
    }

    @Override
    public List<CalendarEntry> activeBetween(Instant from, Instant to, String resourceId) {
        String overlapping = "start_at < ? AND end_at > ? "
                + "AND start_at > ? - (SELECT longest FROM booking_slot_span WHERE id = 1)";
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        List<Object> args = new ArrayList<>(List.of(toMillis, fromMillis, fromMillis));
        String sql = "SELECT booking_id, title, resource_id, start_at, end_at, status, requester, private_booking, "
                + "category FROM booking_slot WHERE ";
        if (resourceId != null) {
            sql += "resource_id = ? AND ";
            args.add(0, resourceId);
        }
        return reader.query(sql + overlapping, (rs, i) -> new CalendarEntry(rs.getString(1), rs.getString(2),
                rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                BookingStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getInt(8) == 1, rs.getString(9)),
                args.toArray());
    }

    @Override
    public List<BookingView> cancelledBetween(Instant from, Instant to, String resourceId) {
        return reader.queryForList("SELECT v.doc FROM booking_cancelled c JOIN booking_view v "
                        + "ON v.booking_id = c.booking_id WHERE c.resource_id = ? AND c.start_at < ? AND c.end_at > ?",
                String.class, resourceId, to.toEpochMilli(), from.toEpochMilli()).stream()
                .map(doc -> JSON.readValue(doc, BookingView.class)).toList();
    }

    @Override
    public List<BookingView> heldStartingBetween(Instant from, Instant to, String requester) {
        String sql = "SELECT v.doc FROM booking_view v WHERE v.booking_id IN (SELECT h.booking_id FROM booking_held h "
                + "WHERE h.start_at >= ? AND h.start_at < ?" + (requester == null ? ")" : " AND h.requester = ?)");
        Object[] args = requester == null ? new Object[] {from.toEpochMilli(), to.toEpochMilli()}
                : new Object[] {from.toEpochMilli(), to.toEpochMilli(), requester};
        return reader.queryForList(sql, String.class, args).stream()
                .map(doc -> JSON.readValue(doc, BookingView.class)).toList();
    }

    @Override
    public List<CheckInDue> checkInsDue(Instant now, int limit) {
        return reader.query("SELECT booking_id, start_at, end_at FROM booking_check_in_due WHERE due_at <= ? "
                        + "ORDER BY due_at, booking_id, start_at LIMIT ?",
                (rs, i) -> new CheckInDue(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3))), now.toEpochMilli(), limit);
    }

    @Override
    public List<BookingView> endedBefore(Instant cutoff, String resourceId, int limit) {
        String sql = "SELECT doc FROM booking_view WHERE last_end_at < ?" + (resourceId == null ? ""
                : " AND resource_id = ?") + " ORDER BY last_end_at, booking_id LIMIT ?";
        Object[] args = resourceId == null ? new Object[] {cutoff.toEpochMilli(), limit}
                : new Object[] {cutoff.toEpochMilli(), resourceId, limit};
        return reader.queryForList(sql, String.class, args).stream()
                .map(doc -> JSON.readValue(doc, BookingView.class)).toList();
    }

    @Override
    public void remove(Collection<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return;
        }
        Map<String, BookingView> batch = pending.peek();
        if (batch != null) {
            bookingIds.forEach(batch::remove); // a write this thread still holds back would bring it back
        }
        List<Object[]> ids = bookingIds.stream().map(id -> new Object[] {id}).toList();
        transaction.executeWithoutResult(s -> {
            for (String table : List.of("booking_cancelled", "booking_check_in_due", "booking_held", "booking_slot",
                    "booking_view")) {
                writer.batchUpdate("DELETE FROM " + table + " WHERE booking_id = ?", ids);
            }
        });
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM booking_cancelled");
            writer.update("DELETE FROM booking_check_in_due");
            writer.update("DELETE FROM booking_held");
            writer.update("DELETE FROM booking_slot");
            writer.update("DELETE FROM booking_view");
            writer.update("UPDATE booking_slot_span SET longest = 0 WHERE id = 1");
        });
    }

    /** Upserts the views and replaces their slots, in one transaction (the caller's when it has one). */
    private void write(Collection<BookingView> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        List<Object[]> ids = new ArrayList<>(views.size());
        List<Object[]> slots = new ArrayList<>();
        List<Object[]> cancelled = new ArrayList<>();
        List<Object[]> dues = new ArrayList<>();
        List<Object[]> held = new ArrayList<>();
        long longest = 0;
        for (BookingView v : views) {
            if (v.status() == BookingStatus.CANCELLED) {
                Instant first = v.occurrences().stream().map(Occurrence::start).min(Instant::compareTo)
                        .orElse(v.start());
                Instant last = v.occurrences().stream().map(Occurrence::end).max(Instant::compareTo).orElse(v.end());
                cancelled.add(new Object[] {v.bookingId(), v.resourceId(), first.toEpochMilli(), last.toEpochMilli()});
            }
            rows.add(new Object[] {v.bookingId(), v.requester(), v.start().toEpochMilli(), v.revision(),
                    JSON.writeValueAsString(v), BookingRetention.lastEnd(v).toEpochMilli(), v.resourceId()});
            ids.add(new Object[] {v.bookingId()});
            for (Occurrence o : v.occurrences()) {
                if (v.status().isActive() && o.status().isActive()) {
                    long start = o.start().toEpochMilli();
                    long end = o.end().toEpochMilli();
                    slots.add(new Object[] {v.bookingId(), v.resourceId(), start, end, o.status().name(), v.title(),
                            v.requester(), v.privateBooking() ? 1 : 0, v.category()});
                    longest = Math.max(longest, end - start);
                }
                if (Reports.heldTime(o)) {
                    held.add(new Object[] {v.bookingId(), v.requester(), o.start().toEpochMilli()});
                }
                if (v.status() == BookingStatus.CONFIRMED && o.status() == OccurrenceStatus.CONFIRMED
                        && o.checkInDueAt() != null && o.checkedInAt() == null) {
                    dues.add(new Object[] {v.bookingId(), o.start().toEpochMilli(), o.end().toEpochMilli(),
                            o.checkInDueAt().toEpochMilli()});
                }
            }
        }
        long longestSlot = longest;
        transaction.executeWithoutResult(s -> {
            writer.batchUpdate("INSERT INTO booking_view (booking_id, requester, start_at, revision, doc, last_end_at, "
                    + "resource_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id) DO UPDATE SET "
                    + "requester = excluded.requester, start_at = excluded.start_at, revision = excluded.revision, "
                    + "doc = excluded.doc, last_end_at = excluded.last_end_at, resource_id = excluded.resource_id", rows);
            writer.batchUpdate("DELETE FROM booking_slot WHERE booking_id = ?", ids);
            writer.batchUpdate("DELETE FROM booking_cancelled WHERE booking_id = ?", ids);
            if (!cancelled.isEmpty()) {
                writer.batchUpdate("INSERT INTO booking_cancelled (booking_id, resource_id, start_at, end_at) "
                        + "VALUES (?, ?, ?, ?)", cancelled);
            }
            writer.batchUpdate("DELETE FROM booking_held WHERE booking_id = ?", ids);
            if (!held.isEmpty()) {
                writer.batchUpdate("INSERT INTO booking_held (booking_id, requester, start_at) VALUES (?, ?, ?)", held);
            }
            writer.batchUpdate("DELETE FROM booking_check_in_due WHERE booking_id = ?", ids);
            if (!dues.isEmpty()) {
                writer.batchUpdate("INSERT INTO booking_check_in_due (booking_id, start_at, end_at, due_at) "
                        + "VALUES (?, ?, ?, ?)", dues);
            }
            if (!slots.isEmpty()) {
                writer.batchUpdate("INSERT INTO booking_slot (booking_id, resource_id, start_at, end_at, status, title, "
                        + "requester, private_booking, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", slots);
                writer.update("UPDATE booking_slot_span SET longest = ? WHERE id = 1 AND longest < ?", longestSlot,
                        longestSlot);
            }
        });
    }

    @Override
    protected void writeBatch(java.util.Map<String, BookingView> batch) {
        write(batch.values());
    }
}
