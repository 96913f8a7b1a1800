package io.aura.app.notify;

import io.aura.query.store.BatchedViewStore;
import io.aura.query.store.PendingViewWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inboxes, the mail outbox and the processor's recipients and approval contexts in SQL, in the event
 * store's database. The processor's writes are held in its batch and written as it prepares to
 * commit, in the transaction that stores its token (a mail is then neither lost nor queued twice); the
 * batch's own later events read its pending records first. A mail is claimed by a conditional
 * {@code UPDATE ... WHERE} on the state its sender read, so two senders never both claim one.
 * Plain SQL that SQLite and PostgreSQL both run; reads through {@code reader}.
 */
public final class SqlNotificationStore implements NotificationStore, BatchedViewStore {
    private static final String ENTRY = "n:";
    private static final String RECIPIENT = "r:";
    private static final String CONTEXT = "a:";
    /** Due mails read per claim round: a sender takes the first it wins. */
    private static final int CANDIDATES = 20;
    private static final String COLUMNS = "id, user_name, type, booking_id, approval_id, link, token, message, "
            + "created_at, email, mail_status, mail_attempts, mail_next_attempt_at, mail_error";

    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final TransactionTemplate transaction;
    /** Entries, recipients and contexts of the running batch, by prefixed key. */
    private final PendingViewWrites<Object> pending = new PendingViewWrites<>(batch -> write(batch.values()));

    public SqlNotificationStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlNotificationStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS notification (id VARCHAR(300) PRIMARY KEY, "
                    + "user_name VARCHAR(200) NOT NULL, type VARCHAR(64) NOT NULL, booking_id VARCHAR(100), "
                    + "approval_id VARCHAR(100), link TEXT, token TEXT, message TEXT, created_at BIGINT NOT NULL, "
                    + "email TEXT, mail_status VARCHAR(16) NOT NULL, mail_attempts INTEGER NOT NULL, "
                    + "mail_next_attempt_at BIGINT, mail_error TEXT)");
            writer.execute("CREATE INDEX IF NOT EXISTS notification_inbox ON notification (user_name, created_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS notification_outbox ON notification "
                    + "(mail_status, mail_next_attempt_at)");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_recipient (username VARCHAR(200) PRIMARY KEY, "
                    + "roles TEXT NOT NULL, email TEXT)");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_recipient_role (role VARCHAR(32) NOT NULL, "
                    + "username VARCHAR(200) NOT NULL, PRIMARY KEY (role, username))");
            writer.execute("CREATE INDEX IF NOT EXISTS notification_recipient_role_user "
                    + "ON notification_recipient_role (username)");
            writer.execute("CREATE TABLE IF NOT EXISTS notification_approval (approval_id VARCHAR(100) PRIMARY KEY, "
                    + "booking_id VARCHAR(100), resource_id VARCHAR(100), requester VARCHAR(200))");
        });
        return this;
    }

    // ---- the processor's writes and reads ---------------------------------------------------------

    @Override
    public boolean add(NotificationDocument entry) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            return transaction.execute(s -> writer.update(INSERT, row(entry))) == 1;
        }
        if (batch.containsKey(ENTRY + entry.id()) || !reader.queryForList(
                "SELECT id FROM notification WHERE id = ?", String.class, entry.id()).isEmpty()) {
            return false;
        }
        batch.put(ENTRY + entry.id(), entry);
        return true;
    }

    @Override
    public void saveRecipient(Recipient recipient) {
        hold(RECIPIENT + recipient.username(), recipient);
    }

    @Override
    public Optional<Recipient> recipient(String username) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.containsKey(RECIPIENT + username)) {
            return Optional.of((Recipient) batch.get(RECIPIENT + username));
        }
        return reader.query("SELECT username, roles, email FROM notification_recipient WHERE username = ?",
                (rs, i) -> new Recipient(rs.getString(1), roles(rs.getString(2)), rs.getString(3)), username)
                .stream().findFirst();
    }

    @Override
    public List<String> membersOf(String role) {
        Set<String> members = new TreeSet<>(reader.queryForList(
                "SELECT username FROM notification_recipient_role WHERE role = ?", String.class, role));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            for (Object record : batch.values()) {
                if (record instanceof Recipient r) { // the batch's version of a recipient replaces the stored one
                    members.remove(r.username());
                    if (r.roles().contains(role)) {
                        members.add(r.username());
                    }
                }
            }
        }
        return List.copyOf(members);
    }

    @Override
    public void saveApprovalContext(ApprovalContext context) {
        hold(CONTEXT + context.id(), context);
    }

    @Override
    public Optional<ApprovalContext> approvalContext(String approvalId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.containsKey(CONTEXT + approvalId)) {
            return Optional.of((ApprovalContext) batch.get(CONTEXT + approvalId));
        }
        return reader.query("SELECT approval_id, booking_id, resource_id, requester FROM notification_approval "
                        + "WHERE approval_id = ?", (rs, i) -> new ApprovalContext(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), approvalId).stream().findFirst();
    }

    @Override
    public void resetKeepingPendingMail() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM notification WHERE mail_status <> ?", NotificationDocument.PENDING);
            writer.update("DELETE FROM notification_recipient_role");
            writer.update("DELETE FROM notification_recipient");
            writer.update("DELETE FROM notification_approval");
        });
    }

    @Override
    public boolean noRecipients() {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.values().stream().anyMatch(Recipient.class::isInstance)) {
            return false;
        }
        return reader.queryForList("SELECT username FROM notification_recipient LIMIT 1", String.class).isEmpty();
    }

    // ---- the API's reads -----------------------------------------------------------------------

    @Override
    public List<NotificationDocument> inboxOf(String user, int limit) {
        return reader.query("SELECT " + COLUMNS + " FROM notification WHERE user_name = ? "
                + "ORDER BY created_at DESC, id LIMIT ?", ROW, user, limit);
    }

    @Override
    public Optional<NotificationDocument> find(String id) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.containsKey(ENTRY + id)) {
            return Optional.of((NotificationDocument) batch.get(ENTRY + id));
        }
        return reader.query("SELECT " + COLUMNS + " FROM notification WHERE id = ?", ROW, id).stream().findFirst();
    }

    // ---- the mail outbox ------------------------------------------------------------------------

    @Override
    public Optional<NotificationDocument> claimDueMail(Instant now, Instant leaseUntil) {
        // bounded: a candidate lost to another sender is no longer due, so each round finds fewer
        for (int round = 0; round < 10; round++) {
            List<NotificationDocument> due = reader.query("SELECT " + COLUMNS + " FROM notification "
                    + "WHERE mail_status = ? AND mail_next_attempt_at <= ? ORDER BY mail_next_attempt_at LIMIT ?",
                    ROW, NotificationDocument.PENDING, now.toEpochMilli(), CANDIDATES);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            for (NotificationDocument mail : due) {
                // claimed only if nobody changed it since it was read: two senders never both win one
                Integer claimed = transaction.execute(s -> writer.update("UPDATE notification "
                                + "SET mail_next_attempt_at = ? WHERE id = ? AND mail_status = ? "
                                + "AND mail_next_attempt_at = ? AND mail_attempts = ?", leaseUntil.toEpochMilli(),
                        mail.id(), NotificationDocument.PENDING, mail.mailNextAttemptAt().toEpochMilli(),
                        mail.mailAttempts()));
                if (claimed != null && claimed == 1) {
                    return Optional.of(new NotificationDocument(mail.id(), mail.user(), mail.type(), mail.bookingId(),
                            mail.approvalId(), mail.link(), mail.token(), mail.message(), mail.createdAt(),
                            mail.email(), mail.mailStatus(), mail.mailAttempts(),
                            Instant.ofEpochMilli(leaseUntil.toEpochMilli()), mail.mailError()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void mailSent(String id) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE notification SET mail_status = ?, "
                + "mail_attempts = mail_attempts + 1 WHERE id = ?", NotificationDocument.SENT, id));
    }

    @Override
    public void mailFailed(String id, String status, int attempts, String error, Instant nextAttemptAt) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE notification SET mail_status = ?, "
                        + "mail_attempts = ?, mail_error = ?, mail_next_attempt_at = ? WHERE id = ?", status, attempts,
                error, nextAttemptAt.toEpochMilli(), id));
    }

    // ---- batches ---------------------------------------------------------------------------------

    @Override
    public void beginBatch() {
        pending.begin();
    }

    @Override
    public void flushBatch() {
        pending.flush();
    }

    @Override
    public void endBatch() {
        pending.end();
    }

    /** Into the running batch, or written at once when none runs. */
    private void hold(String key, Object record) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(record));
        } else {
            batch.put(key, record);
        }
    }

    /** Writes a batch's records in one transaction (the caller's when it has one). */
    private void write(Collection<Object> records) {
        List<NotificationDocument> entries = new ArrayList<>();
        List<Object[]> recipients = new ArrayList<>();
        List<Object[]> recipientNames = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        List<Object[]> contexts = new ArrayList<>();
        for (Object record : records) {
            switch (record) {
                case NotificationDocument entry -> entries.add(entry);
                case Recipient r -> {
                    recipients.add(new Object[] {r.username(), String.join(",", new TreeSet<>(r.roles())), r.email()});
                    recipientNames.add(new Object[] {r.username()});
                    r.roles().forEach(role -> roles.add(new Object[] {role, r.username()}));
                }
                case ApprovalContext c -> contexts.add(new Object[] {c.id(), c.bookingId(), c.resourceId(),
                        c.requester()});
                default -> throw new IllegalArgumentException("not a notification record: " + record);
            }
        }
        transaction.executeWithoutResult(s -> {
            insert(entries);
            if (!recipients.isEmpty()) {
                writer.batchUpdate("INSERT INTO notification_recipient (username, roles, email) VALUES (?, ?, ?) "
                        + "ON CONFLICT (username) DO UPDATE SET roles = excluded.roles, email = excluded.email", recipients);
                writer.batchUpdate("DELETE FROM notification_recipient_role WHERE username = ?", recipientNames);
                writer.batchUpdate("INSERT INTO notification_recipient_role (role, username) VALUES (?, ?)", roles);
            }
            if (!contexts.isEmpty()) {
                writer.batchUpdate("INSERT INTO notification_approval (approval_id, booking_id, resource_id, requester) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (approval_id) DO UPDATE SET booking_id = excluded.booking_id, "
                        + "resource_id = excluded.resource_id, requester = excluded.requester", contexts);
            }
        });
    }

    private static final String INSERT = "INSERT INTO notification (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    /** Inserts the entries that are not there yet (insert-only: an entry found keeps its mail state). */
    private void insert(List<NotificationDocument> entries) {
        if (!entries.isEmpty()) {
            writer.batchUpdate(INSERT, entries.stream().map(SqlNotificationStore::row).toList());
        }
    }

    private static Object[] row(NotificationDocument e) {
        return new Object[] {e.id(), e.user(), e.type(), e.bookingId(), e.approvalId(), e.link(), e.token(),
                e.message(), e.createdAt().toEpochMilli(), e.email(), e.mailStatus(), e.mailAttempts(),
                millis(e.mailNextAttemptAt()), e.mailError()};
    }

    private static final RowMapper<NotificationDocument> ROW = (rs, i) -> new NotificationDocument(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), instant(rs, 9), rs.getString(10), rs.getString(11), rs.getInt(12), instant(rs, 13),
            rs.getString(14));

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Set<String> roles(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
