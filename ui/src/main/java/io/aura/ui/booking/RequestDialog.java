package io.aura.ui.booking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.UserZone;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The request form: resource (only those large enough), title, attendees and time. Field errors
 * show inline; the outcome (confirmed, pending approval, refused with what overlaps and what is free
 * instead) shows at once.
 */
class RequestDialog extends Dialog {
    private final ComboBox<ResourceView> resource = new ComboBox<>("Resource");
    private final TextField title = new TextField("Title");
    private final IntegerField attendees = new IntegerField("Attendees");
    private final DateTimePicker start = new DateTimePicker("Start");
    private final DateTimePicker end = new DateTimePicker("End");
    private final RepeatEditor recurrence = new RepeatEditor(resource, attendees, start, end);
    private final Paragraph outcome = new Paragraph();
    private final Div live = new Div();
    private final BookingDesk bookings;
    private final List<ResourceView> all;
    private final ZoneId zone = UserZone.current();

    RequestDialog(BookingDesk bookings, List<ResourceView> all, ResourceView chosen, Instant from, Instant until,
                  java.util.function.Consumer<Instant> afterBooking) {
        this.bookings = bookings;
        this.all = all;
        setHeaderTitle("New booking");
        resource.setItemLabelGenerator(r -> r.spec().name() + " (" + r.spec().capacity() + " people, "
                + r.spec().timeZone() + ")");
        resource.setItems(all);
        resource.setValue(chosen);
        resource.setId("request-resource");
        title.setId("request-title");
        title.setRequired(true);
        attendees.setId("request-attendees");
        attendees.setMin(1);
        attendees.setValue(1);
        attendees.addValueChangeListener(e -> resource.setItems(all.stream()
                .filter(r -> e.getValue() == null || r.spec().capacity() >= e.getValue()).toList()));
        start.setValue(from.atZone(zone).toLocalDateTime());
        end.setValue(until.atZone(zone).toLocalDateTime());
        start.setId("request-start");
        end.setId("request-end");
        outcome.setId("request-outcome");
        live.setId("request-live");
        FormLayout form = new FormLayout(resource, title, attendees, start, end, recurrence);
        add(form, live, outcome);
        // as the user edits: what is taken or not allowed, and free slots to take with one click
        resource.addValueChangeListener(e -> preview());
        attendees.addValueChangeListener(e -> preview());
        start.addValueChangeListener(e -> preview());
        end.addValueChangeListener(e -> preview());
        preview();

        Button submit = new Button("Book", e -> {
            clearErrors();
            try {
                BookingDesk.Request asked = request();
                var result = bookings.request(asked);
                show(result);
                // REQUESTED: recorded, the decision not yet visible — it still comes; a second click would book twice
                if (result.status() == BookingStatus.CONFIRMED || result.status() == BookingStatus.PENDING_APPROVAL
                        || result.status() == BookingStatus.REQUESTED) {
                    afterBooking.accept(asked.start());
                    close();
                }
            } catch (InvalidInputException invalid) {
                invalid.violations().forEach(this::markInvalid);
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                com.vaadin.flow.component.notification.Notification.show(
                        "Your roles do not allow booking: ask an administrator for the REQUESTER role.");
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("request-submit");
        // Enter in any field of the form submits it (keyboard users need no pointer)
        submit.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(this);
        getFooter().add(new Button("Cancel", e -> close()), submit);
    }

    private BookingDesk.Request request() {
        return new BookingDesk.Request(resource.getValue() == null ? null : resource.getValue().id(), title.getValue(),
                attendees.getValue() == null ? 1 : attendees.getValue(),
                start.getValue() == null ? null : start.getValue().atZone(zone).toInstant(),
                end.getValue() == null ? null : end.getValue().atZone(zone).toInstant(), recurrence.getValue(),
                recurrence.allDatesOrNone());
    }

    private void preview() {
        live.removeAll();
        BookingDesk.Check check = bookings.check(request());
        if (check.problems().isEmpty()) {
            return;
        }
        Paragraph problems = new Paragraph("Not possible as it is: " + String.join("; ", check.problems()));
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        live.add(problems);
        for (Suggestion s : check.suggestions()) {
            String name = all.stream().filter(r -> r.id().equals(s.resourceId())).map(r -> r.spec().name()).findFirst()
                    .orElse(s.resourceId());
            Button take = new Button("Take " + name + " " + UserZone.span(s.start(), s.end(), zone), e -> {
                all.stream().filter(r -> r.id().equals(s.resourceId())).findFirst().ifPresent(resource::setValue);
                start.setValue(s.start().atZone(zone).toLocalDateTime());
                end.setValue(s.end().atZone(zone).toLocalDateTime());
            });
            take.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            take.addClassName("suggestion");
            live.add(take);
        }
    }

    private void show(BookingDesk.Outcome result) {
        // a series books what is free and skips what is taken: say so, not just "confirmed"
        String series = result.skipped() == 0 ? "" : " " + result.booked() + " of " + (result.booked() + result.skipped())
                + " dates booked; " + result.skipped() + " skipped (taken): " + String.join("; ", result.problems()) + ".";
        String text = switch (result.status()) {
            case CONFIRMED -> "Booked: confirmed." + series;
            case PENDING_APPROVAL -> "Requested: waiting for approval; the slot is held for you." + series;
            case REJECTED -> "Not available: " + String.join("; ", result.problems());
            default -> "Requested; the decision is on its way.";
        };
        outcome.setText(text);
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(result.status() == BookingStatus.REJECTED ? NotificationVariant.LUMO_ERROR
                : NotificationVariant.LUMO_SUCCESS);
    }

    private void markInvalid(FieldViolation v) {
        switch (v.field()) {
            case "title" -> { title.setInvalid(true); title.setErrorMessage(v.message()); }
            case "resourceId", "attendees" -> { resource.setInvalid(true); resource.setErrorMessage(v.message()); }
            case "end" -> { end.setInvalid(true); end.setErrorMessage(v.message()); }
            case "recurrence" -> { recurrence.setInvalid(true); recurrence.setErrorMessage(v.message()); }
            default -> { start.setInvalid(true); start.setErrorMessage(v.field() + ": " + v.message()); }
        }
    }

    private void clearErrors() {
        title.setInvalid(false);
        resource.setInvalid(false);
        start.setInvalid(false);
        end.setInvalid(false);
        recurrence.setInvalid(false);
        outcome.setText("");
    }
}
