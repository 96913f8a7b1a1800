package io.aura.app.api.notify;

import io.aura.app.api.LiveStreams;
import io.aura.app.notify.NotificationInbox;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Notifications")
public class NotificationController {
    static final int LIMIT = 200;

    private final NotificationInbox inbox;
    private final QueryGateway queries;
    private final LiveStreams streams;

    public NotificationController(NotificationInbox inbox, QueryGateway queries, LiveStreams streams) {
        this.inbox = inbox;
        this.queries = queries;
        this.streams = streams;
    }

    @Operation(summary = "The caller's inbox, newest first: approval requests carry their approval token")
    @GetMapping("/api/notifications")
    @PreAuthorize("isAuthenticated()")
    public List<NotificationView> mine(Authentication caller) {
        return inbox.inboxOf(caller.getName(), LIMIT);
    }

    @Operation(summary = "The caller's new notifications as Server-Sent Events (event: notifications, data: [new "
            + "entries]), on whichever node they were added")
    @GetMapping(value = "/api/notifications/stream", produces = "text/event-stream")
    @PreAuthorize("isAuthenticated()")
    public SseEmitter stream(Authentication caller) throws IOException {
        return streams.open(caller, Set.of(), queries.subscriptionQuery(new WatchNotifications(caller.getName()),
                ResponseTypes.multipleInstancesOf(NotificationView.class),
                ResponseTypes.instanceOf(NotificationView.class)), "notifications", (burst, now) -> burst);
    }
}
