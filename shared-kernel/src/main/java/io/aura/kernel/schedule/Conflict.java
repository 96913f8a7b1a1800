package io.aura.kernel.schedule;

/** Why a range cannot be held: what it overlaps (buffers included). {@code bookingId} is set for holds. */
public record Conflict(TimeRange range, Source source, String bookingId) {
    public enum Source {
        BOOKING,
        BLACKOUT,
        EXTERNAL
    }
}
