package io.aura.query.waitlist;

import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistJoined;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import io.aura.kernel.waitlist.Waitlists;
import java.util.List;

/**
 * A waitlist entry's next view from its event: pure, so a redelivered event computes the same view again.
 * Positions are not stored (every join and leave would move everyone behind): {@link #positioned} computes
 * them when the entries are read.
 */
public final class WaitlistFold {
    private WaitlistFold() {}

    public static WaitlistEntryView joined(WaitlistJoined e) {
        return new WaitlistEntryView(e.entryId(), e.resourceId(), e.sequence(), e.range().start(), e.range().end(),
                e.title(), e.attendees(), e.owner(), WaitlistEntryStatus.WAITING, 0, null);
    }

    /** The entry now {@code status}; {@code bookingId} when the event names one (else the one it had). */
    public static WaitlistEntryView moved(WaitlistEntryView before, WaitlistEntryStatus status, String bookingId) {
        return new WaitlistEntryView(before.entryId(), before.resourceId(), before.sequence(), before.start(),
                before.end(), before.title(), before.attendees(), before.owner(), status, 0,
                bookingId != null ? bookingId : before.bookingId());
    }

    /**
     * Its owner was erased (ADR 0046): the title they wrote reads as erased; the entry keeps its place, so the
     * queue behind it stays as it was.
     */
    public static WaitlistEntryView erased(WaitlistEntryView before) {
        return new WaitlistEntryView(before.entryId(), before.resourceId(), before.sequence(), before.start(),
                before.end(), PersonalData.ERASED, before.attendees(), before.owner(), before.status(), 0,
                before.bookingId());
    }

    /** {@code entry} with its place in the queue among {@code openOfItsResource}. */
    public static WaitlistEntryView positioned(WaitlistEntryView entry, List<WaitlistEntryView> openOfItsResource) {
        return entry.withPosition(Waitlists.position(entry.asEntry(),
                openOfItsResource.stream().map(WaitlistEntryView::asEntry).toList()));
    }
}
