package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.HeatmapStore.Held;
import io.aura.query.booking.HeatmapStore.HourTotals;
import io.aura.query.booking.HeatmapStore.Share;
import io.aura.query.booking.HeatmapStore.ShareKey;
import io.aura.query.booking.HeatmapStore.ShareKind;
import io.aura.query.booking.HeatmapStore.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given an event and what a booking held before, the changes the heatmap's fold computes. */
class HeatmapFoldTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeRange LATE = range("2030-01-07T22:30:00Z", "2030-01-08T00:15:00Z"); // 23:30–01:15 in Berlin
    static final TimeRange MORNING = range("2030-01-07T08:00:00Z", "2030-01-07T09:00:00Z");

    @Test
    void a_registration_keeps_the_zone_and_the_time_to_the_millisecond() {
        ResourceRegistered registered = new ResourceRegistered("r-1", new ResourceSpec("Room", 8, "Europe/Berlin", false,
                List.of(), 0, 15, 240, 3650));

        assertThat(HeatmapFold.registered(registered, Instant.parse("2030-01-01T10:00:00.123456789Z")))
                .isEqualTo(new Zone("r-1", "Europe/Berlin", Instant.parse("2030-01-01T10:00:00.123Z")));
    }

    @Test
    void a_hold_shares_each_local_hour_it_touches_under_keys_naming_the_booking_the_start_and_the_slice() {
        HeatmapFold.Change change = HeatmapFold.held(null, "b-1", "r-1", List.of(LATE), BERLIN);

        long start = LATE.start().getEpochSecond();
        assertThat(change.saved()).containsExactly(
                booked(LocalDate.parse("2030-01-07"), 23, "b-1_" + start + "_0", 30),
                booked(LocalDate.parse("2030-01-08"), 0, "b-1_" + start + "_1", 60),
                booked(LocalDate.parse("2030-01-08"), 1, "b-1_" + start + "_2", 15));
        assertThat(change.removed()).isEmpty();
        assertThat(change.held()).isEqualTo(new Held("b-1", "r-1", List.of(LATE)));
    }

    @Test
    void the_hour_a_clock_repeats_holds_two_shares() {
        // Berlin goes back from 03:00 to 02:00 on 2029-10-28: 00:00–02:00 UTC is 02:00–02:59 twice
        TimeRange night = range("2029-10-28T00:00:00Z", "2029-10-28T02:00:00Z");

        List<Share> shares = HeatmapFold.held(null, "b-1", "r-1", List.of(night), BERLIN).saved();

        assertThat(shares).extracting(s -> s.key().hour()).containsExactly(2, 2);
        assertThat(shares).extracting(s -> s.key().slice()).doesNotHaveDuplicates();
        assertThat(shares).extracting(Share::minutes).containsExactly(60L, 60L);
    }

    @Test
    void holding_again_adds_what_was_not_held_in_order_of_start() {
        Held before = new Held("b-1", "r-1", List.of(LATE));

        Held after = HeatmapFold.held(before, "b-1", "r-1", List.of(LATE, MORNING), BERLIN).held();

        assertThat(after.occurrences()).containsExactly(MORNING, LATE);
    }

    @Test
    void a_release_removes_exactly_the_shares_its_hold_set_and_what_it_held() {
        HeatmapFold.Change hold = HeatmapFold.held(null, "b-1", "r-1", List.of(MORNING, LATE), BERLIN);

        HeatmapFold.Change release = HeatmapFold.released(hold.held(), "b-1", "r-1", List.of(LATE), BERLIN);

        assertThat(release.saved()).isEmpty();
        assertThat(release.removed()).containsExactlyElementsOf(
                HeatmapFold.held(null, "b-1", "r-1", List.of(LATE), BERLIN).saved().stream().map(Share::key).toList());
        assertThat(release.held().occurrences()).containsExactly(MORNING);
    }

    @Test
    void an_ended_booking_releases_all_it_held_and_then_holds_nothing() {
        HeatmapFold.Change hold = HeatmapFold.held(null, "b-1", "r-1", List.of(MORNING, LATE), BERLIN);

        HeatmapFold.Change ended = HeatmapFold.ended(hold.held(), "b-1", "r-1", BERLIN);

        assertThat(ended.removed()).containsExactlyInAnyOrderElementsOf(hold.saved().stream().map(Share::key).toList());
        assertThat(ended.held().occurrences()).isEmpty();
        assertThat(HeatmapFold.ended(null, "b-1", "r-1", BERLIN).removed()).isEmpty();
    }

    @Test
    void a_blackout_blocks_the_minutes_of_its_local_hours() {
        BlackoutAdded closed = new BlackoutAdded("r-1", "x-1", MORNING, "cleaning"); // 09:00–10:00 Berlin

        HeatmapFold.Change change = HeatmapFold.blackedOut(closed, BERLIN);

        assertThat(change.saved()).containsExactly(new Share(new ShareKey("r-1", LocalDate.parse("2030-01-07"), 9,
                ShareKind.BLOCKED, "x-1_" + MORNING.start().getEpochSecond() + "_0"), 60));
        assertThat(change.held()).isNull();
    }

    @Test
    void a_removed_blackout_removes_exactly_the_shares_it_blocked() {
        BlackoutAdded closed = new BlackoutAdded("r-1", "x-1", MORNING, "cleaning");

        HeatmapFold.Change opened = HeatmapFold.blackoutRemoved(
                new io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved("r-1", "x-1", MORNING), BERLIN);

        assertThat(opened.saved()).isEmpty();
        assertThat(opened.removed()).containsExactlyElementsOf(HeatmapFold.blackedOut(closed, BERLIN).saved().stream()
                .map(Share::key).toList());
    }

    @Test
    void a_cell_counts_the_windows_minutes_since_registration_less_blackouts_and_what_was_booked_in_them() {
        Zone zone = new Zone("r-1", "Europe/Berlin", Instant.parse("2030-01-07T08:30:00Z")); // Monday 09:30 in Berlin
        Instant from = Instant.parse("2030-01-06T23:00:00Z"); // Monday 00:00 in Berlin
        Instant to = Instant.parse("2030-01-13T23:00:00Z");
        List<HourTotals> hours = List.of(
                new HourTotals("r-1", LocalDate.parse("2030-01-07"), 9, 30, 0),
                new HourTotals("r-1", LocalDate.parse("2030-01-08"), 9, 45, 30),
                new HourTotals("r-1", LocalDate.parse("2030-01-09"), 9, 60, 0),
                new HourTotals("r-1", LocalDate.parse("2030-01-14"), 9, 60, 0)); // after the window

        List<HeatmapCell> cells = HeatmapFold.cells(zone, from, to, hours);

        assertThat(cells).hasSize(7 * 24);
        assertThat(cells.get(0)).isEqualTo(new HeatmapCell("r-1", 1, 0, 0, 0, 0));
        assertThat(cell(cells, 1, 9)).isEqualTo(new HeatmapCell("r-1", 1, 9, 30, 1.0, 30));
        assertThat(cell(cells, 2, 9)).isEqualTo(new HeatmapCell("r-1", 2, 9, 45, 1.0, 30)); // at most 1
        assertThat(cell(cells, 3, 9)).isEqualTo(new HeatmapCell("r-1", 3, 9, 60, 1.0, 60));
        assertThat(cell(cells, 3, 10)).isEqualTo(new HeatmapCell("r-1", 3, 10, 0, 0.0, 60));
    }

    @Test
    void resources_of_one_zone_share_its_hours_but_each_counts_from_its_registration_and_its_own_bookings() {
        Instant from = Instant.parse("2030-01-07T00:00:00Z"); // Monday
        Instant to = from.plusSeconds(7 * 86_400);
        List<Zone> zones = List.of(new Zone("old", "UTC", null), new Zone("older", "UTC", from.minusSeconds(60)),
                new Zone("new", "UTC", Instant.parse("2030-01-09T12:00:00Z")), new Zone("tokyo", "Asia/Tokyo", null));
        LocalDate wednesday = LocalDate.parse("2030-01-09");

        List<HeatmapCell> cells = HeatmapFold.cells(zones, from, to, java.util.Map.of(
                "old", List.of(new HourTotals("old", wednesday, 10, 30, 0)),
                "new", List.of(new HourTotals("new", wednesday, 14, 15, 0)),
                "tokyo", List.of(new HourTotals("tokyo", LocalDate.parse("2030-01-07"), 8, 30, 0))));

        assertThat(cells).extracting(HeatmapCell::resourceId).containsSubsequence("old", "older", "new", "tokyo")
                .hasSize(4 * 7 * 24);
        assertThat(cells).filteredOn(c -> c.dayOfWeek() == 3 && c.hour() == 10)
                .containsExactly(new HeatmapCell("old", 3, 10, 30, 0.5, 60), new HeatmapCell("older", 3, 10, 0, 0, 60),
                        new HeatmapCell("new", 3, 10, 0, 0, 0), new HeatmapCell("tokyo", 3, 10, 0, 0, 60));
        assertThat(cells).filteredOn(c -> c.resourceId().equals("new") && c.dayOfWeek() == 3 && c.hour() == 14)
                .containsExactly(new HeatmapCell("new", 3, 14, 15, 0.25, 60));
        // the window starts at 09:00 on Monday in Tokyo: that Monday's 08:00 is outside it (the next Monday's is in)
        assertThat(cells).filteredOn(c -> c.resourceId().equals("tokyo") && c.dayOfWeek() == 1 && c.hour() == 8)
                .containsExactly(new HeatmapCell("tokyo", 1, 8, 0, 0, 60));
    }

    @Test
    void utilization_is_rounded_to_four_places() {
        Zone zone = new Zone("r-1", "UTC", null);
        Instant from = Instant.parse("2030-01-07T00:00:00Z");

        List<HeatmapCell> cells = HeatmapFold.cells(zone, from, from.plusSeconds(3 * 7 * 86_400),
                List.of(new HourTotals("r-1", LocalDate.parse("2030-01-07"), 0, 20, 0)));

        assertThat(cells.get(0)).isEqualTo(new HeatmapCell("r-1", 1, 0, 20, 0.1111, 180));
    }

    private static HeatmapCell cell(List<HeatmapCell> cells, int day, int hour) {
        return cells.stream().filter(c -> c.dayOfWeek() == day && c.hour() == hour).findFirst().orElseThrow();
    }

    private static Share booked(LocalDate date, int hour, String slice, long minutes) {
        return new Share(new ShareKey("r-1", date, hour, ShareKind.BOOKED, slice), minutes);
    }

    @Test
    void a_no_show_keeps_the_time_held_until_its_release_booked_and_unused_and_frees_the_rest() {
        // 09:00-10:00 Berlin, released at 09:10 Berlin
        Held before = new Held("b-1", "r-1", List.of(MORNING));
        HeatmapFold.Change change = HeatmapFold.noShow(before, "b-1", "r-1", MORNING,
                Instant.parse("2030-01-07T08:10:00Z"), BERLIN);

        String key = "b-1_" + MORNING.start().getEpochSecond() + "_0";
        assertThat(change.saved()).containsExactlyInAnyOrder(
                new Share(new ShareKey("r-1", LocalDate.parse("2030-01-07"), 9, ShareKind.BOOKED, key), 10),
                new Share(new ShareKey("r-1", LocalDate.parse("2030-01-07"), 9, ShareKind.UNUSED, key), 10));
        assertThat(change.removed()).isEmpty(); // the one slice is set again, to 10 minutes
        assertThat(change.held().occurrences()).isEmpty();

        List<HourTotals> hours = List.of(new HourTotals("r-1", LocalDate.parse("2030-01-07"), 9, 10, 0, 10));
        HeatmapCell nine = HeatmapFold.cells(new Zone("r-1", "Europe/Berlin", null), Instant.parse("2030-01-06T23:00:00Z"),
                Instant.parse("2030-01-07T23:00:00Z"), hours).stream().filter(c -> c.dayOfWeek() == 1 && c.hour() == 9)
                .findFirst().orElseThrow();
        assertThat(nine.bookedMinutes()).isEqualTo(10);
        assertThat(nine.unusedMinutes()).isEqualTo(10);
    }

    @Test
    void a_no_show_of_a_two_hour_date_removes_the_booked_hour_after_its_release() {
        TimeRange twoHours = range("2030-01-07T08:00:00Z", "2030-01-07T10:00:00Z");
        HeatmapFold.Change change = HeatmapFold.noShow(new Held("b-1", "r-1", List.of(twoHours)), "b-1", "r-1",
                twoHours, Instant.parse("2030-01-07T08:10:00Z"), BERLIN);

        assertThat(change.removed()).containsExactly(new ShareKey("r-1", LocalDate.parse("2030-01-07"), 10,
                ShareKind.BOOKED, "b-1_" + twoHours.start().getEpochSecond() + "_1"));
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }
}
