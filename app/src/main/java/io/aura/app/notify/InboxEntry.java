package io.aura.app.notify;

import io.aura.kernel.notification.NotificationQueries.NotificationView;
import java.time.Instant;

/**
 * One entry of a user's inbox and its mail in the outbox: written once (keyed by event and user,
 * so a redelivered event finds it there), after which only its mail's fields change.
 *
 * @param id                event id + ":" + user
 * @param email             where its mail goes (null: nowhere)
 * @param mailNextAttemptAt when the outbox tries (or tries again) to send it
 * @param mailError         the last failure's message
 */
public record InboxEntry(
        String id,
        String user,
        String type,
        String bookingId,
        String approvalId,
        String link,
        String token,
        String message,
        Instant createdAt,
        String email,
        MailStatus mailStatus,
        int mailAttempts,
        Instant mailNextAttemptAt,
        String mailError) {

    public NotificationView toView() {
        return new NotificationView(id, type, bookingId, approvalId, link, token, message, createdAt);
    }
}
