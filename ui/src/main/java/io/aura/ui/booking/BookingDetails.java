package io.aura.ui.booking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.SignedIn;
import io.aura.ui.UserZone;
import java.time.ZoneId;
import java.util.List;

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
        // the approval trail: each level, who decided and what they said (or who is still asked, until when)
        for (var approval : bookings.approvalsOf(booking.bookingId())) {
            String who = approval.decidedBy() != null ? " by " + approval.decidedBy()
                    : approval.approvers().isEmpty() ? "" : " · asked: " + String.join(", ", approval.approvers());
            Paragraph step = new Paragraph((approval.rescheduleTo() != null ? "Move approval" : "Approval") + " · level "
                    + (approval.level() + 1) + " (" + approval.levelName() + ") · "
                    + approval.status().name().toLowerCase().replace('_', ' ') + who
                    + (approval.comment() == null || approval.comment().isBlank() ? "" : ": “" + approval.comment() + "”")
                    + (approval.status() == ApprovalStatus.PENDING
                            ? " · decide by " + UserZone.at(approval.expiresAt(), zone) : ""));
            step.addClassName("approval-step");
            body.add(step);
        }
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
                    var outcome = bookings.reschedule(booking.bookingId(), start.getValue().atZone(zone).toInstant(),
                            end.getValue().atZone(zone).toInstant());
                    Notification.show(outcome.map(o -> switch (o.status()) {
                        case MOVED -> "Moved.";
                        case PENDING_APPROVAL -> "The move waits for approval; the old slot stays yours meanwhile.";
                        case REFUSED -> "Not moved; the booking keeps its slot. " + why(o, zone);
                        case PENDING -> "Move requested; the decision is on its way.";
                    }).orElse("Move requested; the decision is on its way."));
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
        if (mayChange && booking.occurrences().size() > 1) {
            // a series: each active date can go on its own; the rest stay booked
            for (var o : booking.occurrences()) {
                Span date = new Span(UserZone.span(o.start(), o.end(), zone) + " · "
                        + o.status().name().replace('_', ' ').toLowerCase());
                HorizontalLayout row = new HorizontalLayout(date);
                row.setAlignItems(FlexComponent.Alignment.BASELINE);
                row.addClassName("occurrence");
                if (o.status().isActive()) {
                    Button one = new Button("Cancel this date", e -> {
                        try {
                            bookings.cancelOccurrence(booking.bookingId(), o.start());
                            Notification.show("Cancelled " + UserZone.span(o.start(), o.end(), zone) + "; the other dates stay.");
                        } catch (RuntimeException refused) {
                            Notification.show("Not possible: " + refused.getMessage());
                        }
                        changed.run();
                        close();
                    });
                    one.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    one.addClassName("cancel-occurrence");
                    row.add(one);
                }
                body.add(row);
            }
        }
        if (mayChange) {
            // asks first, with a reason the requester (and the audit) will see
            Button cancel = new Button(booking.occurrences().size() > 1 ? "Cancel the whole series" : "Cancel booking",
                    e -> confirmCancel(bookings, booking, changed));
            cancel.setId("details-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(cancel);
        }
        if (SignedIn.has("ADMIN") || SignedIn.has("AUDITOR")) {
            // the booking's own history, read from the event store (the audit view serves both roles)
            com.vaadin.flow.component.html.Anchor history = new com.vaadin.flow.component.html.Anchor(
                    "audit?aggregate=" + booking.bookingId(), "History");
            history.setId("details-history");
            getFooter().add(history);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    private void confirmCancel(BookingDesk bookings, BookingView booking, Runnable changed) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle(booking.occurrences().size() > 1
                ? "Cancel all " + booking.occurrences().size() + " dates of " + booking.title() + "?"
                : "Cancel " + booking.title() + "?");
        TextField reason = new TextField("Reason (optional)");
        reason.setId("cancel-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        confirm.add(reason);
        Button yes = new Button("Cancel it", e -> {
            try {
                bookings.cancel(booking.bookingId(), reason.getValue());
                Notification.show("Cancelled: the slot is free again.");
            } catch (InvalidInputException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(invalid.violations().get(0).message());
                return;
            } catch (RuntimeException refused) {
                Notification.show("Not possible: " + refused.getMessage());
            }
            confirm.close();
            changed.run();
            close();
        });
        yes.setId("cancel-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Keep it", e -> confirm.close()), yes);
        confirm.open();
    }

    /** Why a move was refused: what holds the new slot (bookings, blackouts, Outlook) or the rule it breaks. */
    private static String why(io.aura.kernel.booking.BookingQueries.RescheduleOutcome refused, ZoneId zone) {
        List<String> reasons = new java.util.ArrayList<>(refused.violations());
        refused.conflicts().forEach(c -> reasons.add(BookingDesk.holding(c.source()) + " "
                + UserZone.span(c.range().start(), c.range().end(), zone)));
        return reasons.isEmpty() ? "" : String.join("; ", reasons) + ".";
    }

    private static String dates(BookingView booking) {
        String series = series(booking);
        return series.isEmpty() ? "" : " · " + series;
    }

    /** A series: "3 dates, 1 skipped" (skipped: something else held them); empty for a single booking. */
    static String series(BookingView booking) {
        if (booking.occurrences().size() <= 1) {
            return "";
        }
        long skipped = booking.occurrences().stream().filter(o -> o.status() == io.aura.kernel.booking.OccurrenceStatus.SKIPPED).count();
        return (booking.occurrences().size() - skipped) + " dates" + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }
}
