package io.aura.query.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.site.SiteQueries.SiteView;
import io.aura.kernel.site.SiteQueries.TravelTime;
import org.junit.jupiter.api.Test;

/** What every site store does, whatever keeps it: each adapter's test extends this with its own store. */
abstract class SiteStoreContract {
    abstract SiteStore store();

    @Test
    void sites_are_found_by_id_and_listed_by_name() {
        store().save(new SiteView("s-2", "South office", "Europe/Berlin"));
        store().save(new SiteView("s-1", "North office", "Europe/Berlin"));

        assertThat(store().sites()).extracting(SiteView::name).containsExactly("North office", "South office");
        assertThat(store().site("s-2")).contains(new SiteView("s-2", "South office", "Europe/Berlin"));
        assertThat(store().site("s-9")).isEmpty();
    }

    @Test
    void a_travel_time_set_again_either_way_replaces_the_one_before() {
        store().saveTravelTime(new TravelTime("s-2", "s-1", 40));
        store().saveTravelTime(new TravelTime("s-1", "s-3", 15));
        store().saveTravelTime(new TravelTime("s-1", "s-2", 25));

        assertThat(store().travelTimes()).containsExactly(new TravelTime("s-1", "s-2", 25),
                new TravelTime("s-1", "s-3", 15));
    }

    @Test
    void clearing_forgets_sites_and_travel_times() {
        store().save(new SiteView("s-1", "North office", "Europe/Berlin"));
        store().saveTravelTime(new TravelTime("s-1", "s-2", 25));

        store().clear();

        assertThat(store().sites()).isEmpty();
        assertThat(store().travelTimes()).isEmpty();
    }
}
