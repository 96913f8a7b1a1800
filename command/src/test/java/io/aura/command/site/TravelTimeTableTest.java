package io.aura.command.site;

import io.aura.command.Fixtures;
import io.aura.kernel.site.SiteCommands.RegisterSite;
import io.aura.kernel.site.SiteCommands.SetTravelTime;
import io.aura.kernel.site.SiteEvents.SiteRegistered;
import io.aura.kernel.site.SiteEvents.TravelTimeSet;
import io.aura.kernel.validation.InvalidInputException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class TravelTimeTableTest {
    FixtureConfiguration<TravelTimeTable> travel = Fixtures.fixtureFor(TravelTimeTable.class);
    FixtureConfiguration<Site> sites = Fixtures.fixtureFor(Site.class);

    @Test
    void a_site_is_registered_with_its_name_and_zone_and_a_bad_zone_records_nothing() {
        sites.givenNoPriorActivity().when(new RegisterSite("s-1", "North office", "Europe/Berlin"))
                .expectEvents(new SiteRegistered("s-1", "North office", "Europe/Berlin"));
        sites.givenNoPriorActivity().when(new RegisterSite("s-1", "North office", "Mars/Olympus"))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void a_travel_time_is_set_either_way_and_setting_it_again_records_nothing() {
        travel.givenNoPriorActivity().when(new SetTravelTime("north", "south", 40))
                .expectEvents(new TravelTimeSet("north", "south", 40));
        travel.given(new TravelTimeSet("north", "south", 40)).when(new SetTravelTime("south", "north", 40))
                .expectNoEvents();
        travel.given(new TravelTimeSet("north", "south", 40)).when(new SetTravelTime("south", "north", 25))
                .expectEvents(new TravelTimeSet("south", "north", 25));
    }

    @Test
    void a_travel_time_to_the_same_site_or_out_of_range_is_refused() {
        travel.givenNoPriorActivity().when(new SetTravelTime("north", "north", 10))
                .expectException(InvalidInputException.class).expectNoEvents();
        travel.givenNoPriorActivity().when(new SetTravelTime("north", "south", 2000))
                .expectException(InvalidInputException.class).expectNoEvents();
    }
}
