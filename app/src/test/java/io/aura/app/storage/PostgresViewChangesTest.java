package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.notify.InboxEntry;
import io.aura.app.notify.MailStatus;
import io.aura.app.notify.SqlNotificationStore;
import io.aura.app.storage.PostgresViewChanges.LocalViews;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.PostgresTestServer;
import io.aura.query.approval.ApprovalRecord;
import io.aura.query.approval.SqlApprovalViewStore;
import io.aura.query.booking.SqlBookingViewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What one node's processor changes reaches the live queries of another node, once its batch commits (ADR 0053). */
class PostgresViewChangesTest {
    static final HeatmapChanged MONDAY_MORNING = new HeatmapChanged("room-1", Instant.parse("2026-12-14T08:00:00Z"),
            Instant.parse("2026-12-14T10:00:00Z"));

    static final ApprovalRecord PATS_APPROVAL = new ApprovalRecord("approval-1", "booking-1", "room-1", "sam",
            ApprovalStatus.PENDING, 0, "owner", List.of("pat"), List.of(), new TimeRange(MONDAY_MORNING.from(),
            MONDAY_MORNING.to()), null, Instant.parse("2026-12-07T09:00:00Z"), null, null, null, false, false, null,
            null, null);
    static final InboxEntry SAMS_NEWS = new InboxEntry("event-1:sam", "sam", "BOOKING_APPROVED", "booking-1",
            "approval-1", null, null, "Your booking is approved", Instant.parse("2026-12-07T09:05:00Z"), null,
            MailStatus.OFF, 0, null, null);

    PGSimpleDataSource database;
    SqlApprovalViewStore approvals;
    SqlNotificationStore notifications;
    PostgresViewChanges writingNode;
    PostgresViewChanges watchingNode;
    BlockingQueue<Object> heardOnTheWatchingNode = new LinkedBlockingQueue<>();
    TransactionTemplate batch;

    @BeforeEach
    void twoNodes() throws Exception {
        PostgresTestServer postgres = PostgresTestServer.get();
        database = postgres.newDatabase();
        String url = postgres.url(database.getDatabaseName());
        writingNode = new PostgresViewChanges(database, url, "aura", "");
        watchingNode = new PostgresViewChanges(database, url, "aura", "");
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new WatchHeatmap(null),
                        ResponseTypes.instanceOf(Object.class), ResponseTypes.instanceOf(HeatmapChanged.class)), 16)
                .getUpdates().subscribe(update -> heardOnTheWatchingNode.add(update.getPayload()));
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindApprovalInbox("pat",
                        List.of("APPROVER"), null), ResponseTypes.instanceOf(Object.class),
                        ResponseTypes.instanceOf(ApprovalView.class)), 16)
                .getUpdates().subscribe(update -> heardOnTheWatchingNode.add(update.getPayload()));
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new WatchNotifications("sam"),
                        ResponseTypes.instanceOf(Object.class), ResponseTypes.instanceOf(NotificationView.class)), 16)
                .getUpdates().subscribe(update -> heardOnTheWatchingNode.add(update.getPayload()));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        approvals = new SqlApprovalViewStore(database, database, transactions).createSchema();
        notifications = new SqlNotificationStore(database, database, transactions).createSchema();
        watchingNode.relayTo(new LocalViews(new SqlBookingViewStore(database, database, transactions).createSchema(),
                approvals, notifications, emitter));
        batch = new TransactionTemplate(transactions);
        // the watching node listens once its LISTEN is the last thing its connection said
        await().atMost(Duration.ofSeconds(10)).until(() -> new JdbcTemplate(database).queryForObject(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query = ?",
                Integer.class, "LISTEN " + PostgresViewChanges.CHANNEL) == 1);
    }

    @AfterEach
    void stop() throws Exception {
        writingNode.close();
        watchingNode.close();
    }

    @Test
    void a_heatmap_change_committed_on_one_node_reaches_the_live_heatmaps_of_another() throws Exception {
        batch.executeWithoutResult(s -> writingNode.heatmapChanged(MONDAY_MORNING));

        assertThat(heardOnTheWatchingNode.poll(2, TimeUnit.SECONDS)).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void an_approval_changed_on_one_node_reaches_the_live_inbox_of_its_approver_on_another() throws Exception {
        batch.executeWithoutResult(s -> {
            approvals.save(PATS_APPROVAL);
            writingNode.approvalChanged(PATS_APPROVAL.approvalId());
        });

        assertThat(heardOnTheWatchingNode.poll(2, TimeUnit.SECONDS)).isEqualTo(PATS_APPROVAL.toView());
    }

    @Test
    void a_notification_added_on_one_node_reaches_the_live_bell_of_its_user_on_another() throws Exception {
        batch.executeWithoutResult(s -> {
            notifications.add(SAMS_NEWS);
            writingNode.notificationAdded(SAMS_NEWS.id());
        });

        assertThat(heardOnTheWatchingNode.poll(2, TimeUnit.SECONDS)).isEqualTo(SAMS_NEWS.toView());
    }

    @Test
    void a_batch_that_rolls_back_tells_nobody() throws Exception {
        batch.executeWithoutResult(s -> {
            writingNode.heatmapChanged(MONDAY_MORNING);
            s.setRollbackOnly();
        });

        assertThat(heardOnTheWatchingNode.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_node_does_not_tell_itself_what_its_own_projection_already_told() throws Exception {
        batch.executeWithoutResult(s -> watchingNode.heatmapChanged(MONDAY_MORNING));

        assertThat(heardOnTheWatchingNode.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void news_that_cannot_be_relayed_does_not_stop_the_news_after_it() throws Exception {
        batch.executeWithoutResult(s -> {
            new JdbcTemplate(database).queryForList("SELECT pg_notify(?, ?)", PostgresViewChanges.CHANNEL,
                    "another-node heatmap yesterday tomorrow room-1");
            writingNode.heatmapChanged(MONDAY_MORNING);
        });

        assertThat(heardOnTheWatchingNode.poll(2, TimeUnit.SECONDS)).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void a_relayed_approval_reaches_only_its_approvers_inbox_and_a_notification_only_its_users_bell()
            throws Exception {
        ApprovalRecord quinnsApproval = new ApprovalRecord("approval-2", "booking-2", "room-2", "sam",
                ApprovalStatus.PENDING, 0, "owner", List.of("quinn"), List.of(), PATS_APPROVAL.firstOccurrence(),
                null, PATS_APPROVAL.requestedAt(), null, null, null, false, false, null, null, null);
        InboxEntry tomsNews = new InboxEntry("event-2:tom", "tom", "BOOKING_APPROVED", "booking-3", "approval-3", null,
                null, "Your booking is approved", SAMS_NEWS.createdAt(), null, MailStatus.OFF, 0, null, null);
        batch.executeWithoutResult(s -> {
            approvals.save(quinnsApproval);
            writingNode.approvalChanged(quinnsApproval.approvalId());
            notifications.add(tomsNews);
            writingNode.notificationAdded(tomsNews.id());
            approvals.save(PATS_APPROVAL);
            writingNode.approvalChanged(PATS_APPROVAL.approvalId());
        });

        // news is relayed in its order: what came before pat's approval reached neither pat's inbox nor sam's bell
        assertThat(heardOnTheWatchingNode.poll(2, TimeUnit.SECONDS)).isEqualTo(PATS_APPROVAL.toView());
        assertThat(heardOnTheWatchingNode.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }
}
