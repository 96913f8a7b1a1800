package io.aura.ui.booking;

import io.aura.kernel.schedule.Repetition;
import io.aura.kernel.schedule.Repetition.End;
import io.aura.kernel.schedule.Repetition.MonthlyOn;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A repetition in the user's words, from the {@code repeat} bundle: "Weekly on Wed, 6 times",
 * "Wöchentlich am Mi, 6-mal", "Monthly on the 2nd Tuesday". Pure, so both languages are unit-tested.
 */
final class RepeatSummary {
    /** A text of the {@code repeat} bundle in the user's language: a component's getTranslation. */
    @FunctionalInterface
    interface Words extends Serializable {
        String get(String key, Object... params);
    }

    private RepeatSummary() {}

    /** The whole repetition: how it repeats and how it ends. */
    static String of(Repetition repetition, Words words, Locale locale) {
        String how = how(repetition, words, locale);
        String end = end(repetition.end(), words, locale);
        return end.isEmpty() ? how : words.get("repeat.summary", how, end);
    }

    /** How it repeats, without its end: the choice's label ("Monthly on the last Friday"). */
    static String how(Repetition r, Words words, Locale locale) {
        boolean every = r.interval() > 1;
        return switch (r.frequency()) {
            case NONE -> words.get("repeat.none");
            case DAILY -> every ? words.get("repeat.daily.every", r.interval()) : words.get("repeat.daily");
            case WEEKLY -> {
                List<DayOfWeek> days = r.weekdaysInOrder();
                // one day in full ("Weekly on Wednesday"), several short ("Weekly on Mon, Wed, Fri")
                String names = days.size() == 1 ? days.getFirst().getDisplayName(TextStyle.FULL_STANDALONE, locale)
                        : days.stream().map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
                        .collect(Collectors.joining(", "));
                yield every ? words.get("repeat.weekly.every", r.interval(), names) : words.get("repeat.weekly", names);
            }
            case MONTHLY -> switch (r.monthlyOn()) {
                case MonthlyOn.Day d -> every ? words.get("repeat.monthly.day.every", r.interval(), d.day())
                        : words.get("repeat.monthly.day", d.day());
                case MonthlyOn.LastDay l -> every ? words.get("repeat.monthly.last-day.every", r.interval())
                        : words.get("repeat.monthly.last-day");
                case MonthlyOn.Weekday w -> {
                    String ordinal = words.get("repeat.ordinal." + (w.ordinal() == MonthlyOn.LAST ? "last" : w.ordinal()));
                    String day = w.day().getDisplayName(TextStyle.FULL_STANDALONE, locale);
                    yield every ? words.get("repeat.monthly.weekday.every", r.interval(), ordinal, day)
                            : words.get("repeat.monthly.weekday", ordinal, day);
                }
            };
        };
    }

    static String end(End end, Words words, Locale locale) {
        return switch (end) {
            case End.After a -> words.get("repeat.summary.count", a.count());
            case End.On o -> words.get("repeat.summary.until", date(o.lastDate(), locale));
            case null -> "";
        };
    }

    static String date(java.time.LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }
}
