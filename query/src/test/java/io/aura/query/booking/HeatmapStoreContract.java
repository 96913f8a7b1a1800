package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.HeatmapStore.Held;
import io.aura.query.booking.HeatmapStore.HourTotals;
import io.aura.query.booking.HeatmapStore.Share;
import io.aura.query.booking.HeatmapStore.ShareKey;
import io.aura.query.booking.HeatmapStore.ShareKind;
import io.aura.query.booking.HeatmapStore.Zone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every heatmap store does, whatever keeps it (SQLite, PostgreSQL, MongoDB): each adapter's
 * test extends this with its own store.
 */
abstract class HeatmapStoreContract {
    static final LocalDate MONDAY = LocalDate.parse("2030-01-07");
    static final Instant REGISTERED = Instant.parse("2029-12-01T08:00:00.123Z");

    abstract HeatmapStore store();

    @Test
    void a_saved_zone_is_found_and_saving_it_again_replaces_it() {
        store().saveZone(new Zone("r-1", "Europe/Berlin", REGISTERED));
        store().saveZone(new Zone("r-1", "Asia/Tokyo", REGISTERED.plusSeconds(60)));

        assertThat(store().zone("r-1")).contains(new Zone("r-1", "Asia/Tokyo", REGISTERED.plusSeconds(60)));
        assertThat(store().zone("r-2")).isEmpty();
        assertThat(store().zones()).containsExactly(new Zone("r-1", "Asia/Tokyo", REGISTERED.plusSeconds(60)));
    }

    @Test
    void zones_come_in_registration_order_those_without_a_registration_time_first() {
        store().saveZone(new Zone("late", "UTC", REGISTERED.plusSeconds(3600)));
        store().saveZone(new Zone("b-early", "UTC", REGISTERED));
        store().saveZone(new Zone("a-early", "UTC", REGISTERED));
        store().saveZone(new Zone("unknown", "UTC", null));

        assertThat(store().zones()).extracting(Zone::resourceId).containsExactly("unknown", "a-early", "b-early", "late");
        assertThat(store().zone("unknown")).contains(new Zone("unknown", "UTC", null));
    }

    @Test
    void an_hours_totals_sum_its_booked_and_its_blocked_shares() {
        store().saveShares(List.of(
                booked("r-1", MONDAY, 9, "b-1_0_0", 60),
                booked("r-1", MONDAY, 9, "b-2_0_0", 15),
                blocked("r-1", MONDAY, 9, "x-1_0_0", 30),
                booked("r-1", MONDAY, 10, "b-1_0_1", 30),
                blocked("r-1", MONDAY.plusDays(1), 0, "x-1_0_1", 45)));

        assertThat(store().hours("r-1", MONDAY, MONDAY.plusDays(1))).containsExactlyInAnyOrder(
                new HourTotals("r-1", MONDAY, 9, 75, 30),
                new HourTotals("r-1", MONDAY, 10, 30, 0),
                new HourTotals("r-1", MONDAY.plusDays(1), 0, 0, 45));
    }

    @Test
    void unused_minutes_of_a_no_show_are_summed_apart_and_removed_by_key() {
        ShareKey unusedKey = new ShareKey("r-1", MONDAY, 9, ShareKind.UNUSED, "b-1_0_0");
        store().saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 10), new Share(unusedKey, 10),
                booked("r-1", MONDAY, 9, "b-2_0_0", 50)));

        assertThat(store().hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 9, 60, 0, 10));

        store().removeShares(List.of(unusedKey));
        assertThat(store().hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 9, 60, 0, 0));
    }

    @Test
    void a_share_saved_again_counts_once_and_takes_the_minutes_saved_last() {
        Share share = booked("r-1", MONDAY, 9, "b-1_0_0", 60);
        store().saveShares(List.of(share));
        store().saveShares(List.of(share));
        store().saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 45)));

        assertThat(store().hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 9, 45, 0));
    }

    @Test
    void removing_a_share_removes_exactly_it_and_removing_one_not_stored_is_harmless() {
        Share mine = booked("r-1", MONDAY, 9, "b-1_0_0", 30);
        Share theirs = booked("r-1", MONDAY, 9, "b-2_0_0", 30);
        Share closed = blocked("r-1", MONDAY, 9, "b-1_0_0", 15); // same slice key, other kind: another share
        store().saveShares(List.of(mine, theirs, closed));

        store().removeShares(List.of(mine.key()));
        store().removeShares(List.of(mine.key(), booked("r-1", MONDAY, 11, "nobody_0_0", 1).key()));

        assertThat(store().hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 9, 30, 15));
    }

    @Test
    void an_hour_whose_shares_are_all_removed_has_no_totals() {
        Share share = booked("r-1", MONDAY, 9, "b-1_0_0", 30);
        store().saveShares(List.of(share));

        store().removeShares(List.of(share.key()));

        assertThat(store().hours("r-1", MONDAY, MONDAY)).isEmpty();
        assertThat(store().hours(null, MONDAY, MONDAY)).isEmpty();
    }

    @Test
    void hours_are_of_the_dates_asked_both_included_and_of_one_resource_or_all() {
        store().saveShares(List.of(
                booked("r-1", MONDAY.minusDays(1), 23, "before", 60),
                booked("r-1", MONDAY, 0, "first", 60),
                booked("r-1", MONDAY.plusDays(6), 23, "last", 60),
                booked("r-1", MONDAY.plusDays(7), 0, "after", 60),
                booked("r-2", MONDAY.plusDays(3), 12, "other", 20)));

        assertThat(store().hours("r-1", MONDAY, MONDAY.plusDays(6))).containsExactlyInAnyOrder(
                new HourTotals("r-1", MONDAY, 0, 60, 0),
                new HourTotals("r-1", MONDAY.plusDays(6), 23, 60, 0));
        assertThat(store().hours(null, MONDAY, MONDAY.plusDays(6))).containsExactlyInAnyOrder(
                new HourTotals("r-1", MONDAY, 0, 60, 0),
                new HourTotals("r-1", MONDAY.plusDays(6), 23, 60, 0),
                new HourTotals("r-2", MONDAY.plusDays(3), 12, 20, 0));
        assertThat(store().hours("r-3", MONDAY, MONDAY.plusDays(6))).isEmpty();
    }

    @Test
    void what_a_booking_holds_is_found_by_start_and_holding_nothing_forgets_it() {
        TimeRange first = range("2030-01-07T08:00:00Z", "2030-01-07T09:00:00Z");
        TimeRange second = range("2030-01-14T08:00:00Z", "2030-01-14T09:00:00Z");
        store().saveHeld(new Held("b-1", "r-1", List.of(second, first)));

        assertThat(store().held("b-1")).contains(new Held("b-1", "r-1", List.of(first, second)));
        assertThat(store().held("b-2")).isEmpty();

        store().saveHeld(new Held("b-1", "r-1", List.of(second)));
        assertThat(store().held("b-1")).contains(new Held("b-1", "r-1", List.of(second)));

        store().saveHeld(new Held("b-1", "r-1", List.of()));
        assertThat(store().held("b-1")).isEmpty();
        store().saveHeld(new Held("never-held", "r-1", List.of()));
        assertThat(store().held("never-held")).isEmpty();
    }

    @Test
    void clearing_forgets_zones_shares_and_holds() {
        store().saveZone(new Zone("r-1", "UTC", REGISTERED));
        store().saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 60)));
        store().saveHeld(new Held("b-1", "r-1", List.of(range("2030-01-07T09:00:00Z", "2030-01-07T10:00:00Z"))));

        store().clear();

        assertThat(store().zones()).isEmpty();
        assertThat(store().zone("r-1")).isEmpty();
        assertThat(store().hours(null, MONDAY, MONDAY)).isEmpty();
        assertThat(store().held("b-1")).isEmpty();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_the_zones_and_holds_an_earlier_one_saved() {
        TimeRange slot = range("2030-01-07T09:00:00Z", "2030-01-07T10:00:00Z");
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().saveZone(new Zone("r-1", "Europe/Berlin", REGISTERED));
            store().saveHeld(new Held("b-1", "r-1", List.of(slot)));
            store().saveHeld(new Held("b-2", "r-1", List.of(slot)));
            assertThat(store().zone("r-1")).contains(new Zone("r-1", "Europe/Berlin", REGISTERED));
            assertThat(store().zones()).extracting(Zone::resourceId).containsExactly("r-1");
            assertThat(store().held("b-1")).contains(new Held("b-1", "r-1", List.of(slot)));
            store().saveHeld(new Held("b-2", "r-1", List.of()));
            assertThat(store().held("b-2")).isEmpty();
            store().saveShares(List.of(booked("r-1", MONDAY, 10, "b-1_0_0", 60)));
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().zone("r-1")).isPresent();
        assertThat(store().held("b-1")).isPresent();
        assertThat(store().held("b-2")).isEmpty();
        assertThat(store().hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 10, 60, 0));
    }

    @Test
    void within_one_unit_of_work_the_last_write_of_a_share_wins() {
        Share share = booked("r-1", MONDAY, 9, "b-1_0_0", 60);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().saveShares(List.of(share));
            store().removeShares(List.of(share.key()));
            store().saveShares(List.of(booked("r-1", MONDAY, 10, "b-1_0_1", 30)));
            store().removeShares(List.of(booked("r-1", MONDAY, 10, "b-1_0_1", 30).key()));
            store().saveShares(List.of(booked("r-1", MONDAY, 10, "b-1_0_1", 20)));
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 10, 20, 0));
    }

    static Share booked(String resourceId, LocalDate date, int hour, String slice, long minutes) {
        return new Share(new ShareKey(resourceId, date, hour, ShareKind.BOOKED, slice), minutes);
    }

    static Share blocked(String resourceId, LocalDate date, int hour, String slice, long minutes) {
        return new Share(new ShareKey(resourceId, date, hour, ShareKind.BLOCKED, slice), minutes);
    }

    static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }
}
