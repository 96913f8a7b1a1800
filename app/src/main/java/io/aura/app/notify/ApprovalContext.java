package io.aura.app.notify;

/**
 * Who asked, and what about, remembered per approval: later approval events name only the approval.
 *
 * @param subject  the booking in words ("booking “Budget” in Board room, Thu 10 Jan 2030, 10:00–11:00
 *                 (Europe/Berlin)"), made when the approval opened; null in contexts kept before it existed
 * @param timeZone the resource's zone, in which deadlines are told; null as {@code subject}
 */
public record ApprovalContext(String id, String bookingId, String resourceId, String requester, String subject,
                              String timeZone) {
    /** A context without words for its booking (as kept before they were). */
    public ApprovalContext(String id, String bookingId, String resourceId, String requester) {
        this(id, bookingId, resourceId, requester, null, null);
    }
}
