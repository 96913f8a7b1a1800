package io.aura.kernel.report;

import io.aura.kernel.booking.BookingQueries.BookingView;
import java.util.Arrays;
import java.util.Optional;

/** What a timesheet row is per: the person who booked or the resource. */
public enum TimesheetGrouping {
    USER,
    RESOURCE;

    /** The API's words: {@code user}, {@code resource}. */
    public String keyOf(BookingView view) {
        return switch (this) {
            case USER -> view.requester();
            case RESOURCE -> view.resourceId();
        };
    }

    public static Optional<TimesheetGrouping> parse(String text) {
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(text)).findFirst();
    }
}
