package io.aura.kernel.booking;

/** Where one date of a booking stands: its booking's status, or SKIPPED (left out of a series for a conflict). */
public enum OccurrenceStatus {
    REQUESTED,
    PENDING_APPROVAL,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    EXPIRED,
    SKIPPED,
    /** not checked in by the end of its check-in window: released (ADR 0033) */
    NO_SHOW;

    /** The date as its booking stands: every booking status has an occurrence status of the same name. */
    public static OccurrenceStatus of(BookingStatus status) {
        return valueOf(status.name());
    }

    /** Holds its slot: counts for conflicts and appears on the calendar. */
    public boolean isActive() {
        return this == PENDING_APPROVAL || this == CONFIRMED;
    }
}
