package io.aura.app.storage;

import io.aura.app.notify.NotificationInbox;
import io.aura.app.notify.NotificationStore;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.query.approval.ApprovalProjection;
import io.aura.query.approval.ApprovalViewStore;
import io.aura.query.booking.BookingProjection;
import io.aura.query.booking.BookingViewStore;
import io.aura.query.booking.HeatmapProjection;
import io.aura.query.store.ViewChanges;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live updates across nodes (ADR 0053): the node whose processor wrote a view sends a PostgreSQL {@code NOTIFY} in
 * that batch's transaction, which PostgreSQL delivers only when the batch commits; every other node {@code LISTEN}s
 * on a connection of its own, reads the committed view and tells its own subscribers (SSE streams, open browsers,
 * requests waiting to read their write, approvers' inboxes, people's bells). The node that wrote it has told its own
 * already, so it skips its news.
 */
public final class PostgresViewChanges implements ViewChanges, AutoCloseable {
    static final String CHANNEL = "aura_view_changes";
    private static final Logger log = LoggerFactory.getLogger(PostgresViewChanges.class);

    private final String node = UUID.randomUUID().toString();
    private final JdbcTemplate sql;
    private final String url;
    private final String username;
    private final String password;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Connection listening;

    public PostgresViewChanges(DataSource dataSource, String url, String username, String password) {
        this.sql = new JdbcTemplate(dataSource);
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public void bookingChanged(String bookingId) {
        notify(Kind.BOOKING, bookingId);
    }

    @Override
    public void heatmapChanged(HeatmapChanged change) {
        notify(Kind.HEATMAP, change.from() + " " + change.to() + " " + change.resourceId());
    }

    @Override
    public void approvalChanged(String approvalId) {
        notify(Kind.APPROVAL, approvalId);
    }

    @Override
    public void notificationAdded(String entryId) {
        notify(Kind.NOTIFICATION, entryId);
    }

    /** What changed, as the news names it: {@code <node> <kind> <what>}, the kind in lower case. */
    enum Kind {
        BOOKING, HEATMAP, APPROVAL, NOTIFICATION;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> of(String wire) {
            return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
        }
    }

    private void notify(Kind kind, String what) {
        // on the batch's own connection (the processor's transaction): delivered at its commit, dropped at a rollback
        sql.queryForList("SELECT pg_notify(?, ?)", CHANNEL, node + " " + kind.wire() + " " + what);
    }

    /** Where this node reads what another node changed, and whom it tells: its own live queries. */
    public record LocalViews(BookingViewStore bookings, ApprovalViewStore approvals, NotificationStore notifications,
                             QueryUpdateEmitter emitter) {}

    /** Starts listening: what other nodes change reaches this node's live queries through its {@code emitter}. */
    public PostgresViewChanges relayTo(LocalViews views) {
        Thread.ofPlatform().name("view-changes").daemon().start(() -> {
            while (running.get()) {
                try (Connection c = DriverManager.getConnection(url, username, password);
                     Statement st = c.createStatement()) {
                    listening = c;
                    st.execute("LISTEN " + CHANNEL);
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running.get()) {
                        PGNotification[] news = pg.getNotifications(500);
                        if (news != null) {
                            for (PGNotification n : news) {
                                try {
                                    relay(n.getParameter(), views);
                                } catch (RuntimeException e) {
                                    // one bad piece of news must not drop the connection: what follows would be lost
                                    log.warn("Could not relay another node's view change {}: {}", n.getParameter(),
                                            e.toString());
                                }
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (running.get()) {
                        log.warn("Listening for other nodes' view changes failed; again in a second: {}", e.toString());
                        sleepASecond();
                    }
                }
            }
        });
        return this;
    }

    void relay(String news, LocalViews views) {
        String[] parts = news.split(" ", 3);
        if (parts.length != 3 || parts[0].equals(node)) {
            return;
        }
        Optional<Kind> kind = Kind.of(parts[1]);
        if (kind.isEmpty()) {
            log.debug("Unknown view change from another node: {}", news);
            return;
        }
        QueryUpdateEmitter emitter = views.emitter();
        switch (kind.get()) {
            case BOOKING -> {
                Optional<BookingView> view = views.bookings().find(parts[2]);
                view.ifPresent(v -> BookingProjection.publish(emitter, v));
            }
            case HEATMAP -> {
                String[] change = parts[2].split(" ", 3);
                HeatmapProjection.publish(emitter,
                        new HeatmapChanged(change[2], Instant.parse(change[0]), Instant.parse(change[1])));
            }
            case APPROVAL -> views.approvals().find(parts[2])
                    .ifPresent(approval -> ApprovalProjection.publish(emitter, approval));
            case NOTIFICATION -> views.notifications().entry(parts[2])
                    .ifPresent(entry -> NotificationInbox.publish(emitter, entry));
        }
    }

    private static void sleepASecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws SQLException {
        running.set(false);
        Connection c = listening;
        if (c != null) {
            c.close();
        }
    }
}
