package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalStatus;
import io.aura.query.store.SqlViewStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval views in SQL, beside the event store (ADR 0021): a row per approval holding its record
 * as JSON, with the columns the sweep ({@code status, next_deadline_at}) and a booking's trail
 * ({@code booking_id, requested_at}) read through indexes. An approval's named approvers and roles
 * are rows of side tables ({@code approval_approver}, {@code approval_role}) carrying its status, so
 * an inbox reads only the approvals of that person or role in that status, however long the history.
 *
 * <p>Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}, which may be a pool of read-only
 * connections to the same database. Plain SQL that SQLite and PostgreSQL both run.
 */
public final class SqlApprovalViewStore extends SqlViewStore<ApprovalRecord> implements ApprovalViewStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BY_REQUEST = " ORDER BY requested_at, approval_id";


    public SqlApprovalViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlApprovalViewStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS approval_view (approval_id VARCHAR(100) PRIMARY KEY, "
                    + "booking_id VARCHAR(100), status VARCHAR(16) NOT NULL, requested_at BIGINT, "
                    + "next_deadline_at BIGINT, doc TEXT NOT NULL)");
            writer.execute("CREATE INDEX IF NOT EXISTS approval_view_due ON approval_view (status, next_deadline_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS approval_view_booking ON approval_view (booking_id, requested_at)");
            writer.execute("CREATE TABLE IF NOT EXISTS approval_approver (approval_id VARCHAR(100) NOT NULL, "
                    + "username VARCHAR(200) NOT NULL, status VARCHAR(16) NOT NULL, PRIMARY KEY (approval_id, username))");
            writer.execute("CREATE INDEX IF NOT EXISTS approval_approver_inbox ON approval_approver (username, status)");
            writer.execute("CREATE TABLE IF NOT EXISTS approval_role (approval_id VARCHAR(100) NOT NULL, "
                    + "role VARCHAR(100) NOT NULL, status VARCHAR(16) NOT NULL, PRIMARY KEY (approval_id, role))");
            writer.execute("CREATE INDEX IF NOT EXISTS approval_role_inbox ON approval_role (role, status)");
        });
        return this;
    }

    @Override
    public Optional<ApprovalRecord> find(String approvalId) {
        Map<String, ApprovalRecord> batch = pending.peek();
        if (batch != null && batch.containsKey(approvalId)) {
            return Optional.ofNullable(batch.get(approvalId));
        }
        return records("SELECT doc FROM approval_view WHERE approval_id = ?", List.of(approvalId)).stream().findFirst();
    }

    @Override
    public void save(ApprovalRecord approval) {
        Map<String, ApprovalRecord> batch = pending.open();
        if (batch == null) {
            write(List.of(approval));
        } else {
            batch.put(approval.approvalId(), approval);
        }
    }

    @Override
    public List<ApprovalRecord> withStatus(ApprovalStatus status) {
        return status == null
                ? records("SELECT doc FROM approval_view" + BY_REQUEST, List.of())
                : records("SELECT doc FROM approval_view WHERE status = ?" + BY_REQUEST, List.of(status.name()));
    }

    @Override
    public List<ApprovalRecord> inboxOf(String user, Collection<String> roles, ApprovalStatus status) {
        String inStatus = status == null ? "" : " AND status = ?";
        List<Object> args = new ArrayList<>();
        StringBuilder ids = new StringBuilder("SELECT approval_id FROM approval_approver WHERE username = ?")
                .append(inStatus);
        args.add(user);
        if (status != null) {
            args.add(status.name());
        }
        if (!roles.isEmpty()) {
            ids.append(" UNION SELECT approval_id FROM approval_role WHERE role IN (")
                    .append(String.join(", ", roles.stream().map(r -> "?").toList())).append(')').append(inStatus);
            args.addAll(roles);
            if (status != null) {
                args.add(status.name());
            }
        }
        return records("SELECT doc FROM approval_view WHERE approval_id IN (" + ids + ")" + BY_REQUEST, args);
    }

    @Override
    public List<ApprovalRecord> ofBooking(String bookingId) {
        return records("SELECT doc FROM approval_view WHERE booking_id = ?" + BY_REQUEST, List.of(bookingId));
    }

    /**
     * The approval rows have no column for who decided (the record is JSON): the rows whose JSON names the user
     * somewhere, then exactly those decided by them, with this batch's records in their place.
     */
    @Override
    public List<ApprovalRecord> decidedBy(String user) {
        String like = "%" + user.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, ApprovalRecord> batch = pending.peek();
        Map<String, ApprovalRecord> found = new java.util.LinkedHashMap<>();
        records("SELECT doc FROM approval_view WHERE doc LIKE ? ESCAPE '\\'" + BY_REQUEST, List.of(like)).stream()
                .filter(r -> batch == null || !batch.containsKey(r.approvalId()))
                .forEach(r -> found.put(r.approvalId(), r));
        if (batch != null) {
            batch.values().forEach(r -> found.put(r.approvalId(), r));
        }
        return found.values().stream().filter(r -> user.equals(r.decidedBy()))
                .sorted(java.util.Comparator.comparing(ApprovalRecord::requestedAt,
                                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                        .thenComparing(ApprovalRecord::approvalId))
                .toList();
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return reader.queryForList("SELECT approval_id FROM approval_view WHERE status = ? AND next_deadline_at <= ? "
                        + "ORDER BY next_deadline_at, approval_id LIMIT ?", String.class, ApprovalStatus.PENDING.name(),
                now.toEpochMilli(), limit);
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM approval_approver");
            writer.update("DELETE FROM approval_role");
            writer.update("DELETE FROM approval_view");
        });
    }

    private List<ApprovalRecord> records(String sql, List<?> args) {
        return reader.queryForList(sql, String.class, args.toArray()).stream()
                .map(doc -> JSON.readValue(doc, ApprovalRecord.class)).toList();
    }

    /** Upserts the records and replaces their approvers and roles, in one transaction (the caller's when it has one). */
    private void write(Collection<ApprovalRecord> approvals) {
        List<Object[]> rows = new ArrayList<>(approvals.size());
        List<Object[]> ids = new ArrayList<>(approvals.size());
        List<Object[]> approvers = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        for (ApprovalRecord a : approvals) {
            String status = a.status().name();
            rows.add(new Object[] {a.approvalId(), a.bookingId(), status, millis(a.requestedAt()),
                    millis(a.nextDeadlineAt()), JSON.writeValueAsString(a)});
            ids.add(new Object[] {a.approvalId()});
            a.approvers().stream().distinct().forEach(u -> approvers.add(new Object[] {a.approvalId(), u, status}));
            a.approverRoles().stream().distinct().forEach(r -> roles.add(new Object[] {a.approvalId(), r, status}));
        }
        transaction.executeWithoutResult(s -> {
            writer.batchUpdate("INSERT INTO approval_view (approval_id, booking_id, status, requested_at, "
                    + "next_deadline_at, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (approval_id) DO UPDATE SET "
                    + "booking_id = excluded.booking_id, status = excluded.status, requested_at = excluded.requested_at, "
                    + "next_deadline_at = excluded.next_deadline_at, doc = excluded.doc", rows);
            writer.batchUpdate("DELETE FROM approval_approver WHERE approval_id = ?", ids);
            writer.batchUpdate("DELETE FROM approval_role WHERE approval_id = ?", ids);
            if (!approvers.isEmpty()) {
                writer.batchUpdate("INSERT INTO approval_approver (approval_id, username, status) VALUES (?, ?, ?)",
                        approvers);
            }
            if (!roles.isEmpty()) {
                writer.batchUpdate("INSERT INTO approval_role (approval_id, role, status) VALUES (?, ?, ?)", roles);
            }
        });
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    @Override
    protected void writeBatch(java.util.Map<String, ApprovalRecord> batch) {
        write(batch.values());
    }
}
