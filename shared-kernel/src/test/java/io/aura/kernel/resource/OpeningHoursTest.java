package io.aura.kernel.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.resource.OpeningHours.Interval;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weekly opening hours in a resource's own zone: which parts of a range are closed, and what is no opening time. */
class OpeningHoursTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<Interval> WEEKDAYS_8_TO_18 = List.of(new Interval(1, "08:00", "18:00"),
            new Interval(2, "08:00", "18:00"), new Interval(3, "08:00", "18:00"), new Interval(4, "08:00", "18:00"),
            new Interval(5, "08:00", "18:00"));

    static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void no_intervals_means_always_open() {
        assertThat(OpeningHours.closedParts(List.of(), range("2026-12-06T01:00:00Z", "2026-12-06T05:00:00Z"), BERLIN))
                .isEmpty();
    }

    @Test
    void a_range_inside_is_open_and_the_part_before_opening_is_closed() {
        // Wednesday 2 December 2026, Berlin is UTC+1: open 07:00-17:00 UTC
        assertThat(OpeningHours.covers(WEEKDAYS_8_TO_18, range("2026-12-02T07:00:00Z", "2026-12-02T17:00:00Z"), BERLIN))
                .isTrue();
        assertThat(OpeningHours.closedParts(WEEKDAYS_8_TO_18, range("2026-12-02T06:00:00Z", "2026-12-02T08:00:00Z"),
                BERLIN)).containsExactly(range("2026-12-02T06:00:00Z", "2026-12-02T07:00:00Z"));
    }

    @Test
    void a_range_over_night_is_closed_from_closing_to_opening() {
        assertThat(OpeningHours.closedParts(WEEKDAYS_8_TO_18, range("2026-12-02T16:00:00Z", "2026-12-03T08:00:00Z"),
                BERLIN)).containsExactly(range("2026-12-02T17:00:00Z", "2026-12-03T07:00:00Z"));
    }

    @Test
    void a_weekend_is_closed_whole() {
        TimeRange saturday = range("2026-12-05T09:00:00Z", "2026-12-05T10:00:00Z");
        assertThat(OpeningHours.closedParts(WEEKDAYS_8_TO_18, saturday, BERLIN)).containsExactly(saturday);
    }

    @Test
    void on_the_day_the_clocks_go_forward_eight_oclock_is_still_eight_oclock_local() {
        // Sunday 28 March 2027: Berlin moves from UTC+1 to UTC+2 at 02:00, so 08:00-18:00 is 06:00-16:00 UTC
        List<Interval> sundays = List.of(new Interval(7, "08:00", "18:00"));
        assertThat(OpeningHours.covers(sundays, range("2027-03-28T06:00:00Z", "2027-03-28T16:00:00Z"), BERLIN)).isTrue();
        assertThat(OpeningHours.closedParts(sundays, range("2027-03-28T05:00:00Z", "2027-03-28T16:30:00Z"), BERLIN))
                .containsExactly(range("2027-03-28T05:00:00Z", "2027-03-28T06:00:00Z"),
                        range("2027-03-28T16:00:00Z", "2027-03-28T16:30:00Z"));
        // the Sunday before, still in winter time, opens an hour later in UTC
        assertThat(OpeningHours.closedParts(sundays, range("2027-03-21T06:00:00Z", "2027-03-21T08:00:00Z"), BERLIN))
                .containsExactly(range("2027-03-21T06:00:00Z", "2027-03-21T07:00:00Z"));
    }

    @Test
    void open_until_midnight_joins_the_next_days_early_hours() {
        List<Interval> late = List.of(new Interval(1, "20:00", "24:00"), new Interval(2, "00:00", "02:00"));
        // Monday 7 December 2026 23:00 to Tuesday 01:00 local = 22:00-00:00 UTC
        assertThat(OpeningHours.covers(late, range("2026-12-07T22:00:00Z", "2026-12-08T00:00:00Z"), BERLIN)).isTrue();
    }

    @Test
    void well_formed_hours_break_no_rule() {
        assertThat(OpeningHours.violations("openingHours", WEEKDAYS_8_TO_18)).isEmpty();
    }

    @Test
    void each_bad_interval_is_named_by_its_place_and_part() {
        List<Interval> bad = java.util.Arrays.asList(new Interval(8, "08:00", "18:00"), new Interval(1, "8am", "18:00"),
                new Interval(2, "18:00", "08:00"), new Interval(3, "08:00", "24:30"), null,
                new Interval(4, "08:00", "12:00"), new Interval(4, "11:00", "13:00"));
        assertThat(OpeningHours.violations("openingHours", bad)).containsExactly(
                FieldViolation.of("openingHours[0].dayOfWeek", Rule.DAY_OF_WEEK_RANGE),
                FieldViolation.of("openingHours[1].from", Rule.LOCAL_TIME_FORMAT),
                FieldViolation.of("openingHours[2].from", Rule.OPENS_BEFORE_CLOSING),
                FieldViolation.of("openingHours[3].to", Rule.LOCAL_TIME_FORMAT),
                FieldViolation.of("openingHours[4]", Rule.NOT_NULL),
                FieldViolation.of("openingHours[6]", Rule.OPENING_HOURS_OVERLAP, "openingHours[5]"));
    }

    @Test
    void a_resource_spec_names_its_bad_opening_hours() {
        ResourceSpec spec = new ResourceSpec("Room A", 4, "Europe/Berlin", false, List.of(), 0, 15, 240, 90, List.of(),
                null, List.of(new Interval(0, "09:00", "10:00")));
        assertThat(spec.violations()).extracting(FieldViolation::field).containsExactly("openingHours[0].dayOfWeek");
    }
}
