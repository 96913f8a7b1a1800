package io.aura.ui.booking;

import com.vaadin.flow.component.html.Span;
import io.aura.kernel.booking.BookingStatus;
import io.aura.ui.AuraTranslations;
import io.aura.ui.UserZone;
import java.util.Locale;

/** A booking's status in words people read (in their language), with the Lumo badge colour that goes with it. */
public record StatusBadge(String label, String theme) {

    /** In the UI's language. */
    public static StatusBadge of(BookingStatus status) {
        return of(status, UserZone.locale());
    }

    /** Exhaustive on purpose: a new status does not compile until it has a colour (and words in the bundle). */
    public static StatusBadge of(BookingStatus status, Locale locale) {
        String theme = switch (status) {
            case REQUESTED -> "badge";
            case PENDING_APPROVAL -> "badge warning";
            case CONFIRMED -> "badge success";
            case REJECTED -> "badge error";
            case CANCELLED, EXPIRED -> "badge contrast";
            case NO_SHOW -> "badge error contrast";
        };
        return new StatusBadge(new AuraTranslations().getTranslation("booking.status." + status.name(), locale), theme);
    }

    Span span() {
        Span badge = new Span(label);
        badge.getElement().setAttribute("theme", theme);
        badge.addClassName("status");
        return badge;
    }
}
