package io.aura.kernel.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaSpecTest {

    @Test
    void a_quota_needs_a_period_and_at_least_one_positive_limit() {
        assertThat(new QuotaSpec(null, null, null, null, null, null, null).violations())
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("period", Rule.QUOTA_PERIOD),
                        org.assertj.core.groups.Tuple.tuple("maxBookings", Rule.QUOTA_LIMIT_REQUIRED));
        assertThat(new QuotaSpec(null, null, null, null, QuotaPeriod.P1W, 0, -1).violations())
                .extracting(FieldViolation::field).containsExactly("maxMinutes", "maxBookings");
        assertThat(new QuotaSpec(null, null, "JANITOR", null, QuotaPeriod.P1W, 60, null).violations())
                .extracting(FieldViolation::field).containsExactly("role");
        assertThat(new QuotaSpec("r-1", null, "REQUESTER", "alice", QuotaPeriod.P1M, 60, 3).violations()).isEmpty();
    }

    @Test
    void a_quota_limits_the_people_it_names_and_counts_the_bookings_it_covers() {
        QuotaSpec requestersInR1 = new QuotaSpec("r-1", null, "REQUESTER", null, QuotaPeriod.P1W, null, 3);
        assertThat(requestersInR1.appliesTo("alice", List.of("REQUESTER"))).isTrue();
        assertThat(requestersInR1.appliesTo("root", List.of("ADMIN"))).isFalse();
        assertThat(requestersInR1.covers("r-1", null)).isTrue();
        assertThat(requestersInR1.covers("r-2", null)).isFalse();
        // bookings carry no category yet: a category quota counts none of them
        assertThat(new QuotaSpec(null, "lab", null, null, QuotaPeriod.P1W, null, 3).covers("r-1", null)).isFalse();
    }

    @Test
    void weeks_are_iso_weeks_and_months_calendar_months_in_the_given_zone() {
        Instant sundayNightUtc = Instant.parse("2026-12-13T23:30:00Z");
        assertThat(QuotaPeriod.P1W.keyOf(sundayNightUtc, ZoneId.of("UTC"))).isEqualTo("2026-W50");
        assertThat(QuotaPeriod.P1W.keyOf(sundayNightUtc, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-W51");
        assertThat(QuotaPeriod.P1W.keyOf(Instant.parse("2027-01-01T12:00:00Z"), ZoneId.of("UTC"))).isEqualTo("2026-W53");
        assertThat(QuotaPeriod.P1M.keyOf(Instant.parse("2026-11-30T23:30:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-12");
    }

    @Test
    void a_category_quota_counts_the_bookings_of_its_category_whatever_the_case_and_no_other() {
        QuotaSpec training = new QuotaSpec(null, "Training", null, null, QuotaPeriod.P1W, null, 2);

        assertThat(training.covers("r-1", "training")).isTrue();
        assertThat(training.covers("r-1", "Workshop")).isFalse();
        assertThat(training.covers("r-1", null)).isFalse();
    }
}
