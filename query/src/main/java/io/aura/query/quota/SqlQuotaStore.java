package io.aura.query.quota;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.store.SqlViewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Quotas and ledger dates in SQL, beside the event store (ADR 0021, 0034): a row per quota, a row per counted
 * date. Writes go through the writing data source in the transaction of the processor batch that computed
 * them (with its token); reads through {@code reader}, overlaid with what the running batch holds. Plain SQL
 * that SQLite and PostgreSQL both run.
 */
public final class SqlQuotaStore extends SqlViewStore<Object> implements QuotaStore {
    private static final String QUOTA = "q|";
    private static final String CHARGES = "c|";
    private static final String QUOTA_COLUMNS =
            "quota_id, resource_id, category, role, username, period, max_minutes, max_bookings";
    private static final String CHARGE_COLUMNS =
            "username, booking_id, starts_at, ends_at, resource_id, category, zone, week, month";

    public SqlQuotaStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables and their index when they are missing. */
    public SqlQuotaStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS quota (quota_id VARCHAR(200) PRIMARY KEY, "
                    + "resource_id VARCHAR(200), category VARCHAR(200), role VARCHAR(40), username VARCHAR(200), "
                    + "period VARCHAR(10) NOT NULL, max_minutes INTEGER, max_bookings INTEGER)");
            writer.execute("CREATE TABLE IF NOT EXISTS quota_charge (username VARCHAR(200) NOT NULL, "
                    + "booking_id VARCHAR(200) NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, "
                    + "resource_id VARCHAR(200) NOT NULL, category VARCHAR(200), zone VARCHAR(100) NOT NULL, "
                    + "week VARCHAR(10) NOT NULL, month VARCHAR(10) NOT NULL, "
                    + "PRIMARY KEY (username, booking_id, starts_at))");
        });
        return this;
    }

    @Override
    public List<QuotaView> quotas() {
        Map<String, QuotaView> all = new LinkedHashMap<>();
        reader.query("SELECT " + QUOTA_COLUMNS + " FROM quota", SqlQuotaStore::quota)
                .forEach(q -> all.put(q.quotaId(), q));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            batch.forEach((key, value) -> {
                if (key.startsWith(QUOTA)) {
                    all.put(key.substring(QUOTA.length()), (QuotaView) value);
                }
            });
        }
        return all.values().stream().filter(q -> q != null).sorted(Comparator.comparing(QuotaView::quotaId)).toList();
    }

    @Override
    public Optional<QuotaView> quota(String quotaId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.containsKey(QUOTA + quotaId)) {
            return Optional.ofNullable((QuotaView) batch.get(QUOTA + quotaId));
        }
        return reader.query("SELECT " + QUOTA_COLUMNS + " FROM quota WHERE quota_id = ?", SqlQuotaStore::quota,
                quotaId).stream().findFirst();
    }

    @Override
    public void save(QuotaView quota) {
        hold(QUOTA + quota.quotaId(), quota);
    }

    @Override
    public void remove(String quotaId) {
        hold(QUOTA + quotaId, null);
    }

    @Override
    public List<Charge> chargesOf(String username) {
        Map<String, List<Charge>> byBooking = new LinkedHashMap<>();
        reader.query("SELECT " + CHARGE_COLUMNS + " FROM quota_charge WHERE username = ?", SqlQuotaStore::charge,
                username).forEach(c -> byBooking.computeIfAbsent(c.bookingId(), k -> new ArrayList<>()).add(c));
        Map<String, Object> batch = pending.peek();
        String prefix = CHARGES + username + "|";
        if (batch != null) {
            batch.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    byBooking.put(key.substring(prefix.length()), charges(value));
                }
            });
        }
        return byBooking.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(Charge::bookingId).thenComparing(c -> c.occurrence().start())).toList();
    }

    @Override
    public List<Charge> chargesOf(String username, String bookingId) {
        Map<String, Object> batch = pending.peek();
        String key = chargeKey(username, bookingId);
        if (batch != null && batch.containsKey(key)) {
            return charges(batch.get(key));
        }
        return reader.query("SELECT " + CHARGE_COLUMNS + " FROM quota_charge WHERE username = ? AND booking_id = ? "
                + "ORDER BY starts_at", SqlQuotaStore::charge, username, bookingId);
    }

    @Override
    public void saveCharges(String username, String bookingId, List<Charge> charges) {
        hold(chargeKey(username, bookingId), List.copyOf(charges));
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM quota");
            writer.update("DELETE FROM quota_charge");
        });
    }

    private void hold(String key, Object value) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(key, value);
            writeBatch(one);
        } else {
            batch.put(key, value);
        }
    }

    @Override
    protected void writeBatch(Map<String, Object> batch) {
        transaction.executeWithoutResult(s -> batch.forEach((key, value) -> {
            if (key.startsWith(QUOTA)) {
                String quotaId = key.substring(QUOTA.length());
                writer.update("DELETE FROM quota WHERE quota_id = ?", quotaId);
                if (value instanceof QuotaView q) {
                    QuotaSpec spec = q.spec();
                    writer.update("INSERT INTO quota (" + QUOTA_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            q.quotaId(), spec.resourceId(), spec.category(), spec.role(), spec.username(),
                            spec.period().name(), spec.maxMinutes(), spec.maxBookings());
                }
            } else {
                String[] parts = key.substring(CHARGES.length()).split("\\|", 2);
                writer.update("DELETE FROM quota_charge WHERE username = ? AND booking_id = ?", parts[0], parts[1]);
                for (Charge c : charges(value)) {
                    writer.update("INSERT INTO quota_charge (" + CHARGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            parts[0], c.bookingId(), c.occurrence().start().toEpochMilli(),
                            c.occurrence().end().toEpochMilli(), c.resourceId(), c.category(), c.zone(), c.week(),
                            c.month());
                }
            }
        }));
    }

    /** Usernames cannot hold '|' (UsernamePolicy), so the key splits back into its two parts. */
    private static String chargeKey(String username, String bookingId) {
        return CHARGES + username + "|" + bookingId;
    }

    @SuppressWarnings("unchecked")
    private static List<Charge> charges(Object value) {
        return value == null ? List.of() : (List<Charge>) value;
    }

    private static QuotaView quota(ResultSet rs, int n) throws SQLException {
        return new QuotaView(rs.getString("quota_id"), new QuotaSpec(rs.getString("resource_id"),
                rs.getString("category"), rs.getString("role"), rs.getString("username"),
                QuotaPeriod.valueOf(rs.getString("period")), integer(rs, "max_minutes"), integer(rs, "max_bookings")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Charge charge(ResultSet rs, int n) throws SQLException {
        return new Charge(rs.getString("booking_id"), rs.getString("resource_id"), rs.getString("category"),
                new TimeRange(Instant.ofEpochMilli(rs.getLong("starts_at")), Instant.ofEpochMilli(rs.getLong("ends_at"))),
                rs.getString("zone"), rs.getString("week"), rs.getString("month"));
    }
}
