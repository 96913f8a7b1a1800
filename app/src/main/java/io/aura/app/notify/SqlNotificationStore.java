package io.aura.app.notify;

import io.aura.kernel.identity.Role;
import io.aura.query.store.SqlColumns;
import io.aura.query.store.SqlViewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The notification inbox in SQL, beside the event store (ADR 0021): entries with their mails
 * ({@code notification}, read by user and newest first, and by the outbox by mail status and due
 * time, through indexes), recipients with a row per role they hold (a role's members are an index
 * range), approval contexts, and what bookings and resources are called. A batch's entries are written in the transaction that stores the
 * processor's token, so a mail is put in the outbox exactly when its event counts as handled: none
 * lost, none made up, however the process stops.
 *
 * <p>Writes go through the writing data source; reads through {@code reader}, which may be a pool of
 * read-only connections to the same database. While a batch runs, its reads see its own pending
 * writes first. The outbox's lease and updates are written at once, each in its own short
 * transaction. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class SqlNotificationStore extends SqlViewStore<Object> implements NotificationStore, MailQueue {
    /** Candidates read per lease attempt: another node may lease some of them first. */
    private static final int CANDIDATES = 8;
    private static final String ENTRY_COLUMNS = "id, username, type, booking_id, approval_id, link, token, message, "
            + "created_at, email, mail_status, mail_attempts, mail_next_attempt_at, mail_error";
    /** An entry is only ever added, never replaced: one seen before stays as it is, its mail too. */
    private static final String INSERT_ENTRY = "INSERT INTO notification (" + ENTRY_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    /** Rounds of reading candidates before a poll gives up until the next one (other nodes took them all). */
    private static final int LEASE_ROUNDS = 10;

    /** Pending rows of every table, by table prefix and key: one batch, one transaction. */

    public SqlNotificationStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlNotificationStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS notification (id VARCHAR(300) PRIMARY KEY, "
                    + "username VARCHAR(200) NOT NULL, type VARCHAR(64) NOT NULL, booking_id VARCHAR(100), "
                    + "approval_id VARCHAR(100), link TEXT, token TEXT, message TEXT, created_at BIGINT NOT NULL, "
                    + "email TEXT, mail_status VARCHAR(16) NOT NULL, mail_attempts INTEGER NOT NULL, "
                    + "mail_next_attempt_at BIGINT, mail_error TEXT)");
            writer.execute("CREATE INDEX IF NOT EXISTS notification_inbox ON notification (username, created_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS notification_outbox "
                    + "ON notification (mail_status, mail_next_attempt_at)");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_recipient (username VARCHAR(200) PRIMARY KEY, "
                    + "email TEXT, disabled BOOLEAN NOT NULL DEFAULT FALSE)");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_recipient_role (role VARCHAR(32) NOT NULL, "
                    + "username VARCHAR(200) NOT NULL, PRIMARY KEY (role, username))");
            writer.execute("CREATE INDEX IF NOT EXISTS notification_recipient_role_user "
                    + "ON notification_recipient_role (username)");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_approval (approval_id VARCHAR(100) PRIMARY KEY, "
                    + "booking_id VARCHAR(100), resource_id VARCHAR(100), requester VARCHAR(200))");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_booking (booking_id VARCHAR(100) PRIMARY KEY, "
                    + "title TEXT, resource_id VARCHAR(100))");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_resource (resource_id VARCHAR(100) PRIMARY KEY, "
                    + "name TEXT, time_zone VARCHAR(100))");
        });
        // a table created before users could be disabled gets the column
        SqlColumns.addIfMissing(reader, writer, transaction, "notification_recipient", "disabled",
                "BOOLEAN NOT NULL DEFAULT FALSE");
        // and one created before notifications named their booking, the booking in words and its zone
        SqlColumns.addIfMissing(reader, writer, transaction, "notification_approval", "subject", "TEXT");
        SqlColumns.addIfMissing(reader, writer, transaction, "notification_approval", "time_zone", "VARCHAR(100)");
        // and one created before bookings' own mails (confirmed, moved, cancelled), whom they go to
        SqlColumns.addIfMissing(reader, writer, transaction, "notification_booking", "requester", "VARCHAR(200)");
        return this;
    }

    @Override
    public Optional<Recipient> recipient(String username) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get(recipientKey(username)) instanceof Recipient r) {
            return Optional.of(r);
        }
        List<Recipient> found = reader.query("SELECT email, disabled FROM notification_recipient WHERE username = ?",
                (rs, i) -> new Recipient(username, Set.of(), rs.getString(1), rs.getBoolean(2)), username);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = reader.queryForList("SELECT role FROM notification_recipient_role WHERE username = ?",
                String.class, username).stream().map(Role::valueOf).collect(Collectors.toSet());
        return Optional.of(new Recipient(username, roles, found.get(0).email(), found.get(0).disabled()));
    }

    @Override
    public void saveRecipient(Recipient recipient) {
        hold(recipientKey(recipient.username()), recipient);
    }

    @Override
    public List<String> membersOf(Role role) {
        TreeSet<String> members = new TreeSet<>(reader.queryForList(
                "SELECT username FROM notification_recipient_role WHERE role = ? ORDER BY username", String.class,
                role.name()));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            for (Object row : batch.values()) {
                if (row instanceof Recipient r) { // this batch's own registrations and grants count already
                    if (r.roles().contains(role)) {
                        members.add(r.username());
                    } else {
                        members.remove(r.username());
                    }
                }
            }
        }
        return List.copyOf(members);
    }

    @Override
    public Optional<ApprovalContext> approval(String approvalId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get(approvalKey(approvalId)) instanceof ApprovalContext a) {
            return Optional.of(a);
        }
        return reader.query("SELECT approval_id, booking_id, resource_id, requester, subject, time_zone "
                        + "FROM notification_approval WHERE approval_id = ?", (rs, i) -> new ApprovalContext(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), approvalId).stream().findFirst();
    }

    @Override
    public void saveApproval(ApprovalContext approval) {
        hold(approvalKey(approval.id()), approval);
    }

    @Override
    public Optional<BookingTitle> booking(String bookingId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get("booking:" + bookingId) instanceof BookingTitle b) {
            return Optional.of(b);
        }
        return reader.query("SELECT booking_id, title, resource_id, requester FROM notification_booking "
                        + "WHERE booking_id = ?", (rs, i) -> new BookingTitle(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), bookingId).stream()
                .findFirst();
    }

    @Override
    public void saveBooking(BookingTitle booking) {
        hold("booking:" + booking.id(), booking);
    }

    @Override
    public Optional<ResourcePlace> resource(String resourceId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get("resource:" + resourceId) instanceof ResourcePlace r) {
            return Optional.of(r);
        }
        return reader.query("SELECT resource_id, name, time_zone FROM notification_resource WHERE resource_id = ?",
                (rs, i) -> new ResourcePlace(rs.getString(1), rs.getString(2), rs.getString(3)), resourceId).stream()
                .findFirst();
    }

    @Override
    public void saveResource(ResourcePlace resource) {
        hold("resource:" + resource.id(), resource);
    }

    @Override
    public boolean add(InboxEntry entry) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            return transaction.execute(s -> writer.update(INSERT_ENTRY, row(entry))) == 1;
        }
        String key = entryKey(entry.id());
        if (batch.containsKey(key) || entry(entry.id()).isPresent()) {
            return false; // seen before: in this batch, or committed by an earlier one
        }
        batch.put(key, entry);
        return true;
    }

    @Override
    public Optional<InboxEntry> entry(String id) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.get(entryKey(id)) instanceof InboxEntry e) {
            return Optional.of(e);
        }
        if (batch != null && batch.get(entryKey(id)) instanceof Replaced r) {
            return Optional.of(r.entry());
        }
        return reader.query("SELECT " + ENTRY_COLUMNS + " FROM notification WHERE id = ?", SqlNotificationStore::entry,
                id).stream().findFirst();
    }

    @Override
    public List<InboxEntry> inboxOf(String user, int limit) {
        return reader.query("SELECT " + ENTRY_COLUMNS + " FROM notification WHERE username = ? "
                + "ORDER BY created_at DESC, id LIMIT ?", SqlNotificationStore::entry, user, limit);
    }

    @Override
    public List<BookingTitle> bookingsOf(String requester) {
        Map<String, BookingTitle> found = new LinkedHashMap<>();
        reader.query("SELECT booking_id, title, resource_id, requester FROM notification_booking WHERE requester = ?",
                (rs, i) -> new BookingTitle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                requester).forEach(b -> found.put(b.id(), b));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            for (Object row : batch.values()) {
                if (row instanceof BookingTitle b) {
                    found.remove(b.id());
                    if (requester.equals(b.requester())) {
                        found.put(b.id(), b);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<ApprovalContext> approvalsOf(String requester) {
        Map<String, ApprovalContext> found = new LinkedHashMap<>();
        reader.query("SELECT approval_id, booking_id, resource_id, requester, subject, time_zone "
                        + "FROM notification_approval WHERE requester = ?", (rs, i) -> new ApprovalContext(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), requester).forEach(a -> found.put(a.id(), a));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            for (Object row : batch.values()) {
                if (row instanceof ApprovalContext a) {
                    found.remove(a.id());
                    if (requester.equals(a.requester())) {
                        found.put(a.id(), a);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Read a few hundred bookings at a time (an IN list stays well below every database's limit). */
    @Override
    public List<InboxEntry> entriesMentioning(String user, Collection<String> bookingIds, String text) {
        Map<String, InboxEntry> found = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(user));
        String where = "username = ?";
        if (text != null) {
            where += " OR message LIKE ? ESCAPE '\\'";
            args.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        reader.query("SELECT " + ENTRY_COLUMNS + " FROM notification WHERE " + where, SqlNotificationStore::entry,
                args.toArray()).forEach(e -> found.put(e.id(), e));
        List<String> ids = List.copyOf(bookingIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            reader.query("SELECT " + ENTRY_COLUMNS + " FROM notification WHERE booking_id IN ("
                            + String.join(", ", chunk.stream().map(id -> "?").toList()) + ")",
                    SqlNotificationStore::entry, chunk.toArray()).forEach(e -> found.put(e.id(), e));
        }
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            for (Object row : batch.values()) {
                InboxEntry e = row instanceof InboxEntry added ? added : row instanceof Replaced r ? r.entry() : null;
                if (e != null) {
                    found.remove(e.id());
                    if (user.equals(e.user()) || bookingIds.contains(e.bookingId())
                            || text != null && e.message() != null && e.message().contains(text)) {
                        found.put(e.id(), e);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Within a batch: an entry added in it is added as it is now; one kept before is updated when it commits. */
    @Override
    public void replaceEntry(InboxEntry entry) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            transaction.executeWithoutResult(s -> writer.update(UPDATE_ENTRY, updateRow(entry)));
        } else if (batch.get(entryKey(entry.id())) instanceof InboxEntry) {
            batch.put(entryKey(entry.id()), entry);
        } else {
            batch.put(entryKey(entry.id()), new Replaced(entry));
        }
    }

    /** An entry kept before, as it is to be now (an erased person's words gone, ADR 0046). */
    private record Replaced(InboxEntry entry) {}

    private static final String UPDATE_ENTRY = "UPDATE notification SET message = ?, email = ?, mail_status = ?, "
            + "mail_error = ? WHERE id = ?";

    private static Object[] updateRow(InboxEntry e) {
        return new Object[] {e.message(), e.email(), e.mailStatus().name(), e.mailError(), e.id()};
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            // reminders are no event's: a replay would not write them again, and must not send them again
            writer.update("DELETE FROM notification WHERE mail_status <> ? AND type <> ?", MailStatus.PENDING.name(),
                    BookingReminders.TYPE);
            writer.update("DELETE FROM notification_approval");
            writer.update("DELETE FROM notification_booking");
            writer.update("DELETE FROM notification_resource");
            writer.update("DELETE FROM notification_recipient_role");
            writer.update("DELETE FROM notification_recipient");
        });
    }

    @Override
    public Optional<InboxEntry> leaseNextDue(Instant now, Instant leaseUntil) {
        for (int round = 0; round < LEASE_ROUNDS; round++) {
            // read on a reading connection; the writer is taken only for the conditional update of one row
            List<InboxEntry> due = reader.query("SELECT " + ENTRY_COLUMNS + " FROM notification WHERE mail_status = ? "
                            + "AND mail_next_attempt_at <= ? ORDER BY mail_next_attempt_at, id LIMIT ?",
                    SqlNotificationStore::entry, MailStatus.PENDING.name(), now.toEpochMilli(), CANDIDATES);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            for (InboxEntry candidate : due) {
                // still pending and due: nobody leased it since it was read (PostgreSQL checks again after a wait)
                int leased = transaction.execute(s -> writer.update("UPDATE notification SET mail_next_attempt_at = ? "
                                + "WHERE id = ? AND mail_status = ? AND mail_next_attempt_at <= ?",
                        leaseUntil.toEpochMilli(), candidate.id(), MailStatus.PENDING.name(), now.toEpochMilli()));
                if (leased == 1) {
                    return Optional.of(new InboxEntry(candidate.id(), candidate.user(), candidate.type(),
                            candidate.bookingId(), candidate.approvalId(), candidate.link(), candidate.token(),
                            candidate.message(), candidate.createdAt(), candidate.email(), candidate.mailStatus(),
                            candidate.mailAttempts(), leaseUntil, candidate.mailError()));
                }
            }
            // every candidate was leased by someone else meanwhile: look again
        }
        return Optional.empty();
    }

    @Override
    public void sent(String id) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE notification SET mail_status = ?, "
                + "mail_attempts = mail_attempts + 1 WHERE id = ?", MailStatus.SENT.name(), id));
    }

    @Override
    public void failed(String id, MailStatus status, int attempts, String error, Instant nextAttemptAt) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE notification SET mail_status = ?, mail_attempts = ?, "
                + "mail_error = ?, mail_next_attempt_at = ? WHERE id = ?", status.name(), attempts, error,
                nextAttemptAt.toEpochMilli(), id));
    }

    /** Held for the batch when one runs, else written at once. */
    private void hold(String key, Object row) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(row));
        } else {
            batch.put(key, row);
        }
    }

    /** Writes a batch's rows in one transaction (the caller's when it has one). */
    private void write(Collection<Object> rows) {
        List<Recipient> recipients = new ArrayList<>();
        List<Object[]> approvals = new ArrayList<>();
        List<Object[]> bookings = new ArrayList<>();
        List<Object[]> resources = new ArrayList<>();
        List<InboxEntry> entries = new ArrayList<>();
        List<Object[]> replaced = new ArrayList<>();
        for (Object row : rows) {
            switch (row) {
                case Replaced r -> replaced.add(updateRow(r.entry()));
                case Recipient r -> recipients.add(r);
                case ApprovalContext a -> approvals.add(new Object[] {a.id(), a.bookingId(), a.resourceId(), a.requester(),
                        a.subject(), a.timeZone()});
                case BookingTitle b -> bookings.add(new Object[] {b.id(), b.title(), b.resourceId(), b.requester()});
                case ResourcePlace r -> resources.add(new Object[] {r.id(), r.name(), r.timeZone()});
                case InboxEntry e -> entries.add(e);
                default -> throw new IllegalArgumentException("not a notification row: " + row);
            }
        }
        transaction.executeWithoutResult(s -> {
            if (!recipients.isEmpty()) {
                writer.batchUpdate("INSERT INTO notification_recipient (username, email, disabled) VALUES (?, ?, ?) "
                        + "ON CONFLICT (username) DO UPDATE SET email = excluded.email, disabled = excluded.disabled",
                        recipients.stream().map(r -> new Object[] {r.username(), r.email(), r.disabled()}).toList());
                writer.batchUpdate("DELETE FROM notification_recipient_role WHERE username = ?",
                        recipients.stream().map(r -> new Object[] {r.username()}).toList());
                List<Object[]> roles = new ArrayList<>();
                recipients.forEach(r -> r.roles().forEach(role -> roles.add(new Object[] {role.name(), r.username()})));
                if (!roles.isEmpty()) {
                    writer.batchUpdate("INSERT INTO notification_recipient_role (role, username) VALUES (?, ?)", roles);
                }
            }
            if (!approvals.isEmpty()) {
                writer.batchUpdate("INSERT INTO notification_approval (approval_id, booking_id, resource_id, requester, "
                        + "subject, time_zone) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (approval_id) DO UPDATE SET "
                        + "booking_id = excluded.booking_id, resource_id = excluded.resource_id, "
                        + "requester = excluded.requester, subject = excluded.subject, time_zone = excluded.time_zone",
                        approvals);
            }
            if (!bookings.isEmpty()) {
                writer.batchUpdate("INSERT INTO notification_booking (booking_id, title, resource_id, requester) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (booking_id) DO UPDATE SET title = excluded.title, "
                        + "resource_id = excluded.resource_id, requester = excluded.requester", bookings);
            }
            if (!resources.isEmpty()) {
                writer.batchUpdate("INSERT INTO notification_resource (resource_id, name, time_zone) VALUES (?, ?, ?) "
                        + "ON CONFLICT (resource_id) DO UPDATE SET name = excluded.name, "
                        + "time_zone = excluded.time_zone", resources);
            }
            if (!entries.isEmpty()) {
                writer.batchUpdate(INSERT_ENTRY, entries.stream().map(SqlNotificationStore::row).toList());
            }
            if (!replaced.isEmpty()) {
                writer.batchUpdate(UPDATE_ENTRY, replaced);
            }
        });
    }

    private static Object[] row(InboxEntry e) {
        return new Object[] {e.id(), e.user(), e.type(), e.bookingId(), e.approvalId(), e.link(), e.token(), e.message(),
                e.createdAt().toEpochMilli(), e.email(), e.mailStatus().name(), e.mailAttempts(),
                millis(e.mailNextAttemptAt()), e.mailError()};
    }

    private static InboxEntry entry(ResultSet rs, int row) throws SQLException {
        long next = rs.getLong(13);
        Instant nextAttempt = rs.wasNull() ? null : Instant.ofEpochMilli(next);
        return new InboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10),
                MailStatus.valueOf(rs.getString(11)), rs.getInt(12), nextAttempt, rs.getString(14));
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static String recipientKey(String username) {
        return "recipient:" + username;
    }

    private static String approvalKey(String approvalId) {
        return "approval:" + approvalId;
    }

    private static String entryKey(String id) {
        return "entry:" + id;
    }

    @Override
    protected void writeBatch(java.util.Map<String, Object> batch) {
        write(batch.values());
    }
}
