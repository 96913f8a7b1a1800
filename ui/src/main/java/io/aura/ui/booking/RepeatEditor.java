package io.aura.ui.booking;

import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.Recurrence;
import io.aura.kernel.schedule.Repetition;
import io.aura.kernel.schedule.Repetition.End;
import io.aura.kernel.schedule.Repetition.Frequency;
import io.aura.kernel.schedule.Repetition.MonthlyOn;
import io.aura.ui.DatePickerTexts;
import io.aura.ui.Refusals;
import io.aura.ui.UserZone;
import io.aura.ui.booking.SeriesPreviewDesk.DateCheck;
import io.aura.ui.booking.SeriesPreviewDesk.Preview;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a booking repeats, chosen as people say it ("Weekly on Wednesday", "Monthly on the 2nd Tuesday",
 * ends after N times or on a date) or typed as a raw RRULE under "Custom (advanced)"; its value is the
 * RRULE the request form sends (empty: once). Below it, the dates that rule makes, each free or taken
 * and why (a {@link SeriesPreviewDesk} preview), and the choice to book only if every date is free.
 *
 * <p>It follows the form's resource and start: the days offered are the start's in the resource's zone
 * (where the kernel expands the rule), and an end date ends there. The form's field errors for
 * "recurrence" land on the input they concern (the count, the end date or the raw rule).
 */
public class RepeatEditor extends AbstractCompositeField<Div, RepeatEditor, String> implements HasValidation {
    /** How many dates the preview lists before "and N more". */
    static final int SHOWN = 12;
    static final int DEFAULT_COUNT = 10;

    enum Kind {
        NONE,
        DAILY,
        WEEKLY,
        MONTHLY,
        CUSTOM
    }

    /** An entry of the "Repeats" menu; a monthly one carries its day, which the start offers. */
    record Choice(Kind kind, MonthlyOn monthlyOn) {
        static final Choice NONE = new Choice(Kind.NONE, null);
        static final Choice DAILY = new Choice(Kind.DAILY, null);
        static final Choice WEEKLY = new Choice(Kind.WEEKLY, null);
        static final Choice CUSTOM = new Choice(Kind.CUSTOM, null);
    }

    enum Ending {
        AFTER,
        ON
    }

    private final Select<Choice> choice = new Select<>();
    private final IntegerField interval = new IntegerField();
    private final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
    private final RadioButtonGroup<Ending> ends = new RadioButtonGroup<>();
    private final IntegerField count = new IntegerField();
    private final DatePicker until = new DatePicker();
    private final TextField rule = new TextField();
    private final Span summary = new Span();
    private final Span zoneNote = new Span();
    private final Checkbox allOrNone = new Checkbox();
    private final Div preview = new Div();

    private final transient SeriesPreviewDesk desk;
    private final HasValue<?, ResourceView> resource;
    private final HasValue<?, Integer> attendees;
    private final HasValue<?, LocalDateTime> start;
    private final HasValue<?, LocalDateTime> end;

    /** The start's day in the resource's zone when the days were last derived from it. */
    private LocalDate startDay;
    /** True while the inputs are being set from a value or the start: no value is written back then. */
    private boolean updating;
    /** What this editor finds wrong in its own inputs (localized), and on which input. */
    private String ownProblem;
    private HasValidation ownProblemAt;
    /** What the kernel says of the rule while editing, and what the form was told on submit. */
    private String ruleProblem;
    private String decided;
    private boolean invalid;

    /** For the request form: follows its resource, attendees, start and end; previews through the desk bean. */
    public RepeatEditor(HasValue<?, ResourceView> resource, HasValue<?, Integer> attendees,
                        HasValue<?, LocalDateTime> start, HasValue<?, LocalDateTime> end) {
        // a field of the form, made before the form's services reach it: the desk comes from Spring through Vaadin
        this(VaadinService.getCurrent().getInstantiator().getOrCreate(SeriesPreviewDesk.class), resource, attendees,
                start, end);
    }

    public RepeatEditor(SeriesPreviewDesk desk, HasValue<?, ResourceView> resource, HasValue<?, Integer> attendees,
                        HasValue<?, LocalDateTime> start, HasValue<?, LocalDateTime> end) {
        super("");
        this.desk = desk;
        this.resource = resource;
        this.attendees = attendees;
        this.start = start;
        this.end = end;
        setId("request-recurrence");
        // the whole width of the request form: the preview needs it
        getElement().setAttribute("colspan", "2");
        Div content = getContent();
        content.addClassName("repeat-editor");
        content.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("min-width", "0");

        choice.setId("repeat-choice");
        choice.setLabel(getTranslation("repeat.label"));
        choice.setItemLabelGenerator(this::label);
        choice.setWidthFull();

        interval.setId("repeat-interval");
        interval.setMin(1);
        interval.setValue(1);
        interval.setStepButtonsVisible(true);
        interval.setHelperText(getTranslation("repeat.interval.helper"));

        days.setId("repeat-days");
        days.setLabel(getTranslation("repeat.days"));
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, getLocale()));

        ends.setId("repeat-ends");
        ends.setLabel(getTranslation("repeat.ends"));
        ends.setItems(Ending.values());
        ends.setItemLabelGenerator(e -> getTranslation(e == Ending.AFTER ? "repeat.ends.after" : "repeat.ends.on"));
        ends.setValue(Ending.AFTER);

        count.setId("repeat-count");
        count.setLabel(getTranslation("repeat.count"));
        count.setMin(1);
        count.setMax(Recurrence.MAX_OCCURRENCES);
        count.setValue(DEFAULT_COUNT);
        count.setStepButtonsVisible(true);

        until.setId("repeat-until");
        until.setLabel(getTranslation("repeat.until"));
        until.setLocale(DatePickerTexts.dates(getLocale()));

        rule.setId("repeat-rule");
        rule.setLabel(getTranslation("repeat.rule"));
        rule.setHelperText(getTranslation("repeat.rule.helper"));
        rule.setWidthFull();

        summary.setId("repeat-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.getStyle().set("font-weight", "600");
        zoneNote.setId("repeat-zone-note");
        zoneNote.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        allOrNone.setId("request-all-or-none");
        allOrNone.setLabel(getTranslation("repeat.all-or-none"));
        allOrNone.setHelperText(getTranslation("repeat.all-or-none.helper"));

        preview.setId("repeat-preview");
        preview.addClassName("repeat-preview");

        // Enter opens and picks in a menu or a calendar: it must not also press the form's Enter shortcut (Book)
        keepEnter(choice);
        keepEnter(until);

        Div every = new Div(interval, ends, count, until);
        every.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0 var(--lumo-space-m)")
                .set("align-items", "baseline");
        content.add(choice, days, every, rule, summary, zoneNote, allOrNone, preview);

        choice.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null && e.getValue().kind() == Kind.CUSTOM && rule.isEmpty()) {
                // advanced starts from what was chosen before, to be adjusted
                rule.setValue(e.getOldValue() == null ? "" : rrule(e.getOldValue()).orElse(""));
            }
            edited();
        });
        interval.addValueChangeListener(e -> edited());
        days.addValueChangeListener(e -> {
            if (!updating && e.getValue().isEmpty() && e.isFromClient()) {
                // a weekly repetition is on at least one day: the last one stays (as calendars do)
                days.setValue(e.getOldValue());
                return;
            }
            edited();
        });
        ends.addValueChangeListener(e -> edited());
        count.addValueChangeListener(e -> edited());
        until.addValueChangeListener(e -> edited());
        rule.addValueChangeListener(e -> edited());
        resource.addValueChangeListener(e -> followStart());
        start.addValueChangeListener(e -> followStart());
        end.addValueChangeListener(e -> refresh());
        attendees.addValueChangeListener(e -> refresh());
        followStart();
    }

    private static void keepEnter(com.vaadin.flow.component.Component input) {
        input.getElement().executeJs("this.addEventListener('keydown', e => { if (e.key === 'Enter') "
                + "e.stopPropagation(); })");
    }

    /** Whether a series is booked only if every date is free (else the free dates are, the taken ones skipped). */
    public boolean allDatesOrNone() {
        return allOrNone.getValue();
    }

    /** The repetition chosen, unless it is a raw rule (Custom) or once. */
    Optional<Repetition> repetition() {
        Choice chosen = choice.getValue();
        if (chosen == null || chosen.kind() == Kind.CUSTOM) {
            return Optional.empty();
        }
        return Optional.of(repetition(chosen));
    }

    private Repetition repetition(Choice chosen) {
        int every = interval.getValue() == null ? 0 : interval.getValue();
        End ending = ends.getValue() == Ending.ON
                ? (until.getValue() == null ? null : new End.On(until.getValue()))
                : (count.getValue() == null ? null : new End.After(count.getValue()));
        return switch (chosen.kind()) {
            case NONE, CUSTOM -> Repetition.NONE;
            case DAILY -> Repetition.daily(every, ending);
            case WEEKLY -> Repetition.weekly(every, days.getValue().isEmpty() ? Set.of(startDay().getDayOfWeek())
                    : days.getValue(), ending);
            case MONTHLY -> Repetition.monthly(every, chosen.monthlyOn(), ending);
        };
    }

    private Optional<String> rrule(Choice chosen) {
        return chosen.kind() == Kind.CUSTOM ? Optional.of(rule.getValue().strip())
                : Optional.of(repetition(chosen).rrule(resourceZone())).filter(r -> !r.isEmpty());
    }

    /** An input changed: the rule is written anew and told to the form. */
    private void edited() {
        if (updating) {
            return;
        }
        Choice chosen = choice.getValue() == null ? Choice.NONE : choice.getValue();
        decided = null;
        setModelValue(rrule(chosen).orElse(""), true);
        refresh();
    }

    /**
     * The resource or the start changed: the days and monthly choices are the start's in the resource's
     * zone. A weekly repetition on the old start's day alone moves to the new one; several days stay.
     */
    private void followStart() {
        LocalDate day = startDay();
        LocalDate before = startDay;
        startDay = day;
        Choice chosen = choice.getValue();
        updating = true;
        try {
            List<Choice> offered = offered(day);
            choice.setItems(offered);
            choice.setValue(chosen == null ? Choice.NONE : matching(chosen, offered));
            if (days.getValue().isEmpty() || (before != null && days.getValue().equals(Set.of(before.getDayOfWeek())))) {
                days.setValue(Set.of(day.getDayOfWeek()));
            }
        } finally {
            updating = false;
        }
        edited();
    }

    private static List<Choice> offered(LocalDate day) {
        List<Choice> offered = new ArrayList<>(List.of(Choice.NONE, Choice.DAILY, Choice.WEEKLY));
        MonthlyOn.offeredFor(day).forEach(on -> offered.add(new Choice(Kind.MONTHLY, on)));
        offered.add(Choice.CUSTOM);
        return offered;
    }

    /** The choice like {@code chosen} among the start's: the same kind of monthly day, else the day of the month. */
    private static Choice matching(Choice chosen, List<Choice> offered) {
        if (chosen.kind() != Kind.MONTHLY) {
            return chosen;
        }
        return offered.stream().filter(c -> c.kind() == Kind.MONTHLY && sameKind(c.monthlyOn(), chosen.monthlyOn()))
                .findFirst().orElse(offered.stream().filter(c -> c.kind() == Kind.MONTHLY).findFirst().orElseThrow());
    }

    private static boolean sameKind(MonthlyOn a, MonthlyOn b) {
        return switch (a) {
            case MonthlyOn.Weekday w when b instanceof MonthlyOn.Weekday v -> (w.ordinal() == MonthlyOn.LAST)
                    == (v.ordinal() == MonthlyOn.LAST);
            default -> a.getClass() == b.getClass();
        };
    }

    @Override
    protected void setPresentationValue(String value) {
        updating = true;
        try {
            Optional<Repetition> read = Repetition.read(value, startThere());
            if (read.isEmpty()) {
                choice.setValue(Choice.CUSTOM);
                rule.setValue(value == null ? "" : value);
            } else {
                show(read.get());
            }
        } finally {
            updating = false;
        }
        refresh();
    }

    /** The inputs set to show {@code r}; monthly days the start does not offer are added to the menu. */
    private void show(Repetition r) {
        interval.setValue(r.repeats() ? r.interval() : 1);
        if (r.frequency() == Frequency.WEEKLY) {
            days.setValue(r.weekdays());
        }
        switch (r.end()) {
            case End.After a -> {
                ends.setValue(Ending.AFTER);
                count.setValue(a.count());
            }
            case End.On o -> {
                ends.setValue(Ending.ON);
                until.setValue(o.lastDate());
            }
            case null -> {
                if (r.repeats()) {
                    count.clear(); // no end: the kernel says what is missing
                }
            }
        }
        Choice shown = switch (r.frequency()) {
            case NONE -> Choice.NONE;
            case DAILY -> Choice.DAILY;
            case WEEKLY -> Choice.WEEKLY;
            case MONTHLY -> new Choice(Kind.MONTHLY, r.monthlyOn());
        };
        List<Choice> offered = offered(startDay());
        if (!offered.contains(shown)) {
            offered.add(offered.size() - 1, shown);
            choice.setItems(offered);
        }
        choice.setValue(shown);
    }

    /** Which inputs show, the summary, the inputs' own checks, and the preview of the dates. */
    private void refresh() {
        Choice chosen = choice.getValue() == null ? Choice.NONE : choice.getValue();
        boolean repeats = chosen.kind() != Kind.NONE;
        boolean custom = chosen.kind() == Kind.CUSTOM;
        boolean simple = repeats && !custom;
        interval.setVisible(simple);
        days.setVisible(chosen.kind() == Kind.WEEKLY);
        ends.setVisible(simple);
        count.setVisible(simple && ends.getValue() != Ending.ON);
        until.setVisible(simple && ends.getValue() == Ending.ON);
        rule.setVisible(custom);
        allOrNone.setVisible(repeats);
        if (simple) {
            interval.setLabel(getTranslation("repeat.interval." + (chosen.kind() == Kind.MONTHLY ? Frequency.MONTHLY
                    : chosen.kind() == Kind.WEEKLY ? Frequency.WEEKLY : Frequency.DAILY)));
            until.setMin(startDay());
            until.setMax(startDay().plusDays(Recurrence.MAX_DAYS));
        }
        Optional<Repetition> chosenRepetition = repetition().filter(Repetition::repeats);
        summary.setText(chosenRepetition.map(r -> RepeatSummary.of(r, this::getTranslation, getLocale())).orElse(""));
        summary.setVisible(chosenRepetition.isPresent());
        ZoneId there = resourceZone();
        boolean elsewhere = repeats && !there.getRules().equals(UserZone.current().getRules());
        zoneNote.setText(elsewhere ? getTranslation("repeat.zone-note", there.getId()) : "");
        zoneNote.setVisible(elsewhere);
        checkOwnInputs(chosen);
        showPreview(repeats ? getValue() : "");
        showProblems();
    }

    /** The inputs' own bounds, said in the user's language; the kernel's guards decide again on submit. */
    private void checkOwnInputs(Choice chosen) {
        ownProblem = null;
        ownProblemAt = null;
        if (chosen.kind() == Kind.NONE || chosen.kind() == Kind.CUSTOM) {
            return;
        }
        if (interval.getValue() == null || interval.getValue() < 1) {
            ownProblem = getTranslation("repeat.error.interval");
            ownProblemAt = interval;
        } else if (ends.getValue() != Ending.ON && (count.getValue() == null || count.getValue() < 1
                || count.getValue() > Recurrence.MAX_OCCURRENCES)) {
            ownProblem = getTranslation("repeat.error.count", Recurrence.MAX_OCCURRENCES);
            ownProblemAt = count;
        } else if (ends.getValue() == Ending.ON && (until.getValue() == null || until.getValue().isBefore(startDay())
                || until.getValue().isAfter(startDay().plusDays(Recurrence.MAX_DAYS)))) {
            ownProblem = getTranslation("repeat.error.until", Recurrence.MAX_DAYS);
            ownProblemAt = until;
        }
    }

    private void showPreview(String rrule) {
        preview.removeAll();
        ruleProblem = null;
        if (rrule == null || rrule.isBlank() || ownProblem != null || resource.getValue() == null) {
            return;
        }
        Preview series = desk.preview(resource.getValue().id(), instant(start.getValue()), instant(end.getValue()),
                attendees.getValue() == null ? 1 : attendees.getValue(), rrule);
        if (!series.violations().isEmpty()) {
            ruleProblem = String.join("; ", series.violations().stream().map(v -> Refusals.of(this, v)).distinct().toList());
            return;
        }
        if (series.dates().isEmpty()) {
            return;
        }
        int total = series.dates().size();
        long taken = series.taken();
        Span headline = new Span(taken == 0 ? getTranslation("repeat.preview.all-free", total)
                : getTranslation("repeat.preview.taken", taken, total));
        headline.setId("repeat-preview-headline");
        headline.getElement().setAttribute("aria-live", "polite");
        UnorderedList list = new UnorderedList();
        list.getElement().setAttribute("aria-label", getTranslation("repeat.preview.label"));
        list.getStyle().set("margin", "var(--lumo-space-xs) 0").set("padding-inline-start", "var(--lumo-space-l)");
        ZoneId zone = UserZone.current();
        for (DateCheck date : series.dates().subList(0, Math.min(SHOWN, total))) {
            ListItem item = new ListItem();
            Span status = new Span(getTranslation("repeat.preview." + date.availability().name()));
            status.addClassName(date.availability().isFree() ? "repeat-free" : "repeat-taken");
            status.getStyle().set("color", date.availability().isFree() ? "var(--lumo-success-text-color)"
                    : "var(--lumo-error-text-color)");
            item.add(new Span(UserZone.span(date.range().start(), date.range().end(), zone) + " · "), status);
            item.addClassName(date.availability().isFree() ? "repeat-date-free" : "repeat-date-taken");
            list.add(item);
        }
        preview.add(headline, list);
        if (total > SHOWN) {
            Span more = new Span(getTranslation("repeat.preview.more", total - SHOWN));
            more.setId("repeat-preview-more");
            preview.add(more);
        }
    }

    /** One message at a time, on the input it concerns: the editor's own first, then what the kernel said. */
    private void showProblems() {
        for (HasValidation input : List.<HasValidation>of(interval, count, until, rule, choice)) {
            input.setInvalid(false);
            input.setErrorMessage(null);
        }
        String message = ownProblem != null ? ownProblem : invalid && decided != null ? decided : ruleProblem;
        HasValidation at = ownProblem != null ? ownProblemAt : activeInput();
        if (message != null) {
            at.setErrorMessage(message);
            at.setInvalid(true);
        }
    }

    /** Where a problem of the rule as a whole shows: the raw rule, else the end, else the menu. */
    private HasValidation activeInput() {
        Kind kind = choice.getValue() == null ? Kind.NONE : choice.getValue().kind();
        return switch (kind) {
            case CUSTOM -> rule;
            case NONE -> choice;
            default -> ends.getValue() == Ending.ON ? until : count;
        };
    }

    private String label(Choice c) {
        return switch (c.kind()) {
            case NONE -> getTranslation("repeat.none");
            case DAILY -> getTranslation("repeat.daily");
            case WEEKLY -> RepeatSummary.how(Repetition.weekly(1, Set.of(startDay().getDayOfWeek()), null),
                    this::getTranslation, getLocale());
            case MONTHLY -> RepeatSummary.how(Repetition.monthly(1, c.monthlyOn(), null), this::getTranslation,
                    getLocale());
            case CUSTOM -> getTranslation("repeat.custom");
        };
    }

    private ZoneId resourceZone() {
        ResourceView chosen = resource.getValue();
        if (chosen != null) {
            try {
                return ZoneId.of(chosen.spec().timeZone());
            } catch (DateTimeException | NullPointerException unknown) {
                // a zone this JVM does not know: the user's days, as the form shows them
            }
        }
        return UserZone.current();
    }

    /** The first date's start in the resource's zone (now, while the form has none). */
    private ZonedDateTime startThere() {
        Instant at = instant(start.getValue());
        return (at == null ? Instant.now() : at).atZone(resourceZone());
    }

    private LocalDate startDay() {
        return startThere().toLocalDate();
    }

    private static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(UserZone.current()).toInstant();
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        decided = errorMessage;
        showProblems();
    }

    @Override
    public String getErrorMessage() {
        return ownProblem != null ? ownProblem : decided != null ? decided : ruleProblem;
    }

    @Override
    public void setInvalid(boolean invalid) {
        this.invalid = invalid;
        if (!invalid) {
            decided = null;
        }
        showProblems();
    }

    @Override
    public boolean isInvalid() {
        return invalid || ownProblem != null || ruleProblem != null;
    }
}
