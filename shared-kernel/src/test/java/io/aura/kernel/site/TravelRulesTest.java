package io.aura.kernel.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.site.SiteQueries.TravelTime;
import io.aura.kernel.site.SiteQueries.TravelTimes;
import io.aura.kernel.site.TravelRules.SitedDate;
import io.aura.kernel.site.TravelRules.TravelWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TravelRulesTest {
    static final Instant NINE = Instant.parse("2026-12-08T09:00:00Z");
    /** Forty minutes from the north office to the south office, either way; the annex is next door. */
    static final TravelTimes TRAVEL = new TravelTimes(List.of(new TravelTime("north", "south", 40),
            new TravelTime("north", "annex", 0)));

    static TimeRange at(Instant start, int minutes) {
        return new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
    }

    static SitedDate meetingInTheSouth(Instant start) {
        return new SitedDate("b-south", "south", "South office", at(start, 60));
    }

    @Test
    void a_booking_thirty_minutes_after_one_forty_minutes_away_is_warned_naming_the_site_and_the_times() {
        List<TravelWarning> warnings = TravelRules.warnings("b-new", "north", at(NINE.plus(Duration.ofMinutes(90)), 60),
                List.of(meetingInTheSouth(NINE)), TRAVEL);

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("TRAVEL");
            assertThat(w.detail()).isEqualTo("only 30 min after your booking at South office; travel takes 40 min");
            assertThat(w.bookingId()).isEqualTo("b-south");
        });
    }

    @Test
    void the_next_booking_counts_too_and_overlapping_ones_at_another_site_are_warned() {
        assertThat(TravelRules.warnings("b-new", "north", at(NINE.minus(Duration.ofMinutes(80)), 60),
                List.of(meetingInTheSouth(NINE)), TRAVEL)).extracting(TravelWarning::detail)
                .containsExactly("only 20 min before your booking at South office; travel takes 40 min");
        assertThat(TravelRules.warnings("b-new", "north", at(NINE.plus(Duration.ofMinutes(30)), 60),
                List.of(meetingInTheSouth(NINE)), TRAVEL)).extracting(TravelWarning::detail)
                .containsExactly("at the same time as your booking at South office");
    }

    @Test
    void enough_time_the_same_site_a_site_next_door_no_travel_time_set_or_no_site_gives_no_warning() {
        TimeRange wanted = at(NINE.plus(Duration.ofMinutes(100)), 60);
        assertThat(TravelRules.warnings("b-new", "north", wanted, List.of(meetingInTheSouth(NINE)), TRAVEL)).isEmpty();
        TimeRange close = at(NINE.plus(Duration.ofMinutes(60)), 60);
        assertThat(TravelRules.warnings("b-new", "south", close, List.of(meetingInTheSouth(NINE)), TRAVEL)).isEmpty();
        assertThat(TravelRules.warnings("b-new", "north", close,
                List.of(new SitedDate("b-annex", "annex", "Annex", at(NINE, 60))), TRAVEL)).isEmpty();
        assertThat(TravelRules.warnings("b-new", "west", close, List.of(meetingInTheSouth(NINE)), TRAVEL)).isEmpty();
        assertThat(TravelRules.warnings("b-new", null, close, List.of(meetingInTheSouth(NINE)), TRAVEL)).isEmpty();
        assertThat(TravelRules.warnings("b-south", "north", close, List.of(meetingInTheSouth(NINE)), TRAVEL))
                .as("a booking is not warned about itself").isEmpty();
    }

    @Test
    void a_travel_time_holds_either_way_and_bad_ones_are_named() {
        assertThat(TRAVEL.minutesBetween("south", "north")).contains(40);
        assertThat(TRAVEL.longest()).isEqualTo(40);
        assertThat(SiteRules.travelViolations("north", "north", 10)).extracting(v -> v.field()).containsExactly("toSiteId");
        assertThat(SiteRules.travelViolations("north", "south", 1441)).extracting(v -> v.field())
                .containsExactly("minutes");
        assertThat(SiteRules.travelViolations(null, "south", -1)).extracting(v -> v.field())
                .containsExactly("fromSiteId", "minutes");
    }
}
