package io.aura.kernel.feed;

import io.aura.kernel.TargetsAggregate;

/**
 * Commands of a person's calendar feed (ADR 0032). The secret itself never travels in a command: only
 * the nonce it is derived from with the server's feed key, and its SHA-256 hash, which the feed URL is
 * looked up by.
 */
public final class CalendarFeedCommands {
    private CalendarFeedCommands() {}

    /** The feed's aggregate: one per person, beside (never the same as) their user account. */
    public static String feedId(String ownerId) {
        return "calendar-feed:" + ownerId;
    }

    /** Gives the owner a feed unless they have one already (then nothing is recorded). */
    public record IssueCalendarFeed(String ownerId, String nonce, String secretHash) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return feedId(ownerId);
        }
    }

    /** Replaces the owner's secret: the URLs made from the old one stop working. */
    public record RotateCalendarFeed(String ownerId, String nonce, String secretHash) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return feedId(ownerId);
        }
    }
}
