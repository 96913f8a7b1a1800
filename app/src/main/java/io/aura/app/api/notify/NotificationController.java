package io.aura.app.api.notify;

import io.aura.app.notify.NotificationInbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
public class NotificationController {
    static final int LIMIT = 200;

    private final NotificationInbox inbox;

    public NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "The caller's inbox, newest first: approval requests carry their approval token")
    @GetMapping("/api/notifications")
    @PreAuthorize("isAuthenticated()")
    public List<io.aura.kernel.notification.NotificationQueries.NotificationView> mine(Authentication caller) {
        return inbox.inboxOf(caller.getName(), LIMIT);
    }
}
