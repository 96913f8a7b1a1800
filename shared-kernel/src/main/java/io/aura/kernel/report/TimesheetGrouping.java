package io.aura.kernel.report;

import io.aura.kernel.booking.BookingQueries.BookingView;
import java.util.Arrays;
import java.util.Optional;

/** What a timesheet row is per: the person who booked, the resource, or the booking's category (ADR 0040). */
public enum TimesheetGrouping {
    USER,
    RESOURCE,
    CATEGORY;

    /** The API's words: {@code user}, {@code resource}, {@code category}. */
    public String keyOf(BookingView view) {
        return switch (this) {
            case USER -> view.requester();
            case RESOURCE -> view.resourceId();
            case CATEGORY -> view.category(); // none: counted as "none"
        };
    }

    public static Optional<TimesheetGrouping> parse(String text) {
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(text)).findFirst();
    }
}
