package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.ClosedTimeFold.BusyChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every store of blackouts and busy times does, whatever keeps it (SQLite, PostgreSQL,
 * MongoDB): each adapter's test extends this with its own store.
 */
abstract class ClosedTimeViewStoreContract {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");

    abstract ClosedTimeViewStore store();

    @Test
    void a_resources_blackouts_are_listed_by_start_and_a_removed_one_is_gone_everywhere() {
        store().saveBlackout(blackout("x-late", "r-1", MONDAY_9.plusSeconds(7200), 30, "late"));
        store().saveBlackout(blackout("x-early", "r-1", MONDAY_9, 30, "early"));
        store().saveBlackout(blackout("x-other", "r-2", MONDAY_9, 30, "other room"));

        assertThat(store().blackoutsOf("r-1")).extracting(BlackoutView::blackoutId).containsExactly("x-early", "x-late");

        store().removeBlackout("x-early");
        store().removeBlackout("x-never-there");

        assertThat(store().blackoutsOf("r-1")).extracting(BlackoutView::blackoutId).containsExactly("x-late");
        assertThat(store().findBlackout("x-early")).isEmpty();
        assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(1800), "r-1")).isEmpty();
        assertThat(store().blackoutsOf("r-2")).hasSize(1);
    }

    @Test
    void a_repeating_blackout_is_listed_once_with_its_rule_and_every_date_is_closed_time() {
        var added = new io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded("r-1", "x-weekly",
                new TimeRange(MONDAY_9, MONDAY_9.plusSeconds(3600)), "cleaning", "RRULE:FREQ=WEEKLY;COUNT=3",
                List.of(new TimeRange(MONDAY_9, MONDAY_9.plusSeconds(3600)),
                        new TimeRange(MONDAY_9.plus(Duration.ofDays(7)), MONDAY_9.plus(Duration.ofDays(7)).plusSeconds(3600)),
                        new TimeRange(MONDAY_9.plus(Duration.ofDays(14)),
                                MONDAY_9.plus(Duration.ofDays(14)).plusSeconds(3600))));
        ClosedTimeFold.laterDates(added).forEach(store()::saveBlackout);
        store().saveBlackout(ClosedTimeFold.blackoutAdded(added));

        assertThat(store().blackoutsOf("r-1")).extracting(BlackoutView::blackoutId, BlackoutView::recurrence)
                .containsExactly(tuple("x-weekly", "RRULE:FREQ=WEEKLY;COUNT=3"));
        assertThat(closed(MONDAY_9.plus(Duration.ofDays(14)), MONDAY_9.plus(Duration.ofDays(15)), "r-1"))
                .extracting(ClosedTime::start, ClosedTime::source)
                .containsExactly(tuple(MONDAY_9.plus(Duration.ofDays(14)), Conflict.Source.BLACKOUT));
    }

    @Test
    void a_saved_blackout_is_found_as_it_was_saved_and_saving_it_again_replaces_it() {
        BlackoutView cleaning = blackout("x-1", "r-1", MONDAY_9, 60, "cleaning");
        store().saveBlackout(cleaning);
        assertThat(store().findBlackout("x-1")).contains(cleaning);
        assertThat(store().findBlackout("x-2")).isEmpty();

        BlackoutView longer = blackout("x-1", "r-1", MONDAY_9, 90, null);
        store().saveBlackout(longer);

        assertThat(store().findBlackout("x-1")).contains(longer);
        assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(60), null)).hasSize(1);
    }

    @Test
    void closed_times_overlapping_the_window_of_one_resource_or_all_come_by_start_blackouts_first() {
        store().saveBlackout(blackout("x-late", "r-1", MONDAY_9.plusSeconds(3600), 30, "late"));
        store().saveBlackout(blackout("x-early", "r-1", MONDAY_9, 30, "early"));
        store().saveBlackout(blackout("x-other", "r-2", MONDAY_9, 30, "other room"));
        store().saveBlackout(blackout("x-ends-at-the-window", "r-1", MONDAY_9.minusSeconds(1800), 30, "before"));
        store().saveBlackout(blackout("x-starts-at-its-end", "r-1", MONDAY_9.plusSeconds(4 * 3600), 30, "after"));
        store().changeBusy(new BusyChanges(List.of(), List.of(busy("r-1", MONDAY_9, 45),
                busy("r-1", MONDAY_9.plusSeconds(1800), 15), busy("r-2", MONDAY_9.plusSeconds(7200), 15))));

        Instant from = MONDAY_9;
        Instant to = MONDAY_9.plusSeconds(4 * 3600);
        assertThat(closed(from, to, "r-1")).containsExactly(
                new ClosedTime("r-1", MONDAY_9, MONDAY_9.plusSeconds(1800), Conflict.Source.BLACKOUT, "early"),
                new ClosedTime("r-1", MONDAY_9, MONDAY_9.plusSeconds(2700), Conflict.Source.EXTERNAL, null),
                new ClosedTime("r-1", MONDAY_9.plusSeconds(1800), MONDAY_9.plusSeconds(2700), Conflict.Source.EXTERNAL, null),
                new ClosedTime("r-1", MONDAY_9.plusSeconds(3600), MONDAY_9.plusSeconds(5400), Conflict.Source.BLACKOUT, "late"));
        assertThat(closed(from, to, null)).extracting(ClosedTime::resourceId, ClosedTime::source).containsExactly(
                tuple("r-1", Conflict.Source.BLACKOUT), tuple("r-2", Conflict.Source.BLACKOUT),
                tuple("r-1", Conflict.Source.EXTERNAL), tuple("r-1", Conflict.Source.EXTERNAL),
                tuple("r-1", Conflict.Source.BLACKOUT), tuple("r-2", Conflict.Source.EXTERNAL));
    }

    @Test
    void a_long_blackout_that_began_long_before_the_window_still_closes_it() {
        store().saveBlackout(blackout("x-short", "r-1", MONDAY_9.minus(Duration.ofDays(30)), 60, "short"));
        store().saveBlackout(new BlackoutView("x-renovation", "r-1", MONDAY_9.minus(Duration.ofDays(20)),
                MONDAY_9.plus(Duration.ofDays(1)), "renovation"));

        assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(3600), "r-1")).extracting(ClosedTime::reason)
                .containsExactly("renovation");
        assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(3600), null)).extracting(ClosedTime::reason)
                .containsExactly("renovation");
    }

    @Test
    void busy_times_are_removed_and_added_as_told_and_read_by_resource_and_window() {
        BusyTime first = busy("r-1", MONDAY_9, 60);
        BusyTime second = busy("r-1", MONDAY_9.plus(Duration.ofDays(2)), 60);
        BusyTime elsewhere = busy("r-2", MONDAY_9, 60);
        store().changeBusy(new BusyChanges(List.of(), List.of(first, second, elsewhere)));

        assertThat(store().busyBetween("r-1", MONDAY_9, MONDAY_9.plus(Duration.ofDays(1)))).containsExactly(first);
        assertThat(store().busyOf("r-1")).containsExactlyInAnyOrder(first, second);

        BusyTime moved = busy("r-1", MONDAY_9.plusSeconds(7200), 30);
        store().changeBusy(new BusyChanges(List.of(first), List.of(moved)));

        assertThat(store().busyOf("r-1")).containsExactlyInAnyOrder(moved, second);
        assertThat(store().busyOf("r-2")).containsExactly(elsewhere);
        assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(3600), "r-1")).isEmpty();
    }

    @Test
    void clearing_forgets_every_blackout_and_busy_time() {
        store().saveBlackout(blackout("x-1", "r-1", MONDAY_9, 60, "cleaning"));
        store().changeBusy(new BusyChanges(List.of(), List.of(busy("r-1", MONDAY_9, 60))));

        store().clear();

        assertThat(store().findBlackout("x-1")).isEmpty();
        assertThat(store().busyOf("r-1")).isEmpty();
        assertThat(closed(MONDAY_9.minusSeconds(3600), MONDAY_9.plusSeconds(7200), null)).isEmpty();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_what_an_earlier_one_changed() {
        BusyTime first = busy("r-1", MONDAY_9, 60);
        BusyTime second = busy("r-1", MONDAY_9.plusSeconds(7200), 60);
        store().changeBusy(new BusyChanges(List.of(), List.of(first)));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().saveBlackout(blackout("x-1", "r-1", MONDAY_9.plusSeconds(3600), 30, "cleaning"));
            store().changeBusy(new BusyChanges(List.of(first), List.of(second)));
            assertThat(store().findBlackout("x-1")).isPresent();
            assertThat(store().busyBetween("r-1", MONDAY_9, MONDAY_9.plusSeconds(3 * 3600))).containsExactly(second);
            assertThat(store().busyOf("r-1")).containsExactly(second);
            assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(3 * 3600), "r-1")).extracting(ClosedTime::source)
                    .containsExactly(Conflict.Source.BLACKOUT, Conflict.Source.EXTERNAL);
            store().changeBusy(new BusyChanges(List.of(second), List.of()));
            assertThat(store().busyOf("r-1")).isEmpty();
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().busyOf("r-1")).isEmpty();
        assertThat(closed(MONDAY_9, MONDAY_9.plusSeconds(3 * 3600), "r-1")).extracting(ClosedTime::reason)
                .containsExactly("cleaning");
    }

    List<ClosedTime> closed(Instant from, Instant to, String resourceId) {
        return store().closedBetween(from, to, resourceId);
    }

    static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    static BlackoutView blackout(String id, String resourceId, Instant start, int minutes, String reason) {
        return new BlackoutView(id, resourceId, start, start.plus(Duration.ofMinutes(minutes)), reason);
    }

    static BusyTime busy(String resourceId, Instant start, int minutes) {
        return BusyTime.of(resourceId, new TimeRange(start, start.plus(Duration.ofMinutes(minutes))));
    }
}
