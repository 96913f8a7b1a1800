package io.aura.ui.booking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.NightHours;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.DatePickerTexts;
import io.aura.ui.Refusals;
import io.aura.ui.SlotReasons;
import io.aura.ui.UserZone;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The request form: resource (only those large enough), title, attendees and time, in the person's zone
 * (and the resource's, where that differs). While the user edits, it says what stands in the way and
 * offers free slots; Book waits until nothing known does. Field errors show inline; a refusal is
 * explained once, in the form; success is told as the form closes.
 */
class RequestDialog extends Dialog {
    private final ComboBox<ResourceView> resource = new ComboBox<>(getTranslation("booking.form.resource"));
    private final TextField title = new TextField(getTranslation("booking.form.title"));
    private final IntegerField attendees = new IntegerField(getTranslation("booking.form.attendees"));
    private final DateTimePicker start = new DateTimePicker(getTranslation("booking.form.start"));
    private final DateTimePicker end = new DateTimePicker(getTranslation("booking.form.end"));
    private final RepeatEditor recurrence = new RepeatEditor(resource, attendees, start, end);
    /** From the administrators' list (ADR 0040); empty: none. */
    private final ComboBox<CategoryView> category = new ComboBox<>(getTranslation("booking.form.category"));
    /** Starts as the chosen resource says; the person may change it. */
    private final Checkbox privateBooking = new Checkbox(getTranslation("booking.form.private"));
    private final Paragraph zones = new Paragraph();
    private final Paragraph night = new Paragraph();
    private final Paragraph outcome = new Paragraph();
    private final Div live = new Div();
    private final Button submit = new Button(getTranslation("booking.form.book"));
    private final BookingDesk bookings;
    private final WaitlistDesk waitlist;
    private final List<ResourceView> all;
    private final ZoneId zone = UserZone.current();
    private final Locale locale = UserZone.locale();
    /** The end was typed or picked by the person: moving the start then leaves it where it is, if it still can. */
    private boolean endSetByHand;
    /** The form itself is changing a field: its listeners wait for the form to finish. */
    private boolean adjusting;

    RequestDialog(BookingDesk bookings, WaitlistDesk waitlist, List<ResourceView> all, ResourceView chosen,
                  Instant from, Instant until, java.util.function.Consumer<Instant> afterBooking) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.all = all;
        setHeaderTitle(getTranslation("booking.form.heading"));
        // a readable width on a desktop, the whole screen on a phone
        setWidth("52rem");
        setMaxWidth("100%");
        resource.setItemLabelGenerator(r -> getTranslation("booking.form.resource-item", r.spec().name(),
                r.spec().capacity(), r.spec().timeZone()));
        // the form marks a resource too small for the attendees itself; the field's own check would unmark it
        resource.setManualValidation(true);
        resource.setItems(all);
        resource.setValue(chosen);
        resource.setId("request-resource");
        title.setId("request-title");
        title.setRequired(true);
        attendees.setId("request-attendees");
        attendees.setMin(1);
        attendees.setValue(1);
        start.setValue(from.atZone(zone).toLocalDateTime());
        end.setValue(until.atZone(zone).toLocalDateTime());
        start.setId("request-start");
        end.setId("request-end");
        // the dates as the rest of the UI writes them (8 Nov 2026, not 11/8/2026 in English)
        start.setLocale(DatePickerTexts.dates(getLocale()));
        end.setLocale(DatePickerTexts.dates(getLocale()));
        // each part has its own name: a screen reader says "Start date" and "Start time", not "Start" twice
        start.setDateAriaLabel(getTranslation("booking.form.start-date"));
        start.setTimeAriaLabel(getTranslation("booking.form.start-time"));
        end.setDateAriaLabel(getTranslation("booking.form.end-date"));
        end.setTimeAriaLabel(getTranslation("booking.form.end-time"));
        start.setHelperText(getTranslation("booking.form.your-zone", zone.getId()));
        zones.setId("request-zones");
        zones.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        night.setId("request-night");
        night.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-body-text-color))");
        outcome.setId("request-outcome");
        live.setId("request-live");
        category.setId("request-category");
        category.setItems(bookings.categories());
        category.setItemLabelGenerator(CategoryView::name);
        category.setClearButtonVisible(true);
        category.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(c -> {
            Span dot = new Span();
            dot.addClassName("aura-resource-dot");
            dot.getStyle().set("background", c.colour());
            return new Span(dot, new Span(" " + c.name()));
        }));
        privateBooking.setId("request-private");
        privateBooking.setValue(chosen != null && chosen.spec().privateByDefault());
        FormLayout form = new FormLayout(resource, title, attendees, start, end, category, privateBooking,
                recurrence);
        // one column on a phone, two where there is room
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("560px", 2));
        form.setColspan(resource, 2);
        form.setColspan(recurrence, 2);
        add(form, zones, night, live, outcome);
        // as the user edits: what is taken or not allowed, and free slots to take with one click
        resource.addValueChangeListener(e -> {
            if (!adjusting && e.getValue() != null) {
                privateBooking.setValue(e.getValue().spec().privateByDefault()); // the new resource's default
            }
            if (!adjusting) {
                markCapacity();
                preview();
            }
        });
        attendees.addValueChangeListener(e -> {
            fitResources();
            preview();
        });
        start.addValueChangeListener(e -> {
            if (!adjusting) {
                keepDuration(e.getOldValue(), e.getValue());
                preview();
            }
        });
        end.addValueChangeListener(e -> {
            if (!adjusting) {
                endSetByHand = true;
                preview();
            }
        });
        preview();

        submit.addClickListener(e -> {
            clearErrors();
            try {
                BookingDesk.Request asked = request();
                var result = bookings.request(asked);
                // REQUESTED: recorded, the decision not yet visible — it still comes; a second click would book twice
                if (result.status() == BookingStatus.CONFIRMED || result.status() == BookingStatus.PENDING_APPROVAL
                        || result.status() == BookingStatus.REQUESTED) {
                    Notification.show(told(result), 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    afterBooking.accept(asked.start());
                    close();
                } else {
                    refused(result);
                }
            } catch (InvalidInputException invalid) {
                invalid.violations().forEach(this::markInvalid);
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                Notification.show(getTranslation("booking.form.no-role"));
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("request-submit");
        // Enter in any field of the form submits it (keyboard users need no pointer)
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(this);
        getFooter().add(new Button(getTranslation("booking.form.cancel"), e -> close()), submit);
    }

    private BookingDesk.Request request() {
        return new BookingDesk.Request(resource.getValue() == null ? null : resource.getValue().id(), title.getValue(),
                attendees.getValue() == null ? 1 : attendees.getValue(),
                start.getValue() == null ? null : start.getValue().atZone(zone).toInstant(),
                end.getValue() == null ? null : end.getValue().atZone(zone).toInstant(), recurrence.getValue(),
                recurrence.allDatesOrNone(), privateBooking.getValue(),
                category.getValue() == null ? null : category.getValue().name());
    }

    private int attendeesAsked() {
        return attendees.getValue() == null ? 1 : Math.max(attendees.getValue(), 1);
    }

    /**
     * Offers the resources large enough for the attendees. The one already chosen stays chosen: while it fits,
     * nothing changes; when it no longer does, it stays (still listed) and its field says it is too small.
     */
    private void fitResources() {
        ResourceView picked = resource.getValue();
        List<ResourceView> fitting = all.stream().filter(r -> r.spec().capacity() >= attendeesAsked()).toList();
        List<ResourceView> offered = picked == null || fitting.contains(picked) ? fitting
                : Stream.concat(Stream.of(picked), fitting.stream()).toList();
        adjusting = true;
        try {
            resource.setItems(offered); // (clears the value)
            resource.setValue(picked);
        } finally {
            adjusting = false;
        }
        markCapacity();
    }

    private void markCapacity() {
        ResourceView picked = resource.getValue();
        boolean tooSmall = picked != null && picked.spec().capacity() < attendeesAsked();
        resource.setInvalid(tooSmall);
        resource.setErrorMessage(tooSmall ? getTranslation("booking.form.too-small", picked.spec().name(),
                picked.spec().capacity(), attendeesAsked()) : null);
    }

    /** A moved start takes the end along, so the booking keeps its length (unless the end was set by hand and still fits). */
    private void keepDuration(java.time.LocalDateTime before, java.time.LocalDateTime after) {
        java.time.LocalDateTime until = end.getValue();
        if (before == null || after == null || until == null || !until.isAfter(before)) {
            return;
        }
        if (endSetByHand && until.isAfter(after)) {
            return;
        }
        adjusting = true;
        try {
            end.setValue(after.plus(Duration.between(before, until)));
        } finally {
            adjusting = false;
        }
    }

    private void preview() {
        live.removeAll();
        describeTimes();
        BookingDesk.Check check = bookings.check(request());
        // Book waits while the preview knows the request cannot be booked as it is (a click would only record a refusal)
        submit.setEnabled(check.bookable());
        // a resource too small is said on its field; everything else once, here
        List<String> problems = check.problemsBesides("attendees");
        if (problems.isEmpty()) {
            return;
        }
        Paragraph why = new Paragraph(getTranslation("booking.form.not-possible", String.join("; ", problems)));
        why.setId("request-why");
        why.getStyle().set("color", "var(--lumo-error-text-color)");
        live.add(why);
        if (!check.taken().isEmpty() && check.broken().isEmpty()) {
            offerWaitlist();
        }
        for (Suggestion s : check.suggestions()) {
            String name = all.stream().filter(r -> r.id().equals(s.resourceId())).map(r -> r.spec().name()).findFirst()
                    .orElse(s.resourceId());
            Button take = new Button(getTranslation("booking.form.take", name, UserZone.span(s.start(), s.end(), zone)),
                    e -> {
                        adjusting = true; // one preview once all three are set
                        try {
                            all.stream().filter(r -> r.id().equals(s.resourceId())).findFirst()
                                    .ifPresent(resource::setValue);
                            start.setValue(s.start().atZone(zone).toLocalDateTime());
                            end.setValue(s.end().atZone(zone).toLocalDateTime());
                        } finally {
                            adjusting = false;
                        }
                        markCapacity();
                        preview();
                    });
            take.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            take.addClassName("suggestion");
            // why the ranker put it here, visible under the slot (not only on hover), in the person's language
            Div slot = new Div(take);
            slot.addClassName("aura-suggestion");
            String ranked = SlotReasons.line(locale, s.reasons());
            if (!ranked.isEmpty()) {
                Span reasons = new Span(ranked);
                reasons.addClassName("suggestion-reasons");
                slot.add(reasons);
            }
            live.add(slot);
        }
    }

    /** The chosen times where the resource is, when its zone is not the person's, and a warning at night there. */
    private void describeTimes() {
        zones.setText("");
        night.setText("");
        ResourceView picked = resource.getValue();
        BookingDesk.Request r = request();
        if (picked == null || r.start() == null || r.end() == null || !r.end().isAfter(r.start())) {
            return;
        }
        ZoneId there;
        try {
            there = ZoneId.of(picked.spec().timeZone());
        } catch (DateTimeException | NullPointerException unknown) {
            return;
        }
        String local = UserZone.span(r.start(), r.end(), there, locale);
        if (!there.getRules().equals(zone.getRules())) {
            zones.setText(getTranslation("booking.form.there", local, UserZone.city(there), picked.spec().name()));
        }
        if (NightHours.fallsAtNight(new TimeRange(r.start(), r.end()), there)) {
            night.setText(getTranslation("booking.form.night", picked.spec().name(), local));
        }
    }

    /** What a success says as the form closes; a series books what is free and skips what is taken: it says so. */
    private String told(BookingDesk.Outcome result) {
        String series = result.skipped() == 0 ? "" : " " + getTranslation("booking.form.series-outcome", result.booked(),
                result.booked() + result.skipped(), result.skipped(), String.join("; ", result.problems()));
        return switch (result.status()) {
            case CONFIRMED -> getTranslation("booking.form.confirmed") + series;
            case PENDING_APPROVAL -> getTranslation("booking.form.pending") + series;
            default -> getTranslation("booking.form.on-its-way");
        };
    }

    /**
     * Refused after all (someone took the slot between the preview and the click): explained once, in the
     * form, where the preview now shows what is in the way and the free slots to take instead.
     */
    private void refused(BookingDesk.Outcome result) {
        preview();
        if (live.getChildren().findAny().isEmpty()) {
            // nothing the preview can see (a rule only the schedule knows): the schedule's own words
            outcome.setText(getTranslation("booking.form.not-booked", String.join("; ", result.problems())));
        }
        if (live.getChildren().noneMatch(c -> c.getId().filter("request-join-waitlist"::equals).isPresent())) {
            offerWaitlist();
        }
    }

    /**
     * The slot is taken: the person may wait for it instead (ADR 0036). When it frees, it is booked for them
     * through the same rules and they are told. A series waits date by date, so only a single booking offers it.
     */
    private void offerWaitlist() {
        if (recurrence.getValue() != null && !recurrence.getValue().isBlank()) {
            return;
        }
        Button join = new Button(getTranslation("booking.waitlist.join"), e -> {
            clearErrors();
            try {
                int position = waitlist.join(request());
                Notification.show(getTranslation("booking.waitlist.joined", position), 6000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
            } catch (InvalidInputException invalid) {
                invalid.violations().forEach(this::markInvalid);
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                Notification.show(getTranslation("booking.form.no-role"));
            } catch (io.aura.gateway.Waitlisting.Refused refused) {
                outcome.setText(getTranslation(refused.reason() == io.aura.gateway.Waitlisting.Reason.SLOT_FREE
                        ? "booking.waitlist.slot-free" : "booking.waitlist.not-joined"));
            } catch (RuntimeException notNow) { // e.g. already waiting for this slot: the waitlist's own words
                outcome.setText(getTranslation("booking.waitlist.not-joined") + " " + notNow.getMessage());
            }
        });
        join.setId("request-join-waitlist");
        join.addThemeVariants(ButtonVariant.LUMO_SMALL);
        live.add(join);
    }

    private void markInvalid(FieldViolation v) {
        String message = Refusals.of(this, v);
        switch (v.field()) {
            case "title" -> { title.setInvalid(true); title.setErrorMessage(message); }
            case "resourceId", "attendees" -> { resource.setInvalid(true); resource.setErrorMessage(message); }
            case "end" -> { end.setInvalid(true); end.setErrorMessage(message); }
            case "recurrence" -> { recurrence.setInvalid(true); recurrence.setErrorMessage(message); }
            case "category" -> { category.setInvalid(true); category.setErrorMessage(message); }
            default -> { start.setInvalid(true); start.setErrorMessage(BookingDesk.fieldName(v.field()) + ": " + message); }
        }
    }

    private void clearErrors() {
        title.setInvalid(false);
        markCapacity();
        start.setInvalid(false);
        end.setInvalid(false);
        recurrence.setInvalid(false);
        category.setInvalid(false);
        outcome.setText("");
    }
}
