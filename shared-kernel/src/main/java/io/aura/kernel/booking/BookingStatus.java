package io.aura.kernel.booking;

public enum BookingStatus {
    /** recorded, the conflict check has not answered yet */
    REQUESTED,
    PENDING_APPROVAL,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    EXPIRED,
    /** not checked in by the end of its check-in window: released, holds nothing (ADR 0033) */
    NO_SHOW;

    /** Holds the slot: counts for conflicts and appears on the calendar. */
    public boolean isActive() {
        return this == PENDING_APPROVAL || this == CONFIRMED;
    }
}
