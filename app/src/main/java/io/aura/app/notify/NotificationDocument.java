package io.aura.app.notify;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One entry of a user's inbox, and its mail in the outbox ({@code mailStatus}: PENDING, SENT,
 * FAILED, OFF when no SMTP server is configured, NO_ADDRESS, STALE for history met late, REPLAYED
 * when rebuilt from history).
 */
public record NotificationDocument(
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

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
}
