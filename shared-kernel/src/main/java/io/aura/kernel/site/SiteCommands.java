package io.aura.kernel.site;

import io.aura.kernel.TargetsAggregate;

/** Commands of sites and the travel times between them (API.md v1.1 "Reports": sites and travel). */
public final class SiteCommands {
    private SiteCommands() {}

    /** The one aggregate that keeps every travel time, so two sites' times are set one after the other. */
    public static final String TRAVEL_TIMES_ID = "travel-times";

    public record RegisterSite(String siteId, String name, String timeZone) implements TargetsAggregate {
        public String targetAggregateId() { return siteId; }
    }

    /** The minutes to travel between two sites, either way (0: next door, no warning). */
    public record SetTravelTime(String fromSiteId, String toSiteId, int minutes) implements TargetsAggregate {
        public String targetAggregateId() { return TRAVEL_TIMES_ID; }
    }
}
