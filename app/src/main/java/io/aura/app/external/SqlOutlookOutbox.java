package io.aura.app.external;

import static io.aura.app.external.OutlookOutbox.Status.DONE;
import static io.aura.app.external.OutlookOutbox.Status.PENDING;

import io.aura.kernel.schedule.TimeRange;
import io.aura.query.store.PendingViewWrites;
import io.aura.query.store.SqlColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Outlook outbox in SQL, in the event store's database beside the processor's token: what the
 * processor writes is held in its batch and written in the transaction that stores its token, so an
 * event's deliveries are neither lost nor queued twice. A delivery is claimed by a conditional
 * {@code UPDATE ... WHERE} on the state its sender read. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class SqlOutlookOutbox implements OutlookOutbox {
    private static final int CANDIDATES = 20;
    private static final String COLUMNS = "delivery_id, booking_id, date_at, mailbox, kind, subject, start_at, end_at, "
            + "ordinal, status, attempts, next_attempt_at, external_event_id, last_error";

    /** A link as the batch holds it (mailbox null: unlinked). */
    private record Link(String resourceId, String mailbox) {}

    /** The deliveries of a booking renamed, as the batch holds it (written after the batch's new deliveries). */
    private record Rename(String bookingId, String subject) {}

    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final TransactionTemplate transaction;
    private final PendingViewWrites<Object> pending = new PendingViewWrites<>(batch -> write(batch.values()));

    public SqlOutlookOutbox(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlOutlookOutbox createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS outlook_link (resource_id VARCHAR(100) PRIMARY KEY, "
                    + "mailbox VARCHAR(320) NOT NULL)");
            writer.execute("CREATE TABLE IF NOT EXISTS outlook_booking (booking_id VARCHAR(100) PRIMARY KEY, "
                    + "resource_id VARCHAR(100) NOT NULL, title TEXT)");
            writer.execute("CREATE TABLE IF NOT EXISTS outlook_date (booking_id VARCHAR(100) NOT NULL, "
                    + "date_at BIGINT NOT NULL, mailbox VARCHAR(320) NOT NULL, start_at BIGINT NOT NULL, "
                    + "end_at BIGINT NOT NULL, live INTEGER NOT NULL, PRIMARY KEY (booking_id, date_at))");
            writer.execute("CREATE TABLE IF NOT EXISTS outlook_delivery (delivery_id VARCHAR(300) PRIMARY KEY, "
                    + "booking_id VARCHAR(100) NOT NULL, date_at BIGINT NOT NULL, mailbox VARCHAR(320) NOT NULL, "
                    + "kind VARCHAR(16) NOT NULL, subject TEXT, start_at BIGINT NOT NULL, end_at BIGINT NOT NULL, "
                    + "ordinal BIGINT NOT NULL, status VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL, "
                    + "next_attempt_at BIGINT NOT NULL, external_event_id TEXT, last_error TEXT)");
            writer.execute("CREATE INDEX IF NOT EXISTS outlook_delivery_due ON outlook_delivery (status, next_attempt_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS outlook_delivery_date ON outlook_delivery (booking_id, date_at, status)");
            writer.execute("CREATE INDEX IF NOT EXISTS outlook_delivery_mailbox ON outlook_delivery (mailbox, status)");
        });
        // who asked for a booking (ADR 0046): a table made before gains the column, empty
        SqlColumns.addIfMissing(reader, writer, transaction, "outlook_booking", "requester", "VARCHAR(200)");
        return this;
    }

    // ---- written by the processor ----------------------------------------------------------------

    @Override
    public void link(String resourceId, String mailbox) {
        hold("l:" + resourceId, new Link(resourceId, mailbox));
    }

    @Override
    public Optional<String> mailboxOf(String resourceId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get("l:" + resourceId) instanceof Link link) {
            return Optional.ofNullable(link.mailbox());
        }
        return reader.queryForList("SELECT mailbox FROM outlook_link WHERE resource_id = ?", String.class, resourceId)
                .stream().findFirst();
    }

    @Override
    public void saveBooking(Booking booking) {
        hold("b:" + booking.bookingId(), booking);
    }

    @Override
    public Optional<Booking> booking(String bookingId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get("b:" + bookingId) instanceof Booking booking) {
            return Optional.of(booking);
        }
        return reader.query("SELECT booking_id, resource_id, title, requester FROM outlook_booking "
                        + "WHERE booking_id = ?", BOOKING_ROW, bookingId).stream().findFirst();
    }

    @Override
    public void saveDate(OutlookDate date) {
        hold("t:" + date.bookingId() + "/" + date.date().toEpochMilli(), date);
    }

    @Override
    public List<OutlookDate> datesOf(String bookingId) {
        Map<Instant, OutlookDate> dates = new TreeMap<>();
        reader.query("SELECT booking_id, date_at, mailbox, start_at, end_at, live FROM outlook_date WHERE booking_id = ?",
                DATE_ROW, bookingId).forEach(d -> dates.put(d.date(), d));
        Map<String, Object> batch = pending.peek();
        if (batch != null) { // the batch's dates come after what is stored
            batch.values().stream().filter(OutlookDate.class::isInstance).map(OutlookDate.class::cast)
                    .filter(d -> d.bookingId().equals(bookingId)).forEach(d -> dates.put(d.date(), d));
        }
        return List.copyOf(dates.values());
    }

    @Override
    public void addDelivery(Delivery delivery) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(delivery));
        } else {
            batch.putIfAbsent("x:" + delivery.id(), delivery); // insert-only, as in the table
        }
    }

    @Override
    public List<Booking> bookingsOf(String requester) {
        Map<String, Booking> found = new java.util.LinkedHashMap<>();
        reader.query("SELECT booking_id, resource_id, title, requester FROM outlook_booking WHERE requester = ?",
                BOOKING_ROW, requester).forEach(b -> found.put(b.bookingId(), b));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            batch.values().stream().filter(Booking.class::isInstance).map(Booking.class::cast).forEach(b -> {
                found.remove(b.bookingId());
                if (requester.equals(b.requester())) {
                    found.put(b.bookingId(), b);
                }
            });
        }
        return List.copyOf(found.values());
    }

    @Override
    public void renameDeliveries(String bookingId, String subject) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(new Rename(bookingId, subject)));
            return;
        }
        batch.replaceAll((key, held) -> held instanceof Delivery d && d.bookingId().equals(bookingId)
                ? new Delivery(d.id(), d.bookingId(), d.date(), d.mailbox(), d.kind(), subject, d.times(), d.order(),
                        d.status(), d.attempts(), d.nextAttemptAt(), d.externalEventId(), d.lastError())
                : held);
        batch.put("r:" + bookingId, new Rename(bookingId, subject));
    }

    private static final RowMapper<Booking> BOOKING_ROW = (rs, i) -> new Booking(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4));

    // ---- drained by the sender -------------------------------------------------------------------

    @Override
    public Optional<Delivery> claimDue(Instant now, Instant leaseUntil) {
        for (int round = 0; round < 10; round++) {
            // the first due of each date: a move or a delete waits for the date's earlier writes
            List<Delivery> due = reader.query("SELECT " + COLUMNS + " FROM outlook_delivery d WHERE d.status = ? "
                    + "AND d.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM outlook_delivery e "
                    + "WHERE e.booking_id = d.booking_id AND e.date_at = d.date_at AND e.status = ? "
                    + "AND e.ordinal < d.ordinal) ORDER BY d.next_attempt_at LIMIT ?", DELIVERY_ROW, PENDING.name(),
                    now.toEpochMilli(), PENDING.name(), CANDIDATES);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            for (Delivery d : due) {
                Integer claimed = transaction.execute(s -> writer.update("UPDATE outlook_delivery SET next_attempt_at = ? "
                                + "WHERE delivery_id = ? AND status = ? AND next_attempt_at = ? AND attempts = ?",
                        leaseUntil.toEpochMilli(), d.id(), PENDING.name(), d.nextAttemptAt().toEpochMilli(), d.attempts()));
                if (claimed != null && claimed == 1) {
                    return Optional.of(new Delivery(d.id(), d.bookingId(), d.date(), d.mailbox(), d.kind(), d.subject(),
                            d.times(), d.order(), d.status(), d.attempts(), Instant.ofEpochMilli(leaseUntil.toEpochMilli()),
                            d.externalEventId(), d.lastError()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> externalEventId(String bookingId, Instant date) {
        return reader.queryForList("SELECT external_event_id FROM outlook_delivery WHERE booking_id = ? AND date_at = ? "
                        + "AND status = ? AND external_event_id IS NOT NULL ORDER BY ordinal DESC", String.class,
                bookingId, date.toEpochMilli(), DONE.name()).stream().findFirst();
    }

    @Override
    public void done(String deliveryId, String externalEventId) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE outlook_delivery SET status = ?, "
                + "attempts = attempts + 1, external_event_id = ?, last_error = NULL WHERE delivery_id = ? AND status = ?",
                DONE.name(), externalEventId, deliveryId, PENDING.name()));
    }

    @Override
    public void failed(String deliveryId, Status status, int attempts, String error, Instant nextAttemptAt) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE outlook_delivery SET status = ?, attempts = ?, "
                        + "last_error = ?, next_attempt_at = ? WHERE delivery_id = ? AND status = ?", status.name(), attempts,
                error, nextAttemptAt.toEpochMilli(), deliveryId, PENDING.name()));
    }

    @Override
    public List<Delivery> deliveriesOf(String bookingId) {
        List<Delivery> all = new ArrayList<>(reader.query("SELECT " + COLUMNS + " FROM outlook_delivery WHERE booking_id = ?",
                DELIVERY_ROW, bookingId));
        all.sort(Comparator.comparingLong(Delivery::order).thenComparing(Delivery::date));
        return all;
    }

    @Override
    public long count(String mailbox, Status status) {
        Long n = reader.queryForObject("SELECT COUNT(*) FROM outlook_delivery WHERE mailbox = ? AND status = ?",
                Long.class, mailbox, status.name());
        return n == null ? 0 : n;
    }

    // ---- batches ---------------------------------------------------------------------------------

    private void hold(String key, Object record) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(record));
        } else {
            batch.put(key, record);
        }
    }

    private void write(Collection<Object> records) {
        List<Object[]> links = new ArrayList<>();
        List<Object[]> unlinks = new ArrayList<>();
        List<Object[]> bookings = new ArrayList<>();
        List<Object[]> dates = new ArrayList<>();
        List<Object[]> deliveries = new ArrayList<>();
        List<Object[]> renames = new ArrayList<>();
        for (Object record : records) {
            switch (record) {
                case Rename r -> renames.add(new Object[] {r.subject(), r.bookingId()});
                case Link l when l.mailbox() == null -> unlinks.add(new Object[] {l.resourceId()});
                case Link l -> links.add(new Object[] {l.resourceId(), l.mailbox()});
                case Booking b -> bookings.add(new Object[] {b.bookingId(), b.resourceId(), b.title(), b.requester()});
                case OutlookDate d -> dates.add(new Object[] {d.bookingId(), d.date().toEpochMilli(), d.mailbox(),
                        d.times().start().toEpochMilli(), d.times().end().toEpochMilli(), d.live() ? 1 : 0});
                case Delivery d -> deliveries.add(new Object[] {d.id(), d.bookingId(), d.date().toEpochMilli(), d.mailbox(),
                        d.kind().name(), d.subject(), d.times().start().toEpochMilli(), d.times().end().toEpochMilli(),
                        d.order(), d.status().name(), d.attempts(), d.nextAttemptAt().toEpochMilli(), d.externalEventId(),
                        d.lastError()});
                default -> throw new IllegalArgumentException("not an Outlook outbox record: " + record);
            }
        }
        transaction.executeWithoutResult(s -> {
            if (!unlinks.isEmpty()) {
                writer.batchUpdate("DELETE FROM outlook_link WHERE resource_id = ?", unlinks);
            }
            if (!links.isEmpty()) {
                writer.batchUpdate("INSERT INTO outlook_link (resource_id, mailbox) VALUES (?, ?) "
                        + "ON CONFLICT (resource_id) DO UPDATE SET mailbox = excluded.mailbox", links);
            }
            if (!bookings.isEmpty()) {
                writer.batchUpdate("INSERT INTO outlook_booking (booking_id, resource_id, title, requester) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (booking_id) DO UPDATE SET resource_id = excluded.resource_id, "
                        + "title = excluded.title, requester = excluded.requester", bookings);
            }
            if (!dates.isEmpty()) {
                writer.batchUpdate("INSERT INTO outlook_date (booking_id, date_at, mailbox, start_at, end_at, live) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (booking_id, date_at) DO UPDATE SET "
                        + "mailbox = excluded.mailbox, start_at = excluded.start_at, end_at = excluded.end_at, "
                        + "live = excluded.live", dates);
            }
            if (!deliveries.isEmpty()) {
                writer.batchUpdate("INSERT INTO outlook_delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING", deliveries);
            }
            if (!renames.isEmpty()) {
                writer.batchUpdate("UPDATE outlook_delivery SET subject = ? WHERE booking_id = ?", renames);
            }
        });
    }

    private static final RowMapper<OutlookDate> DATE_ROW = (rs, i) -> new OutlookDate(rs.getString(1),
            Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
            new TimeRange(Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))), rs.getInt(6) == 1);

    private static final RowMapper<Delivery> DELIVERY_ROW = (rs, i) -> new Delivery(rs.getString(1), rs.getString(2),
            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), Kind.valueOf(rs.getString(5)), rs.getString(6),
            new TimeRange(Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8))), rs.getLong(9),
            Status.valueOf(rs.getString(10)), rs.getInt(11), Instant.ofEpochMilli(rs.getLong(12)), rs.getString(13),
            rs.getString(14));
}
