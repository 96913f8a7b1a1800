package io.aura.kernel.schedule;

import java.time.Instant;
import java.util.List;

/**
 * Which resources count their Outlook calendar, and how its last read went. The HTTP API and the
 * administration view both use it, so a link made in the UI goes through the same checks.
 */
public interface ExternalCalendarLinks {

    /**
     * A resource's link; {@code busyTimes}/{@code error}: the last read (both null before one);
     * {@code writesWaiting}/{@code writesFailed}: Aura's bookings still to be written into the mailbox, and
     * those given up (ADR 0043; null when unlinked).
     */
    record Link(String resourceId, String mailbox, Instant readAt, Integer busyTimes, String error, Long writesWaiting,
                Long writesFailed) {
        public Link(String resourceId, String mailbox, Instant readAt, Integer busyTimes, String error) {
            this(resourceId, mailbox, readAt, busyTimes, error, null, null);
        }
    }

    /** Whether Microsoft Graph is configured: without it, links are kept but nothing is read. */
    boolean configured();

    /**
     * Links {@code mailbox} (null or blank unlinks) and, when linked, reads it at once.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming {@code mailbox} when it is no address
     */
    Link link(String resourceId, String mailbox);

    /** Reads a linked calendar now. @throws IllegalStateException when none is linked */
    Link read(String resourceId);

    /** Every resource with a linked calendar. */
    List<Link> all();
}
