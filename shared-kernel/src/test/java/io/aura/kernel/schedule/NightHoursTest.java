package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NightHoursTest {
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    static TimeRange range(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void nine_in_the_morning_in_chicago_is_two_at_night_in_sydney() {
        // 2026-12-07 09:00–10:00 Chicago (UTC-6) = 15:00Z–16:00Z = 02:00–03:00 on the 8th in Sydney (UTC+11)
        TimeRange nineInChicago = range("2026-12-07T15:00:00Z", "2026-12-07T16:00:00Z");
        assertThat(NightHours.fallsAtNight(nineInChicago, SYDNEY)).isTrue();
        assertThat(NightHours.minutesAtNight(nineInChicago, SYDNEY)).isEqualTo(60);
        assertThat(NightHours.fallsAtNight(nineInChicago, CHICAGO)).isFalse();
    }

    @Test
    void the_day_runs_from_seven_to_eight_in_the_evening_and_only_the_minutes_outside_count() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(NightHours.fallsAtNight(range("2026-12-07T07:00:00Z", "2026-12-07T20:00:00Z"), utc)).isFalse();
        assertThat(NightHours.minutesAtNight(range("2026-12-07T06:30:00Z", "2026-12-07T08:00:00Z"), utc)).isEqualTo(30);
        assertThat(NightHours.minutesAtNight(range("2026-12-07T19:00:00Z", "2026-12-07T20:15:00Z"), utc)).isEqualTo(15);
    }
}
