package io.aura.kernel.waitlist;

import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;

/** What the read side shows of waitlists. */
public final class WaitlistQueries {
    private WaitlistQueries() {}

    /** One entry, with its position now: answers {@code Optional<WaitlistEntryView>}. */
    public record FindWaitlistEntry(String entryId) {}

    /** A person's entries, in the order they joined: answers {@code List<WaitlistEntryView>}. */
    public record FindWaitlistOf(String owner) {}

    /**
     * An entry as its owner sees it. {@code position}: 1 for the first in line for its slot (0 once it is
     * no longer waiting); {@code bookingId}: the booking its last promotion requested.
     */
    public record WaitlistEntryView(String entryId, String resourceId, long sequence, Instant start, Instant end,
                                    String title, int attendees, String owner, WaitlistEntryStatus status,
                                    int position, String bookingId) {
        public WaitlistEntryView withPosition(int newPosition) {
            return new WaitlistEntryView(entryId, resourceId, sequence, start, end, title, attendees, owner, status,
                    newPosition, bookingId);
        }

        public Waitlists.Entry asEntry() {
            return new Waitlists.Entry(entryId, sequence, new TimeRange(start, end), status);
        }
    }
}
