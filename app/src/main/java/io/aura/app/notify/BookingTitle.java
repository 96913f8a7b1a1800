package io.aura.app.notify;

/**
 * A booking's title, resource and requester, as requested: what its notifications call it, and whom a
 * booking's own mails (confirmed, moved, cancelled) go to. {@code id} is the booking's; {@code requester}
 * is null for one kept before it was.
 */
public record BookingTitle(String id, String title, String resourceId, String requester) {
    public BookingTitle(String id, String title, String resourceId) {
        this(id, title, resourceId, null);
    }
}
