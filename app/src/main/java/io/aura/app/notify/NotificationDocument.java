package io.aura.app.notify;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** An inbox entry and its mail as MongoDB keeps them ({@link MongoNotificationStore}): the fields the inbox has always written. */
record NotificationDocument(
        @Id String id,
        String user,
        String type,
        String bookingId,
        String approvalId,
        String link,
        String token,
        String message,
        Instant createdAt,
        String email,
        String mailStatus,
        int mailAttempts,
        Instant mailNextAttemptAt,
        String mailError) {

    InboxEntry toEntry() {
        return new InboxEntry(id, user, type, bookingId, approvalId, link, token, message, createdAt, email,
                MailStatus.valueOf(mailStatus), mailAttempts, mailNextAttemptAt, mailError);
    }
}
