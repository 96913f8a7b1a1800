package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRulesTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ResourceSpec ROOM = new ResourceSpec("Room", 10, "Europe/Berlin", false, List.of(), 10, 30, 120, 30);

    static TimeRange at(String start, int minutes) {
        Instant s = Instant.parse(start);
        return new TimeRange(s, s.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void a_booking_inside_every_rule_breaks_none() {
        assertThat(ScheduleRules.check(ROOM, at("2026-12-02T09:00:00Z", 60), 8, NOW)).isEmpty();
    }

    @Test
    void each_broken_rule_is_named() {
        assertThat(ScheduleRules.check(ROOM, at("2026-12-02T09:00:00Z", 15), 1, NOW)).extracting(FieldViolation::field)
                .containsExactly("end");
        assertThat(ScheduleRules.check(ROOM, at("2026-12-02T09:00:00Z", 180), 1, NOW)).extracting(FieldViolation::field)
                .containsExactly("end");
        assertThat(ScheduleRules.check(ROOM, at("2026-11-30T09:00:00Z", 60), 1, NOW)).extracting(FieldViolation::field)
                .containsExactly("start");
        assertThat(ScheduleRules.check(ROOM, at("2027-02-01T09:00:00Z", 60), 1, NOW)).extracting(FieldViolation::field)
                .containsExactly("start");
        assertThat(ScheduleRules.check(ROOM, at("2026-12-02T09:00:00Z", 60), 11, NOW)).extracting(FieldViolation::field)
                .containsExactly("attendees");
    }
}
