package io.aura.app.audit;

import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The calendar as it stood at a past instant, folded from the events stored up to then (never
 * from a projection): "was this room booked when the complaint was filed?"
 */
@Component
public class AsOfCalendar {
    private static final int PAGE = 5_000;

    private static final class Booking {
        String title;
        String resourceId;
        String requester;
        boolean privateBooking;
        String category;
        BookingStatus status = BookingStatus.REQUESTED;
        final List<Instant[]> held = new ArrayList<>();
    }

    public List<CalendarEntry> at(AuditLog log, Instant asOf, Instant from, Instant to, String resourceId) {
        Map<String, Booking> bookings = new LinkedHashMap<>();
        AuditLog.Filter filter = new AuditLog.Filter(null, null, null, null, asOf.plusNanos(1), 0, PAGE);
        while (true) {
            List<AuditLog.Entry> page = log.read(filter);
            for (AuditLog.Entry e : page) {
                apply(bookings, e);
            }
            if (page.size() < PAGE) {
                break;
            }
            filter = filter.after(page.get(page.size() - 1));
        }
        List<CalendarEntry> out = new ArrayList<>();
        bookings.forEach((id, b) -> {
            if (b.status.isActive() && (resourceId == null || resourceId.equals(b.resourceId))) {
                for (Instant[] range : b.held) {
                    if (range[0].isBefore(to) && range[1].isAfter(from)) {
                        out.add(new CalendarEntry(id, b.title, b.resourceId, range[0], range[1], b.status,
                                b.requester, b.privateBooking, b.category));
                    }
                }
            }
        });
        out.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::bookingId));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Booking> bookings, AuditLog.Entry e) {
        Map<String, Object> p = e.payload();
        switch (e.type()) {
            case "BookingRequested" -> {
                Booking b = bookings.computeIfAbsent(e.aggregateId(), k -> new Booking());
                b.title = (String) p.get("title");
                b.resourceId = (String) p.get("resourceId");
                b.requester = (String) p.get("requester");
                b.privateBooking = Boolean.TRUE.equals(p.get("privateBooking"));
                b.category = (String) p.get("category");
            }
            case "BookingConfirmed", "BookingAwaitingApproval" -> {
                Booking b = bookings.get(e.aggregateId());
                if (b != null) {
                    b.status = e.type().equals("BookingConfirmed") ? BookingStatus.CONFIRMED : BookingStatus.PENDING_APPROVAL;
                    b.held.clear();
                    for (Object range : (List<Object>) p.get("held")) {
                        b.held.add(range((Map<String, Object>) range));
                    }
                }
            }
            case "BookingRejected" -> status(bookings, e, BookingStatus.REJECTED);
            case "BookingCancelled" -> status(bookings, e, BookingStatus.CANCELLED);
            case "BookingDeclined" -> status(bookings, e, BookingStatus.valueOf((String) p.get("outcome")));
            case "OccurrenceCancelled" -> {
                Booking b = bookings.get(e.aggregateId());
                if (b != null) {
                    Instant[] gone = range((Map<String, Object>) p.get("occurrence"));
                    b.held.removeIf(r -> r[0].equals(gone[0]) && r[1].equals(gone[1]));
                }
            }
            case "BookingRescheduled" -> {
                Booking b = bookings.get(e.aggregateId());
                if (b != null) { // one date of a series, or the one slot of a booking
                    Instant[] from = range((Map<String, Object>) p.get("from"));
                    if (b.held.size() <= 1
                            || !b.held.removeIf(r -> r[0].equals(from[0]) && r[1].equals(from[1]))) {
                        b.held.clear();
                    }
                    b.held.add(range((Map<String, Object>) p.get("to")));
                }
            }
            default -> { }
        }
    }

    private static void status(Map<String, Booking> bookings, AuditLog.Entry e, BookingStatus status) {
        Booking b = bookings.get(e.aggregateId());
        if (b != null) {
            b.status = status;
        }
    }

    private static Instant[] range(Map<String, Object> range) {
        return new Instant[] {Instant.parse((String) range.get("start")), Instant.parse((String) range.get("end"))};
    }
}
