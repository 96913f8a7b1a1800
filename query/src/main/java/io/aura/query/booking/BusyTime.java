package io.aura.query.booking;

import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;

/**
 * A busy time of a resource's linked Outlook calendar, as last read. Its id is the resource and the
 * range, so the same busy time read twice is one record.
 */
public record BusyTime(String id, String resourceId, Instant start, Instant end) {

    public static BusyTime of(String resourceId, TimeRange range) {
        return new BusyTime(resourceId + "|" + range.start() + "|" + range.end(), resourceId, range.start(),
                range.end());
    }

    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
