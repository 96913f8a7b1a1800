package io.aura.command.schedule;

/**
 * Which held range of which booking, as the schedule's interval index keys it: one occurrence of
 * the booking, or the slot its move holds beside the old one while the move awaits approval.
 */
sealed interface HoldKey {
    String bookingId();

    /** The {@code index}-th occurrence the booking's {@code HoldPlaced} held. */
    record Occurrence(String bookingId, int index) implements HoldKey {}

    /** The slot a move awaiting approval holds until the approval ends. */
    record PendingMove(String bookingId) implements HoldKey {}
}
