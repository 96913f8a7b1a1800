package io.aura.ui.approval;

import io.aura.kernel.notification.NotificationQueries.FindNotificationsOf;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import io.aura.ui.Bursts;
import io.aura.ui.SignedIn;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;

/** The signed-in person's notifications (as {@code GET /api/notifications}), and new ones as they arrive. */
@Service
public class NotificationDesk {
    static final int LIMIT = 200;

    private final QueryGateway queries;

    public NotificationDesk(QueryGateway queries) {
        this.queries = queries;
    }

    /** Newest first, at most {@value #LIMIT}: only the caller's own (approval tokens are in them). */
    public List<NotificationView> mine() {
        return queries.query(new FindNotificationsOf(SignedIn.name(), LIMIT),
                ResponseTypes.multipleInstancesOf(NotificationView.class)).join();
    }

    /** New notifications of the caller, in bursts of at most four a second; cancel the result to stop. */
    public SubscriptionQueryResult<List<NotificationView>, NotificationView> watch(Consumer<List<NotificationView>> onBurst) {
        return Bursts.inBursts(queries.subscriptionQuery(new WatchNotifications(SignedIn.name()),
                ResponseTypes.multipleInstancesOf(NotificationView.class), ResponseTypes.instanceOf(NotificationView.class)),
                onBurst);
    }
}
