package io.aura.kernel.schedule;

/**
 * Why an occurrence cannot be held: what it overlaps (buffers included). {@code occurrence} is the
 * requested range that is blocked (one per occurrence of a series); {@code bookingId} is set for holds.
 */
public record Conflict(TimeRange range, Source source, String bookingId, TimeRange occurrence) {
    public enum Source {
        BOOKING,
        BLACKOUT,
        EXTERNAL,
        /** outside the resource's opening hours: the range is the closed part */
        OPENING_HOURS,
        /** over one of the requester's quotas (ADR 0034): the range is the requested occurrence */
        QUOTA
    }
}
