package io.aura.query.site;

import io.aura.kernel.site.SiteEvents.SiteRegistered;
import io.aura.kernel.site.SiteEvents.TravelTimeSet;
import io.aura.kernel.site.SiteQueries.FindSite;
import io.aura.kernel.site.SiteQueries.FindTravelTimes;
import io.aura.kernel.site.SiteQueries.ListSites;
import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTimes;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Sites and the travel times between them, folded by {@link SiteFold}. */
@Component
@ProcessingGroup(SiteProjection.PROCESSING_GROUP)
public class SiteProjection {
    public static final String PROCESSING_GROUP = "sites";

    private final SiteStore store;

    public SiteProjection(SiteStore store) {
        this.store = store;
    }

    @EventHandler
    void on(SiteRegistered event) {
        store.save(SiteFold.registered(event));
    }

    @EventHandler
    void on(TravelTimeSet event) {
        store.saveTravelTime(SiteFold.set(event));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    @QueryHandler
    List<SiteView> handle(ListSites query) {
        return store.sites();
    }

    @QueryHandler
    Optional<SiteView> handle(FindSite query) {
        return store.site(query.siteId());
    }

    @QueryHandler
    TravelTimes handle(FindTravelTimes query) {
        return new TravelTimes(store.travelTimes());
    }
}
