package io.aura.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date picker's calendar in the UI's language: month and day names from the JDK's locale data, its
 * two buttons from the shell's bundle (the picker shows English names until it is given others).
 */
public final class DatePickerTexts {
    private DatePickerTexts() {}

    /**
     * The locale a date picker writes its dates in for a UI in {@code ui}: English without a country would write
     * them the American way (11/8/2026); the UI writes 8 Nov 2026, so such a picker writes them the British way.
     */
    public static Locale dates(Locale ui) {
        return ui != null && ui.getCountry().isEmpty() && "en".equals(ui.getLanguage()) ? Locale.UK : ui;
    }

    /** Gives {@code picker} the texts of its locale (the UI's); returns it. */
    public static DatePicker localize(DatePicker picker) {
        Locale locale = AuraTranslations.supported(picker.getLocale());
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                // DateFormatSymbols counts days from 1 (Sunday); the picker from Sunday at 0
                .setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(picker.getTranslation("shell.date.today"))
                .setCancel(picker.getTranslation("shell.date.cancel")));
        return picker;
    }
}
