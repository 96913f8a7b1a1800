package io.aura.kernel.feed;

/**
 * Facts about calendar feeds (ADR 0032): who was given a feed secret and when it was replaced. The
 * secret is not recorded, only its SHA-256 hash and the nonce it was derived from with the server's
 * feed key (which lives outside the database), so a leaked database leaks no feed URL.
 */
public final class CalendarFeedEvents {
    private CalendarFeedEvents() {}

    public record CalendarFeedIssued(String feedId, String ownerId, String nonce, String secretHash) {}

    public record CalendarFeedRotated(String feedId, String ownerId, String nonce, String secretHash) {}
}
