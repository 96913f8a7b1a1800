package io.aura.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.validation.InvalidInputException;
import java.time.ZoneId;

/** A booking's details, and for its owner (or an ADMIN) moving or cancelling it. */
class BookingDetails extends Dialog {

    BookingDetails(BookingDesk bookings, BookingView booking, String resourceName, String user, boolean admin,
                   Runnable changed) {
        ZoneId zone = UserZone.current();
        setHeaderTitle(booking.title());
        VerticalLayout body = new VerticalLayout(
                new Paragraph(resourceName + " · " + UserZone.span(booking.start(), booking.end(), zone)),
                new Paragraph("Status: " + booking.status().name().replace('_', ' ').toLowerCase() + " · requested by "
                        + booking.requester() + " · " + booking.attendees() + " attendee(s)" + dates(booking)));
        body.setId("booking-details");
        add(body);
        boolean mayChange = (admin || booking.requester().equals(user)) && booking.status().isActive();
        if (mayChange && booking.status() == io.aura.kernel.booking.BookingStatus.CONFIRMED
                && booking.occurrences().size() <= 1) {
            DateTimePicker start = new DateTimePicker("New start", booking.start().atZone(zone).toLocalDateTime());
            DateTimePicker end = new DateTimePicker("New end", booking.end().atZone(zone).toLocalDateTime());
            start.setId("move-start");
            end.setId("move-end");
            Button move = new Button("Move", e -> {
                try {
                    String outcome = bookings.reschedule(booking.bookingId(), start.getValue().atZone(zone).toInstant(),
                            end.getValue().atZone(zone).toInstant()).orElse("on its way");
                    Notification.show(switch (outcome) {
                        case "MOVED" -> "Moved.";
                        case "PENDING_APPROVAL" -> "The move waits for approval; the old slot stays yours meanwhile.";
                        case "REFUSED" -> "The new slot is taken; the booking keeps its slot.";
                        default -> "Move requested; the decision is " + outcome + ".";
                    });
                    changed.run();
                    close();
                } catch (InvalidInputException invalid) {
                    end.setInvalid(true);
                    end.setErrorMessage(invalid.violations().get(0).message());
                } catch (RuntimeException refused) {
                    Notification.show("Not possible: " + refused.getMessage());
                }
            });
            move.setId("move-submit");
            body.add(start, end, move);
        }
        if (mayChange) {
            Button cancel = new Button("Cancel booking", e -> {
                try {
                    bookings.cancel(booking.bookingId());
                    Notification.show("Cancelled: the slot is free again.");
                } catch (RuntimeException refused) {
                    Notification.show("Not possible: " + refused.getMessage());
                }
                changed.run();
                close();
            });
            cancel.setId("details-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(cancel);
        }
        if (admin) {
            // the booking's own history, read from the event store
            com.vaadin.flow.component.html.Anchor history = new com.vaadin.flow.component.html.Anchor(
                    "audit?aggregate=" + booking.bookingId(), "History");
            history.setId("details-history");
            getFooter().add(history);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    /** A series: the dates booked, and those skipped because something else held them. */
    private static String dates(BookingView booking) {
        if (booking.occurrences().size() <= 1) {
            return "";
        }
        long skipped = booking.occurrences().stream().filter(o -> "SKIPPED".equals(o.status())).count();
        return " · " + (booking.occurrences().size() - skipped) + " dates" + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }
}
