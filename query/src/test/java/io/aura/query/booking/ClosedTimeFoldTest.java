package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.ClosedTimeFold.BusyChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given blackouts and calendar readings, what the fold keeps and changes. */
class ClosedTimeFoldTest {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");
    static final TimeRange WINDOW = new TimeRange(MONDAY_9, MONDAY_9.plus(Duration.ofDays(1)));

    @Test
    void a_blackout_is_kept_as_added() {
        TimeRange range = range(MONDAY_9, 60);

        assertThat(ClosedTimeFold.blackoutAdded(new BlackoutAdded("r-1", "x-1", range, "cleaning")))
                .isEqualTo(new BlackoutView("x-1", "r-1", range.start(), range.end(), "cleaning"));
    }

    @Test
    void what_the_calendar_shows_over_the_window_replaces_what_was_known_there_and_nothing_else() {
        BusyTime stays = BusyTime.of("r-1", range(MONDAY_9, 60));
        BusyTime gone = BusyTime.of("r-1", range(MONDAY_9.plusSeconds(7200), 60));
        BusyTime beforeTheWindow = BusyTime.of("r-1", range(MONDAY_9.minusSeconds(7200), 60));
        TimeRange added = range(MONDAY_9.plusSeconds(4 * 3600), 30);
        ExternalBusyChanged reading = new ExternalBusyChanged("r-1", "room@contoso.com", WINDOW,
                List.of(range(MONDAY_9, 60), added, added));

        BusyChanges changes = ClosedTimeFold.busyChanged(List.of(stays, gone, beforeTheWindow), reading);

        assertThat(changes.removed()).containsExactly(gone);
        assertThat(changes.added()).containsExactly(BusyTime.of("r-1", added));
    }

    @Test
    void the_same_reading_seen_twice_changes_nothing_the_second_time() {
        ExternalBusyChanged reading = new ExternalBusyChanged("r-1", "room@contoso.com", WINDOW,
                List.of(range(MONDAY_9, 60), range(MONDAY_9.plusSeconds(7200), 60)));

        BusyChanges first = ClosedTimeFold.busyChanged(List.of(), reading);
        BusyChanges again = ClosedTimeFold.busyChanged(first.added(), reading);

        assertThat(first.added()).hasSize(2);
        assertThat(again.isEmpty()).isTrue();
    }

    @Test
    void an_unlinked_calendar_forgets_every_busy_time_it_showed() {
        List<BusyTime> known = List.of(BusyTime.of("r-1", range(MONDAY_9, 60)));

        assertThat(ClosedTimeFold.unlinked(known)).isEqualTo(new BusyChanges(known, List.of()));
    }

    static TimeRange range(Instant start, int minutes) {
        return new TimeRange(start, start.plus(Duration.ofMinutes(minutes)));
    }
}
