package io.aura.kernel.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.validation.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSpecTest {

    static ResourceSpec room(String name, int capacity, String zone, int min, int max) {
        return new ResourceSpec(name, capacity, zone, false, List.of(), 10, min, max, 90);
    }

    @Test
    void a_plain_room_with_an_iana_zone_is_valid() {
        assertThat(room("Room A", 12, "Europe/Berlin", 15, 240).violations()).isEmpty();
    }

    @Test
    void each_broken_rule_names_its_field() {
        ResourceSpec spec = new ResourceSpec(" ", 0, "Mars/Olympus", false, List.of(" "), -1, 0, 0, 0);
        assertThat(spec.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("name", "capacity", "timeZone", "approvers", "bufferMinutes",
                        "minDurationMinutes", "maxDurationMinutes", "bookingWindowDays");
    }

    @Test
    void a_fixed_offset_is_not_a_time_zone_because_it_ignores_daylight_saving() {
        assertThat(room("Room A", 1, "+01:00", 15, 60).violations()).extracting(FieldViolation::field)
                .containsExactly("timeZone");
    }

    @Test
    void max_duration_below_min_duration_is_refused() {
        assertThat(room("Room A", 1, "UTC", 60, 30).violations()).extracting(FieldViolation::field)
                .containsExactly("maxDurationMinutes");
    }

    @Test
    void approvers_named_without_approval_required_are_refused_naming_approvers_not_dropped() {
        ResourceSpec spec = new ResourceSpec("Room A", 4, "UTC", false, List.of("olga"), 0, 15, 60, 30);
        assertThat(spec.violations()).extracting(FieldViolation::field).containsExactly("approvers");
        assertThat(new ResourceSpec("Room A", 4, "UTC", true, List.of("olga"), 0, 15, 60, 30).violations()).isEmpty();
    }

    @Test
    void names_are_the_same_trimmed_and_whatever_their_case() {
        assertThat(ResourceNames.same(" Hall ", "hALL")).isTrue();
        assertThat(ResourceNames.claimId("Hall")).isEqualTo(ResourceNames.claimId("  hall"))
                .isNotEqualTo(ResourceNames.claimId("Hall 2")).startsWith("resource-name-");
        assertThat(ResourceNames.same("Hall", "Hall 2")).isFalse();
    }
}
