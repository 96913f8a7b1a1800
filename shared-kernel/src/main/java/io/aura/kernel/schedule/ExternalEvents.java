package io.aura.kernel.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Aura's confirmed bookings written into a linked room mailbox's Outlook calendar (ADR 0015, 0043):
 * the write side of {@link ExternalCalendars}, a side effect at the edge. Each date of a booking is
 * its own Outlook event, created with a transaction id derived from the booking and the date, so a
 * retried create never makes a second one.
 */
public interface ExternalEvents {
    /** Every transaction id Aura writes starts so: what the read side skips as its own. */
    String TRANSACTION_PREFIX = "aura-";

    /**
     * The transaction id of one date of a booking: a name-based UUID of the booking and the date's start
     * as it was confirmed (a date keeps it when moved: it is the same Outlook event).
     */
    static String transactionId(String bookingId, Instant date) {
        return TRANSACTION_PREFIX + UUID.nameUUIDFromBytes((bookingId + "/" + date.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an Outlook event was written by Aura (its transaction id says so). */
    static boolean writtenByAura(String transactionId) {
        return transactionId != null && transactionId.startsWith(TRANSACTION_PREFIX);
    }

    /**
     * Creates the event (or finds the one created before with this transaction id).
     *
     * @return the Outlook event's id
     */
    String create(String mailbox, String transactionId, String subject, TimeRange range);

    /** Moves the event to {@code range}. */
    void move(String mailbox, String eventId, TimeRange range);

    /** Deletes the event; one already gone counts as deleted. */
    void delete(String mailbox, String eventId);

    /** Graph asked to wait ({@code 429}): try again after {@code retryAfter}. */
    class Throttled extends RuntimeException {
        private final Duration retryAfter;

        public Throttled(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Not written for now (5xx, a timeout, unreachable): worth trying again later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Refused for good (4xx other than 429: no such mailbox, no permission, event deleted in Outlook). */
    class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
