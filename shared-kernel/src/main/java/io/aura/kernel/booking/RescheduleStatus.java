package io.aura.kernel.booking;

/** Where a booking's latest move stands. */
public enum RescheduleStatus {
    /** asked; the schedule has not answered yet */
    PENDING,
    /** the new slot is held beside the old one until the move is approved */
    PENDING_APPROVAL,
    MOVED,
    REFUSED;

    /** The schedule has answered (moved, refused, or sent the move to approval). */
    public boolean isDecided() {
        return this != PENDING;
    }
}
