package io.aura.kernel.notification;

import java.time.Instant;

/** A person's notification inbox as the read side has it (the HTTP API's and the web UI's). */
public final class NotificationQueries {
    private NotificationQueries() {}

    /** The newest {@code limit} entries of one user's inbox, newest first. */
    public record FindNotificationsOf(String user, int limit) {}

    /** Live notifications of one user: a subscription query whose initial answer is empty. */
    public record WatchNotifications(String user) {}

    /** One entry; an approval request to a named approver carries its single-use approval token. */
    public record NotificationView(String id, String type, String bookingId, String approvalId, String link,
                                   String token, String message, Instant createdAt) {}
}
