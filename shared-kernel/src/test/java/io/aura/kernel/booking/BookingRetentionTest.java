package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingRetention.Keep;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which bookings are past retention (ADR 0047): decided here once, for the sweep and every store. */
class BookingRetentionTest {
    static final Instant NOW = Instant.parse("2028-12-07T12:00:00Z");

    static BookingView booking(BookingStatus status, RescheduleOutcome move, Occurrence... dates) {
        Occurrence first = dates[0];
        return new BookingView("b-1", "Standup", "r-1", first.start(), first.end(), status, "alice", 2, List.of(),
                null, null, List.of(dates), List.of(), List.of(), List.of(), List.of(), move, 3);
    }

    static Occurrence date(String start, int minutes, OccurrenceStatus status) {
        Instant s = Instant.parse(start);
        return new Occurrence(s, s.plus(Duration.ofMinutes(minutes)), status);
    }

    @Test
    void the_setting_reads_calendar_periods_exact_durations_and_forever() {
        assertThat(Keep.parse("P2Y")).isEqualTo(new Keep(Period.ofYears(2), Duration.ZERO));
        assertThat(Keep.parse(" P730D ")).isEqualTo(new Keep(Period.ofDays(730), Duration.ZERO));
        assertThat(Keep.parse("PT48H")).isEqualTo(new Keep(Period.ZERO, Duration.ofHours(48)));
        assertThat(Keep.parse("0").forever()).isTrue();
        assertThat(Keep.parse("P0D").forever()).isTrue();
        assertThat(Keep.parse("").forever()).isTrue();
        assertThat(Keep.parse(null).forever()).isTrue();
        assertThat(Keep.parse("forever").forever()).isTrue();
        assertThat(Keep.parse(BookingRetention.DEFAULT).forever()).isFalse();
        assertThatThrownBy(() -> Keep.parse("two years")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aura.retention.past-bookings");
        assertThatThrownBy(() -> Keep.parse("P-1D")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_cutoff_is_now_less_the_period_and_forever_has_none() {
        assertThat(Keep.parse("P2Y").cutoff(NOW)).contains(Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(Keep.parse("P730D").cutoff(NOW)).contains(Instant.parse("2026-12-08T12:00:00Z"));
        assertThat(Keep.parse("PT48H").cutoff(NOW)).contains(Instant.parse("2028-12-05T12:00:00Z"));
        assertThat(Keep.FOREVER.cutoff(NOW)).isEmpty();
    }

    @Test
    void a_booking_is_past_retention_once_its_last_date_ended_before_the_cutoff_whatever_became_of_it() {
        Instant cutoff = Instant.parse("2026-12-07T12:00:00Z");
        BookingView ended = booking(BookingStatus.CONFIRMED, null, date("2026-12-07T10:00:00Z", 60,
                OccurrenceStatus.CONFIRMED));
        BookingView endsAtTheCutoff = booking(BookingStatus.CONFIRMED, null, date("2026-12-07T11:00:00Z", 60,
                OccurrenceStatus.CONFIRMED));
        BookingView cancelled = booking(BookingStatus.CANCELLED, null, date("2025-03-01T10:00:00Z", 60,
                OccurrenceStatus.CANCELLED));

        assertThat(BookingRetention.pastRetention(ended, cutoff)).isTrue();
        assertThat(BookingRetention.pastRetention(endsAtTheCutoff, cutoff)).as("ends at the cutoff: kept").isFalse();
        assertThat(BookingRetention.pastRetention(cancelled, cutoff)).isTrue();
    }

    @Test
    void a_series_stays_while_any_of_its_dates_is_within_retention() {
        Instant cutoff = Instant.parse("2026-12-07T12:00:00Z");
        BookingView series = booking(BookingStatus.CONFIRMED, null,
                date("2026-11-30T10:00:00Z", 60, OccurrenceStatus.CONFIRMED),
                date("2026-12-14T10:00:00Z", 60, OccurrenceStatus.CANCELLED));

        assertThat(BookingRetention.lastEnd(series)).isEqualTo(Instant.parse("2026-12-14T11:00:00Z"));
        assertThat(BookingRetention.pastRetention(series, cutoff)).isFalse();
    }

    @Test
    void a_move_still_being_decided_counts_with_its_new_slot_and_a_refused_one_does_not() {
        Instant cutoff = Instant.parse("2026-12-07T12:00:00Z");
        Occurrence old = date("2026-01-05T10:00:00Z", 60, OccurrenceStatus.CONFIRMED);
        Instant later = Instant.parse("2027-01-05T10:00:00Z");
        BookingView moving = booking(BookingStatus.CONFIRMED, new RescheduleOutcome(RescheduleStatus.PENDING_APPROVAL,
                later, later.plusSeconds(3600), List.of(), List.of(), List.of()), old);
        BookingView refused = booking(BookingStatus.CONFIRMED, new RescheduleOutcome(RescheduleStatus.REFUSED,
                later, later.plusSeconds(3600), List.of(), List.of(), List.of()), old);

        assertThat(BookingRetention.pastRetention(moving, cutoff)).isFalse();
        assertThat(BookingRetention.pastRetention(refused, cutoff)).isTrue();
    }
}
