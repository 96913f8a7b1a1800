package io.aura.kernel.waitlist;

/** Where a waitlist entry stands. */
public enum WaitlistEntryStatus {
    /** waits for its slot to free */
    WAITING,
    /** its slot freed; a booking for its owner is being decided */
    PROMOTED,
    /** its owner got the slot (the booking is confirmed or awaits approval) */
    FULFILLED,
    /** its owner (or an administrator) took it off the list */
    LEFT,
    /** its slot began before it freed */
    EXPIRED;

    /** Still in the queue: counts for the positions of those behind it. */
    public boolean isOpen() {
        return this == WAITING || this == PROMOTED;
    }
}
