package io.aura.query.feed;

import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedIssued;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedRotated;
import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;

/** A feed's next view from its event: pure, so a redelivered event computes the same view again. */
public final class CalendarFeedFold {
    private CalendarFeedFold() {}

    public static CalendarFeedView issued(CalendarFeedIssued event) {
        return new CalendarFeedView(event.ownerId(), event.nonce(), event.secretHash(), 1);
    }

    /** The old secret is gone from the view: only the newest one opens the feed. */
    public static CalendarFeedView rotated(CalendarFeedView before, CalendarFeedRotated event) {
        long revision = before == null ? 1 : before.revision() + 1;
        return new CalendarFeedView(event.ownerId(), event.nonce(), event.secretHash(), revision);
    }
}
