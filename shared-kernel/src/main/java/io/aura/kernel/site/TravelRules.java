package io.aura.kernel.site;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.site.SiteQueries.TravelTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person can get there in time (API.md v1.1: a {@code TRAVEL} warning): a wanted date at one site is
 * too close to one of the person's other dates at another site when the gap between them is shorter than the
 * travel time set between the two sites. A warning, never a refusal: the person may know better (a video call).
 */
public final class TravelRules {
    private TravelRules() {}

    /** One of the person's dates: where (its resource's site; null: none) and when. */
    public record SitedDate(String bookingId, String siteId, String siteName, TimeRange range) {}

    /** What a warning says: the other date, its site, the travel time and the time there is. */
    public record TravelWarning(String type, String detail, String bookingId, String siteId, int travelMinutes,
                                long gapMinutes) {
        public static final String TRAVEL = "TRAVEL";
    }

    /** The warnings for {@code wanted} at {@code siteId}, against the person's other dates (its own excluded). */
    public static List<TravelWarning> warnings(String bookingId, String siteId, TimeRange wanted,
                                               List<SitedDate> others, TravelTimes travel) {
        List<TravelWarning> out = new ArrayList<>();
        if (siteId == null) {
            return out;
        }
        for (SitedDate other : others) {
            if (other.bookingId().equals(bookingId)) {
                continue;
            }
            Optional<Integer> minutes = travel.minutesBetween(siteId, other.siteId());
            if (minutes.isEmpty() || minutes.get() == 0) {
                continue;
            }
            long gap = gapMinutes(wanted, other.range());
            if (gap < minutes.get()) {
                String where = other.siteName() == null ? other.siteId() : other.siteName();
                String detail;
                if (gap < 0) {
                    detail = "at the same time as your booking at " + where;
                } else if (!other.range().end().isAfter(wanted.start())) {
                    detail = "only " + gap + " min after your booking at " + where + "; travel takes " + minutes.get()
                            + " min";
                } else {
                    detail = "only " + gap + " min before your booking at " + where + "; travel takes " + minutes.get()
                            + " min";
                }
                out.add(new TravelWarning(TravelWarning.TRAVEL, detail, other.bookingId(), other.siteId(),
                        minutes.get(), gap));
            }
        }
        return out;
    }

    /** Whether a slot leaves the person time to travel to and from every other date. */
    public static boolean reachable(String siteId, TimeRange slot, List<SitedDate> others, TravelTimes travel) {
        return warnings(null, siteId, slot, others, travel).isEmpty();
    }

    /** Minutes from the end of one to the start of the other; negative when they overlap. */
    static long gapMinutes(TimeRange a, TimeRange b) {
        if (!b.start().isBefore(a.end())) {
            return Duration.between(a.end(), b.start()).toMinutes();
        }
        if (!a.start().isBefore(b.end())) {
            return Duration.between(b.end(), a.start()).toMinutes();
        }
        return -1;
    }
}
