package io.aura.query.site;

import io.aura.kernel.site.SiteEvents.SiteRegistered;
import io.aura.kernel.site.SiteEvents.TravelTimeSet;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;

/** The site views' next state from an event: pure, so a redelivered event computes the same again. */
public final class SiteFold {
    private SiteFold() {}

    public static SiteView registered(SiteRegistered event) {
        return new SiteView(event.siteId(), event.name(), event.timeZone());
    }

    public static TravelTime set(TravelTimeSet event) {
        return new TravelTime(event.fromSiteId(), event.toSiteId(), event.minutes());
    }
}
