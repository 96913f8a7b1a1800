package io.aura.gateway;

import io.aura.kernel.booking.BookingPrivacy;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Bookings as one reader sees them (ADR 0040): each read edge (the HTTP API, the live stream, the web UI) asks
 * the kernel's {@link BookingPrivacy} through this, with the booking's resource looked up once per resource. A
 * private booking the reader may not see keeps its time, status and category and shows as
 * {@value BookingPrivacy#BUSY}, with no requester, description or attendee names.
 */
public final class PrivateBookings {
    private final QueryGateway queries;
    private final Caller reader;
    private final Map<String, Optional<ResourceSpec>> resources = new HashMap<>();

    private PrivateBookings(QueryGateway queries, Caller reader) {
        this.queries = queries;
        this.reader = reader;
    }

    /** For one read by {@code reader} (it remembers the resources it looked up: use it for one answer). */
    public static PrivateBookings seenBy(QueryGateway queries, Caller reader) {
        return new PrivateBookings(queries, reader);
    }

    public boolean showsDetails(String resourceId, boolean privateBooking, String requester) {
        if (!privateBooking) {
            return true; // no lookup for the common case
        }
        return BookingPrivacy.showsDetails(true, requester, resource(resourceId), reader.name(), reader.roles());
    }

    public CalendarEntry seen(CalendarEntry e) {
        if (showsDetails(e.resourceId(), e.privateBooking(), e.requester())) {
            return e;
        }
        return new CalendarEntry(e.bookingId(), BookingPrivacy.BUSY, e.resourceId(), e.start(), e.end(), e.status(),
                null, true, e.category());
    }

    public CalendarChange seen(CalendarChange c) {
        if (showsDetails(c.resourceId(), c.privateBooking(), c.requester())) {
            return c;
        }
        return new CalendarChange(c.bookingId(), BookingPrivacy.BUSY, c.resourceId(), c.status(), c.occurrences(),
                null, true, c.category());
    }

    public BookingView seen(BookingView v) {
        if (showsDetails(v.resourceId(), v.privateBooking(), v.requester())) {
            return v;
        }
        return new BookingView(v.bookingId(), BookingPrivacy.BUSY, v.resourceId(), v.start(), v.end(), v.status(),
                null, v.attendees(), List.of(), null, v.recurrence(), v.occurrences(), v.conflicts(), v.violations(),
                v.refusals(), v.suggestions(), v.lastReschedule(), v.revision(), true, v.category());
    }

    private ResourceSpec resource(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        return resources.computeIfAbsent(resourceId, id -> queries.query(new FindResource(id),
                ResponseTypes.optionalInstanceOf(ResourceView.class)).join().map(ResourceView::spec)).orElse(null);
    }
}
