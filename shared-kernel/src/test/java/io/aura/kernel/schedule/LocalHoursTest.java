package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalHoursTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_booking_across_local_midnight_lands_on_both_local_dates() {
        // 22:30–01:00 Berlin time (UTC+1) on 2026-12-04
        var slices = LocalHours.of(new TimeRange(Instant.parse("2026-12-04T21:30:00Z"), Instant.parse("2026-12-05T00:00:00Z")), BERLIN);
        assertThat(slices).containsExactly(
                new LocalHours.Slice(LocalDate.parse("2026-12-04"), 22, 30),
                new LocalHours.Slice(LocalDate.parse("2026-12-04"), 23, 60),
                new LocalHours.Slice(LocalDate.parse("2026-12-05"), 0, 60));
    }

    @Test
    void the_hour_repeated_when_clocks_go_back_collects_both_real_hours() {
        // 2026-10-25: Berlin goes from 03:00 CEST back to 02:00 CET; 00:00Z–02:00Z is 02:00–02:59 twice
        var slices = LocalHours.of(new TimeRange(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T02:00:00Z")), BERLIN);
        assertThat(slices).containsExactly(
                new LocalHours.Slice(LocalDate.parse("2026-10-25"), 2, 60),
                new LocalHours.Slice(LocalDate.parse("2026-10-25"), 2, 60));
    }

    @Test
    void the_hour_skipped_when_clocks_go_forward_gets_nothing() {
        // 2027-03-28: 02:00 CET becomes 03:00 CEST; 01:00Z–02:00Z is 03:00–03:59 local
        var slices = LocalHours.of(new TimeRange(Instant.parse("2027-03-28T00:30:00Z"), Instant.parse("2027-03-28T01:30:00Z")), BERLIN);
        assertThat(slices).extracting(LocalHours.Slice::hour).containsExactly(1, 3);
    }
}
