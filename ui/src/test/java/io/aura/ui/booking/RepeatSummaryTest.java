package io.aura.ui.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.schedule.Repetition;
import io.aura.kernel.schedule.Repetition.End;
import io.aura.kernel.schedule.Repetition.MonthlyOn;
import io.aura.ui.AuraTranslations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A repetition in words, as the editor says it, in English and German from the repeat bundle. */
class RepeatSummaryTest {
    static final AuraTranslations TRANSLATIONS = new AuraTranslations();

    static String in(Locale locale, Repetition repetition) {
        return RepeatSummary.of(repetition, (key, params) -> TRANSLATIONS.getTranslation(key, locale, params), locale);
    }

    @Test
    void weekly_on_wednesday_six_times_in_english_and_german() {
        Repetition sixWednesdays = Repetition.weekly(1, Set.of(DayOfWeek.WEDNESDAY), new End.After(6));
        assertThat(in(Locale.ENGLISH, sixWednesdays)).isEqualTo("Weekly on Wednesday, 6 times");
        assertThat(in(Locale.GERMAN, sixWednesdays)).isEqualTo("Wöchentlich am Mittwoch, 6-mal");

        Repetition severalDays = Repetition.weekly(2, Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                new End.After(1));
        assertThat(in(Locale.ENGLISH, severalDays)).isEqualTo("Every 2 weeks on Mon, Wed, Fri, once");
        assertThat(in(Locale.GERMAN, severalDays)).isEqualTo("Alle 2 Wochen am Mo, Mi, Fr, einmal");
    }

    @Test
    void monthly_by_day_and_by_weekday_and_an_end_date_in_the_users_format() {
        LocalDate june30 = LocalDate.parse("2027-06-30");
        Repetition secondTuesday = Repetition.monthly(1, new MonthlyOn.Weekday(2, DayOfWeek.TUESDAY), new End.On(june30));
        assertThat(in(Locale.ENGLISH, secondTuesday)).isEqualTo("Monthly on the 2nd Tuesday, until Jun 30, 2027");
        assertThat(in(Locale.GERMAN, secondTuesday)).isEqualTo("Monatlich am 2. Dienstag, bis 30.06.2027");

        Repetition lastFriday = Repetition.monthly(3, new MonthlyOn.Weekday(MonthlyOn.LAST, DayOfWeek.FRIDAY),
                new End.After(4));
        assertThat(in(Locale.ENGLISH, lastFriday)).isEqualTo("Every 3 months on the last Friday, 4 times");
        assertThat(in(Locale.GERMAN, lastFriday)).isEqualTo("Alle 3 Monate am letzten Freitag, 4-mal");

        assertThat(in(Locale.ENGLISH, Repetition.monthly(1, new MonthlyOn.Day(31), new End.After(12))))
                .isEqualTo("Monthly on day 31, 12 times");
        assertThat(in(Locale.GERMAN, Repetition.monthly(1, new MonthlyOn.Day(31), new End.After(12))))
                .isEqualTo("Monatlich am 31., 12-mal");
        assertThat(in(Locale.GERMAN, Repetition.monthly(1, new MonthlyOn.LastDay(), null)))
                .isEqualTo("Monatlich am letzten Tag");
        assertThat(in(Locale.ENGLISH, Repetition.daily(2, new End.After(1000)))).isEqualTo("Every 2 days, 1,000 times");
        assertThat(in(Locale.GERMAN, Repetition.daily(1, new End.After(3)))).isEqualTo("Täglich, 3-mal");
        assertThat(in(Locale.GERMAN, Repetition.NONE)).isEqualTo("Keine Wiederholung");
    }
}
