package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RecurrenceTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static TimeRange localNine(String date) {
        Instant start = ZonedDateTime.parse(date + "T09:00:00+01:00[Europe/Berlin]").toInstant();
        return new TimeRange(start, start.plusSeconds(3600));
    }

    @Test
    void a_weekly_nine_oclock_stays_nine_oclock_local_across_the_daylight_saving_change() {
        // 2027-03-28 is the last Sunday of March: Berlin moves from +01:00 to +02:00
        var expansion = Recurrence.expand("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4", localNine("2027-03-15"), BERLIN);

        assertThat(expansion.violations()).isEmpty();
        assertThat(expansion.occurrences()).extracting(r -> r.start().atZone(BERLIN).toLocalTime().toString())
                .containsOnly("09:00");
        assertThat(expansion.occurrences()).extracting(r -> r.start().toString()).containsExactly(
                "2027-03-15T08:00:00Z", "2027-03-22T08:00:00Z", "2027-03-29T07:00:00Z", "2027-04-05T07:00:00Z");
    }

    @Test
    void interval_and_until_are_honoured() {
        var expansion = Recurrence.expand("FREQ=DAILY;INTERVAL=2;UNTIL=20270110T235959Z", localNine("2027-01-04"), BERLIN);
        assertThat(expansion.occurrences()).hasSize(4);
    }

    @Test
    void an_endless_or_too_long_series_is_refused_with_a_clear_message() {
        assertThat(Recurrence.expand("FREQ=WEEKLY", localNine("2027-01-04"), BERLIN).violations())
                .extracting(FieldViolation::message).containsExactly("must end (COUNT or UNTIL) within 731 days");
        assertThat(Recurrence.expand("FREQ=DAILY;COUNT=600", localNine("2027-01-04"), BERLIN).violations())
                .extracting(FieldViolation::message).containsExactly("has more than 500 occurrences");
    }

    @Test
    void a_malformed_rule_names_the_recurrence_field() {
        assertThat(Recurrence.expand("RRULE:FREQ=SOMETIMES", localNine("2027-01-04"), BERLIN).violations())
                .extracting(FieldViolation::field).containsExactly("recurrence");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"RRULE:FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31;COUNT=3",
            "RRULE:FREQ=DAILY;INTERVAL=2147483647;COUNT=3", "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=500;COUNT=2",
            "RRULE:FREQ=YEARLY;BYYEARDAY=400;COUNT=2", "RRULE:FREQ=SECONDLY;COUNT=100000",
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "RRULE:FREQ=MINUTELY;INTERVAL=1000000000;COUNT=5"})
    void a_rule_whose_dates_cannot_exist_or_cannot_be_held_is_named_quickly(String rule) {
        var expansion = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMillis(500),
                () -> Recurrence.expand(rule, localNine("2026-12-07"), BERLIN));
        assertThat(expansion.violations()).extracting(FieldViolation::field).containsExactly("recurrence");
    }
}
