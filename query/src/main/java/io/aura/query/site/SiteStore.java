package io.aura.query.site;

import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;
import java.util.List;
import java.util.Optional;

/**
 * Where sites and travel times are kept for reading: the port the site projection writes through. Adapters:
 * {@link SqlSiteStore} (beside the event store, written with the processor's token) and {@link MongoSiteStore}.
 */
public interface SiteStore {

    List<SiteView> sites();

    Optional<SiteView> site(String siteId);

    void save(SiteView site);

    /** Every travel time, each pair of sites once (ordered by their ids). */
    List<TravelTime> travelTimes();

    /** Stores the time between two sites, replacing the one for that pair (in either order). */
    void saveTravelTime(TravelTime time);

    void clear();
}
