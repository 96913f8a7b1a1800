package io.aura.ui.admin;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.validation.FieldViolation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The resource form's opening hours: a row per weekday (open that day, from, to) in the resource's own
 * time zone; no day open means always open. A closing time of 00:00 is midnight at the day's end. A day
 * the API gave several intervals keeps them all while its row is left as loaded.
 */
final class OpeningHoursEditor extends Div {
    private static final String MIDNIGHT_END = "24:00";

    private final Checkbox[] open = new Checkbox[8];
    private final TimePicker[] from = new TimePicker[8];
    private final TimePicker[] to = new TimePicker[8];
    private List<OpeningHours.Interval> loaded = List.of();
    /** the weekday of each interval the last {@link #value()} returned, by position: where its errors go */
    private final List<Integer> dayAt = new ArrayList<>();

    OpeningHoursEditor(Function<String, String> text) {
        setId("admin-opening-hours");
        add(new H3(text.apply("admin.opening.title")), new Paragraph(text.apply("admin.opening.explained")));
        for (int day = 1; day <= 7; day++) {
            open[day] = new Checkbox(DayOfWeek.of(day).getDisplayName(TextStyle.FULL, getLocale()));
            open[day].setId("opening-open-" + day);
            open[day].setWidth("9em");
            from[day] = picker("opening-from-" + day, text.apply("admin.opening.from"));
            to[day] = picker("opening-to-" + day, text.apply("admin.opening.to"));
            int d = day;
            open[day].addValueChangeListener(e -> {
                from[d].setEnabled(e.getValue());
                to[d].setEnabled(e.getValue());
            });
            HorizontalLayout row = new HorizontalLayout(open[day], from[day], to[day]);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
            add(row);
        }
        setValue(List.of());
    }

    private static TimePicker picker(String id, String label) {
        TimePicker picker = new TimePicker(label);
        picker.setId(id);
        picker.setStep(Duration.ofMinutes(15));
        picker.setWidth("8em");
        return picker;
    }

    void setValue(List<OpeningHours.Interval> hours) {
        loaded = List.copyOf(hours);
        clearErrors();
        for (int day = 1; day <= 7; day++) {
            open[day].setValue(false);
            from[day].setValue(LocalTime.of(8, 0));
            to[day].setValue(LocalTime.of(18, 0));
            from[day].setEnabled(false);
            to[day].setEnabled(false);
        }
        for (int day = 1; day <= 7; day++) {
            OpeningHours.Interval first = firstOf(day);
            if (first != null) {
                open[day].setValue(true);
                from[day].setValue(time(first.from()));
                to[day].setValue(time(first.to()));
            }
        }
    }

    /** The intervals as the form shows them, by weekday (a day left as loaded keeps all of its intervals). */
    List<OpeningHours.Interval> value() {
        List<OpeningHours.Interval> out = new ArrayList<>();
        dayAt.clear();
        for (int day = 1; day <= 7; day++) {
            if (!open[day].getValue()) {
                continue;
            }
            OpeningHours.Interval shown = new OpeningHours.Interval(day, text(from[day].getValue(), false),
                    text(to[day].getValue(), true));
            OpeningHours.Interval first = firstOf(day);
            List<OpeningHours.Interval> ofDay = first != null && first.equals(shown)
                    ? loaded.stream().filter(i -> i != null && i.dayOfWeek() == shown.dayOfWeek()).toList()
                    : List.of(shown);
            for (OpeningHours.Interval interval : ofDay) {
                out.add(interval);
                dayAt.add(day);
            }
        }
        return out;
    }

    /** Marks the row a violation of {@code openingHours[i]...} names; false when it names another field. */
    boolean mark(FieldViolation v, String message) {
        if (!v.field().startsWith("openingHours[")) {
            return false;
        }
        int close = v.field().indexOf(']');
        int index = close < 0 ? -1 : Integer.parseInt(v.field().substring("openingHours[".length(), close));
        if (index < 0 || index >= dayAt.size()) {
            return false;
        }
        TimePicker field = v.field().endsWith(".to") ? to[dayAt.get(index)] : from[dayAt.get(index)];
        field.setInvalid(true);
        field.setErrorMessage(message);
        return true;
    }

    void clearErrors() {
        for (int day = 1; day <= 7; day++) {
            from[day].setInvalid(false);
            to[day].setInvalid(false);
        }
    }

    private OpeningHours.Interval firstOf(int day) {
        return loaded.stream().filter(i -> i != null && i.dayOfWeek() == day).findFirst().orElse(null);
    }

    private static LocalTime time(String text) {
        return MIDNIGHT_END.equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    /** A picked time as the API writes it; an empty picker is sent as it is, and refused by the kernel. */
    private static String text(LocalTime time, boolean end) {
        if (time == null) {
            return "";
        }
        return end && time.equals(LocalTime.MIDNIGHT) ? MIDNIGHT_END : String.format("%02d:%02d", time.getHour(),
                time.getMinute());
    }
}
