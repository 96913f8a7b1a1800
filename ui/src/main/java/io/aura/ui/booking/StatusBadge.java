package io.aura.ui.booking;

import com.vaadin.flow.component.html.Span;
import io.aura.kernel.booking.BookingStatus;

/** A booking's status in words people read, with the Lumo badge colour that goes with it. */
public record StatusBadge(String label, String theme) {

    /** Exhaustive on purpose: a new status does not compile until it has words and a colour. */
    public static StatusBadge of(BookingStatus status) {
        return switch (status) {
            case REQUESTED -> new StatusBadge("Checking availability", "badge");
            case PENDING_APPROVAL -> new StatusBadge("Waiting for approval", "badge warning");
            case CONFIRMED -> new StatusBadge("Confirmed", "badge success");
            case REJECTED -> new StatusBadge("Not booked", "badge error");
            case CANCELLED -> new StatusBadge("Cancelled", "badge contrast");
            case EXPIRED -> new StatusBadge("Expired (no decision)", "badge contrast");
        };
    }

    Span span() {
        Span badge = new Span(label);
        badge.getElement().setAttribute("theme", theme);
        badge.addClassName("status");
        return badge;
    }
}
