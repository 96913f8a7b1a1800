package io.aura.kernel.site;

/** Facts about sites, past tense, never changed once stored. */
public final class SiteEvents {
    private SiteEvents() {}

    public record SiteRegistered(String siteId, String name, String timeZone) {}

    /** The travel time between two sites, either way, from now on (replacing what was set before). */
    public record TravelTimeSet(String fromSiteId, String toSiteId, int minutes) {}
}
