package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingRetention;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * The stored shape of a booking view: the same fields, keyed by the booking id, and when its last date ends
 * ({@code lastEnd}, ADR 0047: what the retention sweep finds it by; not part of the view).
 */
record BookingDocument(@Id String bookingId, String title, String resourceId, Instant start, Instant end,
                       BookingStatus status, String requester, int attendees, List<String> attendeeNames,
                       String description, String recurrence, List<Occurrence> occurrences,
                       List<Conflict> conflicts, List<String> violations, List<FieldViolation> refusals,
                       List<Suggestion> suggestions, RescheduleOutcome lastReschedule, long revision,
                       Boolean privateBooking, String category, String declinedBy, Instant lastEnd) {

    static BookingDocument from(BookingView v) {
        return new BookingDocument(v.bookingId(), v.title(), v.resourceId(), v.start(), v.end(), v.status(),
                v.requester(), v.attendees(), v.attendeeNames(), v.description(), v.recurrence(), v.occurrences(),
                v.conflicts(), v.violations(), v.refusals(),
                v.suggestions(), v.lastReschedule(), v.revision(), v.privateBooking(), v.category(),
                v.declinedBy(), BookingRetention.lastEnd(v));
    }

    BookingView toView() {
        return new BookingView(bookingId, title, resourceId, start, end, status, requester, attendees,
                attendeeNames == null ? List.of() : attendeeNames, description, recurrence,
                occurrences == null ? List.of() : occurrences,
                conflicts == null ? List.of() : conflicts, violations == null ? List.of() : violations, refusals,
                suggestions == null ? List.of() : suggestions, lastReschedule, revision, privateBooking, category,
                declinedBy);
    }
}
