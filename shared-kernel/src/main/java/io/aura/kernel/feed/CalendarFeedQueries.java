package io.aura.kernel.feed;

/** What the read side knows of calendar feeds: one per owner, found by owner or by the secret's hash. */
public final class CalendarFeedQueries {
    private CalendarFeedQueries() {}

    /** Answers {@code Optional<CalendarFeedView>}; also a subscription query (read your writes). */
    public record FindCalendarFeedOf(String ownerId) {}

    /** Answers {@code Optional<CalendarFeedView>}: whose feed a secret (by its SHA-256 hash, hex) opens. */
    public record FindCalendarFeedBySecretHash(String secretHash) {}

    /** {@code revision}: how many times the secret was issued or replaced (1 on issue). */
    public record CalendarFeedView(String ownerId, String nonce, String secretHash, long revision) {}
}
