package io.aura.kernel.site;

import java.util.List;
import java.util.Optional;

/** Queries of sites and travel times, answered from the site view. */
public final class SiteQueries {
    private SiteQueries() {}

    /** Every site, by name. */
    public record ListSites() {}

    public record FindSite(String siteId) {}

    /** Every travel time set. */
    public record FindTravelTimes() {}

    public record SiteView(String siteId, String name, String timeZone) {}

    /** One pair of sites, in either order, and the minutes between them. */
    public record TravelTime(String fromSiteId, String toSiteId, int minutes) {
        /** The pair's key, the same in either order: "a|b" with a before b (site ids hold no '|'). */
        public static String pairKey(String a, String b) {
            return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        }

        public String pairKey() {
            return pairKey(fromSiteId, toSiteId);
        }

        public boolean joins(String a, String b) {
            return (fromSiteId.equals(a) && toSiteId.equals(b)) || (fromSiteId.equals(b) && toSiteId.equals(a));
        }
    }

    /** All travel times; a pair never set has none (no warning between its sites). */
    public record TravelTimes(List<TravelTime> times) {
        public TravelTimes {
            times = times == null ? List.of() : List.copyOf(times);
        }

        public Optional<Integer> minutesBetween(String a, String b) {
            if (a == null || b == null || a.equals(b)) {
                return Optional.empty();
            }
            return times.stream().filter(t -> t.joins(a, b)).map(TravelTime::minutes).findFirst();
        }

        /** The longest travel time set: how far around a booking another one can matter. */
        public int longest() {
            return times.stream().mapToInt(TravelTime::minutes).max().orElse(0);
        }
    }
}
