package io.aura.kernel.booking;

public enum BookingStatus {
    /** recorded, the conflict check has not answered yet */
    REQUESTED,
    PENDING_APPROVAL,
    CONFIRMED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    /** Holds the slot: counts for conflicts and appears on the calendar. */
    public boolean isActive() {
        return this == PENDING_APPROVAL || this == CONFIRMED;
    }

    /** For an occurrence's status, which may also be SKIPPED (left out of a series for a conflict). */
    public static boolean isActive(String occurrenceStatus) {
        return PENDING_APPROVAL.name().equals(occurrenceStatus) || CONFIRMED.name().equals(occurrenceStatus);
    }
}
