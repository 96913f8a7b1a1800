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
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.Refusals;
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
                new Paragraph(getTranslation("booking.details.summary", StatusBadge.of(booking.status()).label(),
                        booking.requester(), booking.attendees()) + dates(booking)));
        // the approval trail: each level, who decided and what they said (or who is still asked, until when)
        for (var approval : bookings.approvalsOf(booking.bookingId())) {
            String who = approval.decidedBy() != null ? " " + getTranslation("booking.details.decided-by", approval.decidedBy())
                    : approval.approvers().isEmpty() ? ""
                    : " · " + getTranslation("booking.details.asked", String.join(", ", approval.approvers()));
            Paragraph step = new Paragraph(getTranslation(approval.rescheduleTo() != null ? "booking.details.move-approval"
                    : "booking.details.approval", approval.level() + 1, approval.levelName(),
                    getTranslation("booking.approval-status." + approval.status().name())) + who
                    + (approval.comment() == null || approval.comment().isBlank() ? ""
                            : getTranslation("booking.details.comment", approval.comment()))
                    + (approval.status() == ApprovalStatus.PENDING
                            ? " · " + getTranslation("booking.details.decide-by", UserZone.at(approval.expiresAt(), zone))
                            : ""));
            step.addClassName("approval-step");
            body.add(step);
        }
        body.setId("booking-details");
        add(body);
        // a booking that is over is history: nothing to move or cancel
        boolean mayChange = (admin || booking.requester().equals(user)) && booking.status().isActive()
                && BookingsByTime.lastEnd(booking).isAfter(java.time.Instant.now());
        if (mayChange && booking.status() == io.aura.kernel.booking.BookingStatus.CONFIRMED
                && booking.occurrences().size() <= 1) {
            body.add(moveForm(bookings, booking, null, changed));
        }
        if (mayChange && booking.occurrences().size() > 1) {
            // a series: each active date can go on its own; the rest stay booked
            for (var o : booking.occurrences()) {
                Span date = new Span(UserZone.span(o.start(), o.end(), zone) + " · "
                        + getTranslation("booking.occurrence-status." + o.status().name()));
                HorizontalLayout row = new HorizontalLayout(date);
                row.setAlignItems(FlexComponent.Alignment.BASELINE);
                row.addClassName("occurrence");
                if (o.status().isActive()) {
                    Button one = new Button(getTranslation("booking.details.cancel-date"), e -> {
                        try {
                            bookings.cancelOccurrence(booking.bookingId(), o.start());
                            Notification.show(getTranslation("booking.details.date-cancelled",
                                    UserZone.span(o.start(), o.end(), zone)));
                        } catch (RuntimeException refused) {
                            Notification.show(getTranslation("booking.details.not-possible", refused.getMessage()));
                        }
                        changed.run();
                        close();
                    });
                    one.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    one.addClassName("cancel-occurrence");
                    // one date moves on its own: the form opens under its row, the other dates stay
                    Button moveDate = new Button(getTranslation("booking.details.move-date"));
                    moveDate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    moveDate.addClassName("move-occurrence");
                    moveDate.addClickListener(e -> {
                        moveDate.setEnabled(false);
                        body.addComponentAtIndex(body.indexOf(row) + 1, moveForm(bookings, booking,
                                new TimeRange(o.start(), o.end()), changed));
                    });
                    row.add(moveDate, one);
                }
                body.add(row);
            }
        }
        if (mayChange) {
            // asks first, with a reason the requester (and the audit) will see
            Button cancel = new Button(getTranslation(booking.occurrences().size() > 1 ? "booking.details.cancel-series"
                    : "booking.details.cancel"),
                    e -> confirmCancel(bookings, booking, changed));
            cancel.setId("details-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(cancel);
        }
        if (SignedIn.has("ADMIN") || SignedIn.has("AUDITOR")) {
            // the booking's own history, read from the event store (the audit view serves both roles)
            com.vaadin.flow.component.html.Anchor history = new com.vaadin.flow.component.html.Anchor(
                    "audit?aggregate=" + booking.bookingId(), getTranslation("booking.details.history"));
            history.setId("details-history");
            getFooter().add(history);
        }
        getFooter().add(new Button(getTranslation("booking.details.close"), e -> close()));
    }

    private void confirmCancel(BookingDesk bookings, BookingView booking, Runnable changed) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle(booking.occurrences().size() > 1
                ? getTranslation("booking.cancel.all-dates", booking.occurrences().size(), booking.title())
                : getTranslation("booking.cancel.one", booking.title()));
        TextField reason = new TextField(getTranslation("booking.cancel.reason"));
        reason.setId("cancel-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        confirm.add(reason);
        Button yes = new Button(getTranslation("booking.cancel.yes"), e -> {
            try {
                bookings.cancel(booking.bookingId(), reason.getValue());
                Notification.show(getTranslation("booking.cancel.done"));
            } catch (InvalidInputException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(Refusals.of(this, invalid.violations().get(0)));
                return;
            } catch (RuntimeException refused) {
                Notification.show(getTranslation("booking.details.not-possible", refused.getMessage()));
            }
            confirm.close();
            changed.run();
            close();
        });
        yes.setId("cancel-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button(getTranslation("booking.cancel.keep"), e -> confirm.close()), yes);
        confirm.open();
    }

    /** Why a move was refused: what holds the new slot (bookings, blackouts, Outlook) or the rule it breaks. */
    /**
     * New start and end and a Move button: for the booking's one slot ({@code date} null) or one date of
     * its series, prefilled with the times it has now.
     */
    private VerticalLayout moveForm(BookingDesk bookings, BookingView booking, TimeRange date, Runnable changed) {
        ZoneId zone = UserZone.current();
        java.time.Instant from = date == null ? booking.start() : date.start();
        java.time.Instant to = date == null ? booking.end() : date.end();
        DateTimePicker start = new DateTimePicker(getTranslation("booking.details.new-start"),
                from.atZone(zone).toLocalDateTime());
        DateTimePicker end = new DateTimePicker(getTranslation("booking.details.new-end"),
                to.atZone(zone).toLocalDateTime());
        start.setLocale(io.aura.ui.DatePickerTexts.dates(getLocale()));
        end.setLocale(io.aura.ui.DatePickerTexts.dates(getLocale()));
        if (date == null) { // one form at most: a series opens one per date, told apart by their row
            start.setId("move-start");
            end.setId("move-end");
        }
        start.setDateAriaLabel(getTranslation("booking.details.new-start-date"));
        start.setTimeAriaLabel(getTranslation("booking.details.new-start-time"));
        end.setDateAriaLabel(getTranslation("booking.details.new-end-date"));
        end.setTimeAriaLabel(getTranslation("booking.details.new-end-time"));
        start.setHelperText(getTranslation("booking.form.your-zone", zone.getId()));
        Button move = new Button(getTranslation("booking.details.move"), e -> {
            try {
                var outcome = bookings.reschedule(booking.bookingId(), date, start.getValue().atZone(zone).toInstant(),
                        end.getValue().atZone(zone).toInstant());
                Notification.show(outcome.map(o -> switch (o.status()) {
                    case MOVED -> getTranslation("booking.details.moved");
                    case PENDING_APPROVAL -> getTranslation("booking.details.move-pending");
                    case REFUSED -> getTranslation("booking.details.move-refused") + " " + why(o, zone);
                    case PENDING -> getTranslation("booking.details.move-on-its-way");
                }).orElse(getTranslation("booking.details.move-on-its-way")));
                changed.run();
                close();
            } catch (InvalidInputException invalid) {
                end.setInvalid(true);
                end.setErrorMessage(Refusals.of(this, invalid.violations().get(0)));
            } catch (RuntimeException refused) {
                Notification.show(getTranslation("booking.details.not-possible", refused.getMessage()));
            }
        });
        if (date == null) {
            move.setId("move-submit");
        }
        VerticalLayout form = new VerticalLayout(start, end, move);
        form.setPadding(false);
        form.addClassName("move-form");
        return form;
    }

    private static String why(io.aura.kernel.booking.BookingQueries.RescheduleOutcome refused, ZoneId zone) {
        List<String> reasons = new java.util.ArrayList<>(refused.refusals().isEmpty() ? refused.violations()
                : refused.refusals().stream().map(v -> Refusals.of(UserZone.locale(), v)).toList());
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
        long dates = booking.occurrences().size() - skipped;
        return skipped == 0 ? BookingDesk.text("booking.series.dates", dates)
                : BookingDesk.text("booking.series.dates-skipped", dates, skipped);
    }
}
