package io.aura.query.store;

import io.aura.kernel.booking.BookingQueries.HeatmapChanged;

/**
 * Tells the other nodes that a view changed, so that they can tell their own live subscribers (ADR 0053). Called in
 * the processor batch that writes the view; an implementation delivers the news only once that batch commits. One
 * node has nobody else to tell: {@link #NONE}.
 */
public interface ViewChanges {
    ViewChanges NONE = new ViewChanges() {
        @Override
        public void bookingChanged(String bookingId) {}

        @Override
        public void heatmapChanged(HeatmapChanged change) {}

        @Override
        public void approvalChanged(String approvalId) {}

        @Override
        public void notificationAdded(String entryId) {}
    };

    void bookingChanged(String bookingId);

    void heatmapChanged(HeatmapChanged change);

    /** An approval changed: the approvers' inboxes hear of it. */
    void approvalChanged(String approvalId);

    /** A notification was added to someone's inbox: their bell hears of it. */
    void notificationAdded(String entryId);
}
