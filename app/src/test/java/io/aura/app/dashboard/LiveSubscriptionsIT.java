package io.aura.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The subscription queries the UI lives on: the heatmap, the approvals inbox and the notification
 * inbox each push a change within a second of the command that caused it.
 */
class LiveSubscriptionsIT extends IntegrationTest {
    static final Duration WITHIN = Duration.ofSeconds(1);

    @Autowired
    QueryGateway queries;

    @Test
    void a_booking_pushes_a_heatmap_change_an_inbox_entry_and_a_notification_within_a_second() throws Exception {
        String approverName = unique("ivy");
        userWithRoles(approverName, "APPROVER");
        String requester = userWithRoles(unique("req"), "REQUESTER");
        String resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Live room"), "capacity", 6,
                "timeZone", "Europe/Berlin", "approvalLevels", List.of(Map.of("name", "owner",
                        "approvers", List.of(approverName))))).body().get("id").asString();

        try (var heatmap = queries.subscriptionQuery(new WatchHeatmap(resourceId),
                     ResponseTypes.multipleInstancesOf(HeatmapChanged.class), ResponseTypes.instanceOf(HeatmapChanged.class));
             var approvals = queries.subscriptionQuery(new FindApprovalInbox(approverName, List.of("APPROVER"), null),
                     ResponseTypes.multipleInstancesOf(ApprovalView.class), ResponseTypes.instanceOf(ApprovalView.class));
             var notifications = queries.subscriptionQuery(new WatchNotifications(approverName),
                     ResponseTypes.multipleInstancesOf(NotificationView.class),
                     ResponseTypes.instanceOf(NotificationView.class))) {
            var nextHeatmap = heatmap.updates().next().toFuture();
            var nextApproval = approvals.updates().next().toFuture();
            var nextNotification = notifications.updates().next().toFuture();
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(4, ChronoUnit.DAYS).plus(8, ChronoUnit.HOURS);

            long sent = System.nanoTime();
            var booked = http.post("/events/create", requester, Map.of("title", "Live", "resourceId", resourceId,
                    "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
            assertThat(booked.status()).isEqualTo(201);
            String bookingId = booked.body().get("bookingId").asString();

            HeatmapChanged change = nextHeatmap.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(change.resourceId()).isEqualTo(resourceId);
            assertThat(nextApproval.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS).bookingId()).isEqualTo(bookingId);
            NotificationView note = nextNotification.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(note.type()).isEqualTo("APPROVAL_REQUEST");
            assertThat(note.bookingId()).isEqualTo(bookingId);
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
