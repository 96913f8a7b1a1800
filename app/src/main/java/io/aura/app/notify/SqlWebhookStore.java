package io.aura.app.notify;

import static io.aura.app.notify.DeliveryStatus.CANCELLED;
import static io.aura.app.notify.DeliveryStatus.DELIVERED;
import static io.aura.app.notify.DeliveryStatus.PENDING;

import io.aura.query.store.PendingViewWrites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook registrations, secrets and deliveries in SQL, in the event store's database. The
 * processor's writes are held in its batch and written as it prepares to commit, in the transaction
 * that stores its token: a delivery is then neither lost nor queued twice, and whoever sees a
 * registration gone sees its deliveries cancelled. A delivery is claimed by a conditional
 * {@code UPDATE ... WHERE} on the state its sender read, so two senders never both claim one. Plain
 * SQL that SQLite and PostgreSQL both run; reads through {@code reader}.
 */
public final class SqlWebhookStore implements WebhookStore {
    private static final String REGISTRATION = "r:";
    private static final String DELIVERY = "d:";
    private static final int CANDIDATES = 20;
    private static final String COLUMNS = "delivery_id, webhook_id, url, secret, event_type, body, status, attempts, "
            + "next_attempt_at, last_status, last_error";

    /** A webhook removed in the running batch. */
    private record Removed(String webhookId) {}

    /** A delivery's new body, as the running batch holds it (written after the batch's new deliveries). */
    private record NewBody(String deliveryId, String body) {}

    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final NamedParameterJdbcTemplate namedReader;
    private final TransactionTemplate transaction;
    /** Registrations (or their removal) and new deliveries of the running batch, by prefixed key. */
    private final PendingViewWrites<Object> pending = new PendingViewWrites<>(batch -> write(batch.values()));

    public SqlWebhookStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.namedReader = new NamedParameterJdbcTemplate(this.reader);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Creates the tables and indexes when they are missing. */
    public SqlWebhookStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS webhook_secret (webhook_id VARCHAR(100) PRIMARY KEY, "
                    + "secret TEXT NOT NULL)");
            writer.execute("CREATE TABLE IF NOT EXISTS webhook_registration (webhook_id VARCHAR(100) PRIMARY KEY, "
                    + "url TEXT NOT NULL, created_by VARCHAR(200), created_at BIGINT NOT NULL)");
            writer.execute("CREATE TABLE IF NOT EXISTS webhook_delivery (delivery_id VARCHAR(300) PRIMARY KEY, "
                    + "webhook_id VARCHAR(100) NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL, "
                    + "event_type VARCHAR(200) NOT NULL, body TEXT NOT NULL, status VARCHAR(16) NOT NULL, "
                    + "attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, last_status INTEGER, last_error TEXT)");
            writer.execute("CREATE INDEX IF NOT EXISTS webhook_delivery_due ON webhook_delivery (status, next_attempt_at)");
            writer.execute("CREATE INDEX IF NOT EXISTS webhook_delivery_hook ON webhook_delivery (webhook_id, status)");
        });
        return this;
    }

    // ---- secrets ---------------------------------------------------------------------------------

    @Override
    public void saveSecret(String webhookId, String secret) {
        transaction.executeWithoutResult(s -> writer.update("INSERT INTO webhook_secret (webhook_id, secret) "
                + "VALUES (?, ?) ON CONFLICT (webhook_id) DO UPDATE SET secret = excluded.secret", webhookId, secret));
    }

    @Override
    public Optional<String> secret(String webhookId) {
        return secrets(List.of(webhookId)).values().stream().findFirst();
    }

    @Override
    public Map<String, String> secrets(Collection<String> webhookIds) {
        Map<String, String> secrets = new HashMap<>();
        if (webhookIds.isEmpty()) {
            return secrets;
        }
        namedReader.query("SELECT webhook_id, secret FROM webhook_secret WHERE webhook_id IN (:ids)",
                new MapSqlParameterSource("ids", webhookIds), rs -> {
                    secrets.put(rs.getString(1), rs.getString(2));
                });
        Map<String, Object> batch = pending.peek();
        if (batch != null) { // a webhook removed in this batch has lost its secret
            batch.values().stream().filter(Removed.class::isInstance)
                    .forEach(r -> secrets.remove(((Removed) r).webhookId()));
        }
        return secrets;
    }

    // ---- registrations ---------------------------------------------------------------------------

    @Override
    public void saveRegistration(Registration registration) {
        hold(REGISTRATION + registration.id(), registration);
    }

    @Override
    public void remove(String webhookId) {
        hold(REGISTRATION + webhookId, new Removed(webhookId));
    }

    @Override
    public Optional<Registration> registration(String webhookId) {
        Map<String, Object> batch = pending.peek();
        if (batch != null && batch.containsKey(REGISTRATION + webhookId)) {
            return batch.get(REGISTRATION + webhookId) instanceof Registration r ? Optional.of(r) : Optional.empty();
        }
        return reader.query("SELECT webhook_id, url, created_by, created_at FROM webhook_registration "
                + "WHERE webhook_id = ?", REGISTRATION_ROW, webhookId).stream().findFirst();
    }

    @Override
    public List<Registration> registrations() {
        Map<String, Registration> all = new LinkedHashMap<>();
        reader.query("SELECT webhook_id, url, created_by, created_at FROM webhook_registration "
                + "ORDER BY created_at, webhook_id", REGISTRATION_ROW).forEach(r -> all.put(r.id(), r));
        Map<String, Object> batch = pending.peek();
        if (batch != null) { // the batch's registrations and removals come after what is stored
            for (Object record : batch.values()) {
                if (record instanceof Registration r) {
                    all.put(r.id(), r);
                } else if (record instanceof Removed removed) {
                    all.remove(removed.webhookId());
                }
            }
        }
        return List.copyOf(all.values());
    }

    // ---- the delivery outbox ---------------------------------------------------------------------

    @Override
    public void addDelivery(Delivery delivery) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(delivery));
        } else {
            batch.putIfAbsent(DELIVERY + delivery.id(), delivery); // insert-only, as in the store
        }
    }

    @Override
    public Optional<Delivery> claimDue(Instant now, Instant leaseUntil) {
        // bounded: a candidate lost to another sender is no longer due, so each round finds fewer
        for (int round = 0; round < 10; round++) {
            List<Delivery> due = reader.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE status = ? "
                    + "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?", DELIVERY_ROW, PENDING.name(),
                    now.toEpochMilli(), CANDIDATES);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            for (Delivery d : due) {
                // claimed only if nobody changed it since it was read: two senders never both win one
                Integer claimed = transaction.execute(s -> writer.update("UPDATE webhook_delivery "
                                + "SET next_attempt_at = ? WHERE delivery_id = ? AND status = ? AND next_attempt_at = ? "
                                + "AND attempts = ?", leaseUntil.toEpochMilli(), d.id(), PENDING.name(),
                        d.nextAttemptAt().toEpochMilli(), d.attempts()));
                if (claimed != null && claimed == 1) {
                    return Optional.of(new Delivery(d.id(), d.webhookId(), d.url(), d.secret(), d.eventType(), d.body(),
                            d.status(), d.attempts(), Instant.ofEpochMilli(leaseUntil.toEpochMilli()), d.lastStatus(),
                            d.lastError()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void delivered(String deliveryId, int httpStatus) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE webhook_delivery SET status = ?, "
                + "attempts = attempts + 1, last_status = ? WHERE delivery_id = ? AND status = ?", DELIVERED.name(),
                httpStatus, deliveryId, PENDING.name()));
    }

    @Override
    public void failed(String deliveryId, DeliveryStatus status, int attempts, Integer httpStatus, String error,
                       Instant nextAttemptAt) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE webhook_delivery SET status = ?, attempts = ?, "
                        + "last_status = ?, last_error = ?, next_attempt_at = ? WHERE delivery_id = ? AND status = ?",
                status.name(), attempts, httpStatus, error, nextAttemptAt.toEpochMilli(), deliveryId, PENDING.name()));
    }

    @Override
    public List<Delivery> deliveriesOf(String webhookId) {
        return reader.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE webhook_id = ?", DELIVERY_ROW,
                webhookId);
    }

    @Override
    public List<Delivery> deliveriesContaining(String text) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, Delivery> found = new LinkedHashMap<>();
        reader.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE body LIKE ? ESCAPE '\\'", DELIVERY_ROW, like)
                .forEach(d -> found.put(d.id(), d));
        Map<String, Object> batch = pending.peek();
        if (batch != null) {
            for (Object held : batch.values()) {
                if (held instanceof Delivery d && !found.containsKey(d.id())) { // insert-only: a stored one stays
                    found.put(d.id(), d);
                } else if (held instanceof NewBody b && found.get(b.deliveryId()) instanceof Delivery d) {
                    found.put(d.id(), new Delivery(d.id(), d.webhookId(), d.url(), d.secret(), d.eventType(),
                            b.body(), d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError()));
                }
            }
        }
        return found.values().stream().filter(d -> d.body().contains(text)).toList();
    }

    @Override
    public void replaceBody(String deliveryId, String body) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(new NewBody(deliveryId, body)));
        } else if (batch.get(DELIVERY + deliveryId) instanceof Delivery d) { // queued by this batch: queued so
            batch.put(DELIVERY + deliveryId, new Delivery(d.id(), d.webhookId(), d.url(), d.secret(), d.eventType(),
                    body, d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError()));
        } else {
            batch.put("b:" + deliveryId, new NewBody(deliveryId, body));
        }
    }

    // ---- batches ---------------------------------------------------------------------------------

    /** Into the running batch, or written at once when none runs. */
    private void hold(String key, Object record) {
        Map<String, Object> batch = pending.open();
        if (batch == null) {
            write(List.of(record));
        } else {
            batch.put(key, record);
        }
    }

    /**
     * Writes a batch in one transaction (the caller's when it has one): registrations, then new
     * deliveries, then removals, so a delivery queued for a webhook that the same batch removed is
     * cancelled with the rest.
     */
    private void write(Collection<Object> records) {
        List<Object[]> registrations = new ArrayList<>();
        List<Object[]> deliveries = new ArrayList<>();
        List<Object[]> removals = new ArrayList<>();
        List<Object[]> bodies = new ArrayList<>();
        for (Object record : records) {
            switch (record) {
                case NewBody b -> bodies.add(new Object[] {b.body(), b.deliveryId()});
                case Registration r -> registrations.add(new Object[] {r.id(), r.url(), r.createdBy(),
                        r.createdAt().toEpochMilli()});
                case Delivery d -> deliveries.add(new Object[] {d.id(), d.webhookId(), d.url(), d.secret(),
                        d.eventType(), d.body(), d.status().name(), d.attempts(), d.nextAttemptAt().toEpochMilli(),
                        d.lastStatus(), d.lastError()});
                case Removed removed -> removals.add(new Object[] {removed.webhookId()});
                default -> throw new IllegalArgumentException("not a webhook record: " + record);
            }
        }
        transaction.executeWithoutResult(s -> {
            if (!registrations.isEmpty()) {
                writer.batchUpdate("INSERT INTO webhook_registration (webhook_id, url, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (webhook_id) DO UPDATE SET url = excluded.url, "
                        + "created_by = excluded.created_by, created_at = excluded.created_at", registrations);
            }
            if (!deliveries.isEmpty()) {
                writer.batchUpdate("INSERT INTO webhook_delivery (" + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING", deliveries);
            }
            if (!bodies.isEmpty()) {
                writer.batchUpdate("UPDATE webhook_delivery SET body = ? WHERE delivery_id = ?", bodies);
            }
            if (!removals.isEmpty()) {
                List<Object[]> cancels = removals.stream().map(r -> new Object[] {CANCELLED.name(), "webhook removed",
                        r[0], PENDING.name()}).toList();
                writer.batchUpdate("UPDATE webhook_delivery SET status = ?, last_error = ? WHERE webhook_id = ? "
                        + "AND status = ?", cancels);
                writer.batchUpdate("DELETE FROM webhook_secret WHERE webhook_id = ?", removals);
                writer.batchUpdate("DELETE FROM webhook_registration WHERE webhook_id = ?", removals);
            }
        });
    }

    private static final RowMapper<Registration> REGISTRATION_ROW = (rs, i) -> new Registration(rs.getString(1),
            rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));

    private static final RowMapper<Delivery> DELIVERY_ROW = (rs, i) -> new Delivery(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), DeliveryStatus.valueOf(rs.getString(7)),
            rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9)), integer(rs, 10), rs.getString(11));

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
