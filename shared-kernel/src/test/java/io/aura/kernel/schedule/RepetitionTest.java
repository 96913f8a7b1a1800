package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.schedule.Repetition.End;
import io.aura.kernel.schedule.Repetition.MonthlyOn;
import io.aura.kernel.validation.FieldViolation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepetitionTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    /** Wednesday 13 January 2027, 09:00 in Berlin. */
    static final ZonedDateTime WEDNESDAY = ZonedDateTime.of(LocalDateTime.parse("2027-01-13T09:00"), BERLIN);

    static TimeRange hourAt(ZonedDateTime start) {
        return new TimeRange(start.toInstant(), start.toInstant().plusSeconds(3600));
    }

    static List<LocalDate> dates(Repetition repetition, ZonedDateTime first) {
        var expansion = Recurrence.expand(repetition.rrule(first.getZone()), hourAt(first), first.getZone());
        assertThat(expansion.violations()).isEmpty();
        return expansion.occurrences().stream().map(o -> o.start().atZone(first.getZone()).toLocalDate()).toList();
    }

    @Test
    void weekly_on_wednesday_six_times_is_the_rule_people_expect_and_books_six_wednesdays() {
        Repetition sixWednesdays = Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY), new End.After(6));

        assertThat(sixWednesdays.rrule(BERLIN)).isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6");
        assertThat(dates(sixWednesdays, WEDNESDAY)).hasSize(6).allMatch(d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY)
                .startsWith(LocalDate.parse("2027-01-13")).endsWith(LocalDate.parse("2027-02-17"));
    }

    static Stream<Repetition> repetitions() {
        return Stream.of(Repetition.NONE,
                Repetition.daily(1, new End.After(10)),
                Repetition.daily(3, new End.On(LocalDate.parse("2027-03-01"))),
                Repetition.weekly(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), new End.After(12)),
                Repetition.weekly(2, Set.of(DayOfWeek.SUNDAY), new End.On(LocalDate.parse("2027-12-31"))),
                Repetition.monthly(1, new MonthlyOn.Day(31), new End.After(6)),
                Repetition.monthly(2, new MonthlyOn.LastDay(), new End.After(4)),
                Repetition.monthly(1, new MonthlyOn.Weekday(2, DayOfWeek.TUESDAY), new End.After(5)),
                Repetition.monthly(1, new MonthlyOn.Weekday(MonthlyOn.LAST, DayOfWeek.FRIDAY),
                        new End.On(LocalDate.parse("2027-06-30"))),
                // without an end: written as it is, and the kernel refuses it naming what is missing
                Repetition.weekly(1, Set.of(DayOfWeek.THURSDAY), null));
    }

    @ParameterizedTest
    @MethodSource("repetitions")
    void what_is_written_reads_back_the_same_in_the_same_zone(Repetition repetition) {
        for (ZoneId zone : List.of(BERLIN, SYDNEY, ZoneId.of("America/Chicago"))) {
            assertThat(Repetition.read(repetition.rrule(zone), WEDNESDAY.withZoneSameLocal(zone))).contains(repetition);
        }
    }

    @Test
    void rules_written_elsewhere_read_as_the_editor_shows_them() {
        // today's placeholder: weekly on the first date's day; parts in any order and case
        assertThat(Repetition.read("RRULE:FREQ=WEEKLY;COUNT=10", WEDNESDAY))
                .contains(Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY), new End.After(10)));
        assertThat(Repetition.read("rrule:count=6;byday=we;freq=weekly;wkst=MO", WEDNESDAY))
                .contains(Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY), new End.After(6)));
        assertThat(Repetition.read("FREQ=MONTHLY;BYDAY=+2TU;COUNT=3", WEDNESDAY))
                .contains(Repetition.monthly(1, new MonthlyOn.Weekday(2, DayOfWeek.TUESDAY), new End.After(3)));
        assertThat(Repetition.read("FREQ=MONTHLY;UNTIL=20270630T215959Z", WEDNESDAY))
                .contains(Repetition.monthly(1, new MonthlyOn.Day(13), new End.On(LocalDate.parse("2027-06-30"))));
        assertThat(Repetition.read("  ", WEDNESDAY)).contains(Repetition.NONE);
        assertThat(Repetition.read(null, WEDNESDAY)).contains(Repetition.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RRULE:FREQ=YEARLY;COUNT=2", "RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=2",
            "RRULE:FREQ=MONTHLY;BYDAY=2TU,4TU;COUNT=4", "RRULE:FREQ=MONTHLY;BYDAY=TU;COUNT=4",
            "RRULE:FREQ=MONTHLY;BYDAY=5TU;COUNT=4", "RRULE:FREQ=WEEKLY;BYDAY=1MO;COUNT=2",
            "RRULE:FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=SU,MO;COUNT=4", "RRULE:FREQ=DAILY;BYHOUR=9;COUNT=2",
            "RRULE:FREQ=DAILY;COUNT=2;UNTIL=20270120T225959Z", "RRULE:FREQ=DAILY;COUNT=2;COUNT=3",
            "RRULE:FREQ=DAILY;INTERVAL=once;COUNT=2", "RRULE:FREQ=DAILY;COUNT=many", "RRULE:COUNT=2", "RRULE:",
            "RRULE:FREQ=SOMETIMES", "FREQ=DAILY;UNTIL=20270120", "FREQ=DAILY;UNTIL=20270120T230000Z",
            "FREQ=MONTHLY;BYMONTHDAY=32;COUNT=2", "FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=2"})
    void a_rule_that_says_more_than_a_repetition_stays_a_raw_rule(String rule) {
        assertThat(Repetition.read(rule, WEDNESDAY)).isEqualTo(Optional.empty());
    }

    @Test
    void monthly_on_the_31st_skips_the_months_without_one_and_the_last_day_takes_each_months_last() {
        ZonedDateTime jan31 = ZonedDateTime.of(LocalDateTime.parse("2027-01-31T09:00"), BERLIN);
        assertThat(MonthlyOn.offeredFor(jan31.toLocalDate())).containsExactly(new MonthlyOn.Day(31),
                new MonthlyOn.Weekday(MonthlyOn.LAST, DayOfWeek.SUNDAY), new MonthlyOn.LastDay());

        assertThat(Repetition.monthly(1, new MonthlyOn.Day(31), new End.After(4)).rrule(BERLIN))
                .isEqualTo("RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4");
        assertThat(dates(Repetition.monthly(1, new MonthlyOn.Day(31), new End.After(4)), jan31)).extracting(
                Object::toString).containsExactly("2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31");
        assertThat(Repetition.monthly(1, new MonthlyOn.LastDay(), new End.After(3)).rrule(BERLIN))
                .isEqualTo("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3");
        assertThat(dates(Repetition.monthly(1, new MonthlyOn.LastDay(), new End.After(3)), jan31)).extracting(
                Object::toString).containsExactly("2027-01-31", "2027-02-28", "2027-03-31");
    }

    @Test
    void the_second_tuesday_and_the_last_friday_are_offered_where_the_start_is_one_and_land_on_them() {
        ZonedDateTime secondTuesday = ZonedDateTime.of(LocalDateTime.parse("2027-01-12T09:00"), BERLIN);
        assertThat(MonthlyOn.offeredFor(secondTuesday.toLocalDate())).containsExactly(new MonthlyOn.Day(12),
                new MonthlyOn.Weekday(2, DayOfWeek.TUESDAY));
        assertThat(dates(Repetition.monthly(1, new MonthlyOn.Weekday(2, DayOfWeek.TUESDAY), new End.After(3)),
                secondTuesday)).extracting(Object::toString).containsExactly("2027-01-12", "2027-02-09", "2027-03-09");

        // 29 January 2027 is the 5th and last Friday: no "5th", but "last"
        ZonedDateTime lastFriday = ZonedDateTime.of(LocalDateTime.parse("2027-01-29T09:00"), BERLIN);
        assertThat(MonthlyOn.offeredFor(lastFriday.toLocalDate())).containsExactly(new MonthlyOn.Day(29),
                new MonthlyOn.Weekday(MonthlyOn.LAST, DayOfWeek.FRIDAY));
        Repetition last = Repetition.monthly(1, new MonthlyOn.Weekday(MonthlyOn.LAST, DayOfWeek.FRIDAY), new End.After(4));
        assertThat(last.rrule(BERLIN)).isEqualTo("RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=4");
        assertThat(dates(last, lastFriday)).extracting(Object::toString)
                .containsExactly("2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30");
        // the 22nd is the 4th Friday, not the last: the 29th follows
        assertThat(MonthlyOn.offeredFor(LocalDate.parse("2027-01-22"))).doesNotContain(
                new MonthlyOn.Weekday(MonthlyOn.LAST, DayOfWeek.FRIDAY));
    }

    @Test
    void an_end_date_is_the_end_of_that_day_in_the_resources_zone_not_in_utc() {
        Repetition untilThe15th = Repetition.daily(1, new End.On(LocalDate.parse("2027-01-15")));
        assertThat(untilThe15th.rrule(BERLIN)).isEqualTo("RRULE:FREQ=DAILY;UNTIL=20270115T225959Z");
        assertThat(untilThe15th.rrule(SYDNEY)).isEqualTo("RRULE:FREQ=DAILY;UNTIL=20270115T125959Z");

        // 09:00 in Sydney is 22:00 UTC the day before: the 16th there must not slip in (it would with a UTC day)
        ZonedDateTime sydneyNine = ZonedDateTime.of(LocalDateTime.parse("2027-01-13T09:00"), SYDNEY);
        assertThat(dates(untilThe15th, sydneyNine)).extracting(Object::toString)
                .containsExactly("2027-01-13", "2027-01-14", "2027-01-15");
        // and late in the evening in Berlin the 15th is still in
        ZonedDateTime berlinLate = ZonedDateTime.of(LocalDateTime.parse("2027-01-13T23:30"), BERLIN);
        assertThat(dates(untilThe15th, berlinLate)).extracting(Object::toString)
                .containsExactly("2027-01-13", "2027-01-14", "2027-01-15");
        // a rule written for Berlin's days is not the same days in Sydney: it stays raw there
        assertThat(Repetition.read(untilThe15th.rrule(BERLIN), sydneyNine)).isEmpty();
    }

    @Test
    void counts_and_intervals_are_the_kernels_to_judge_the_most_it_holds_is_accepted_one_more_is_refused() {
        TimeRange first = hourAt(WEDNESDAY);
        var most = Recurrence.expand(Repetition.daily(1, new End.After(Recurrence.MAX_OCCURRENCES)).rrule(BERLIN), first,
                BERLIN);
        assertThat(most.violations()).isEmpty();
        assertThat(most.occurrences()).hasSize(Recurrence.MAX_OCCURRENCES);
        for (int refused : List.of(Recurrence.MAX_OCCURRENCES + 1, 0, -1)) {
            assertThat(Recurrence.expand(Repetition.daily(1, new End.After(refused)).rrule(BERLIN), first, BERLIN)
                    .violations()).as("COUNT=" + refused).extracting(FieldViolation::field).containsExactly("recurrence");
        }
        // an interval as typed, 0 included: the kernel refuses it, naming the field
        assertThat(Recurrence.expand(Repetition.daily(0, new End.After(2)).rrule(BERLIN), first, BERLIN).violations())
                .extracting(FieldViolation::field).containsExactly("recurrence");
        var once = Recurrence.expand(Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY), new End.After(1)).rrule(BERLIN),
                first, BERLIN);
        assertThat(once.occurrences()).hasSize(1);
        // an end date beyond the longest span, and no end at all
        assertThat(Recurrence.expand(Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY),
                new End.On(WEDNESDAY.toLocalDate().plusDays(Recurrence.MAX_DAYS + 7))).rrule(BERLIN), first, BERLIN)
                .violations()).extracting(FieldViolation::field).containsExactly("recurrence");
        assertThat(Recurrence.expand(Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY), null).rrule(BERLIN), first, BERLIN)
                .violations()).extracting(FieldViolation::message).singleElement().asString().contains("must end");
    }

    @Test
    void a_repetition_that_cannot_be_is_refused_when_made() {
        assertThatThrownBy(() -> Repetition.weekly(1, Set.of(), new End.After(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonthlyOn.Day(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonthlyOn.Weekday(5, DayOfWeek.MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Repetition.NONE.rrule(BERLIN)).isEmpty();
        assertThat(Repetition.weekly(1, Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), new End.After(2)).rrule(BERLIN))
                .isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=MO,FR;COUNT=2");
    }
}
