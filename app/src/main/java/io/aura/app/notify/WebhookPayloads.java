package io.aura.app.notify;

import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingCheckedIn;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingPrivacy;
import io.aura.kernel.quota.ApplicableQuotas;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a webhook receiver is shown of an event (ADR 0040). A receiver is a system outside, acting for nobody with
 * a role: {@link BookingPrivacy} shows it a private booking as it shows anyone else, titled {@value
 * BookingPrivacy#BUSY} with no requester, description or attendee names, and without the names and texts later
 * events carry (a cancellation's reason, who checked in, who is told of a no-show, who asked in an approval, an
 * approver's comment). A request says itself whether it is private; for a later event the booking view is asked,
 * and a booking it does not know (yet) counts as private: a receiver may be shown less, never more.
 */
final class WebhookPayloads {
    private WebhookPayloads() {}

    /**
     * @param privateBooking whether a booking is private, by id, as the booking view knows it (empty: unknown)
     */
    static Object shown(Object payload, Function<String, Optional<Boolean>> privateBooking) {
        return switch (payload) {
            case BookingRequested e -> showsDetails(e.privateBooking(), e.requester()) ? e
                    : new BookingRequested(e.bookingId(), e.resourceId(), BookingPrivacy.title(e.title(), false),
                            e.range(), e.occurrences(), e.recurrence(), e.policy(), e.attendees(),
                            BookingPrivacy.attendeeNames(e.attendeeNames(), false), null, null,
                            ApplicableQuotas.NONE, true, e.category()); // a quota names whom it counts
            case BookingCancelled e -> hidden(e.bookingId(), privateBooking) && e.reason() != null
                    ? new BookingCancelled(e.bookingId(), e.resourceId(), null, e.pendingApprovalId()) : e;
            case BookingCheckedIn e -> hidden(e.bookingId(), privateBooking)
                    ? new BookingCheckedIn(e.bookingId(), e.resourceId(), e.occurrence(), e.at(), null) : e;
            case OccurrenceMarkedNoShow e -> hidden(e.bookingId(), privateBooking)
                    ? new OccurrenceMarkedNoShow(e.bookingId(), e.resourceId(), e.occurrence(), e.at(), null) : e;
            case BookingDeclined e -> hidden(e.bookingId(), privateBooking) && e.comment() != null
                    ? new BookingDeclined(e.bookingId(), e.resourceId(), e.approvalId(), e.outcome(), e.by(), null) : e;
            case ApprovalOpened e -> hidden(e.bookingId(), privateBooking)
                    ? new ApprovalOpened(e.approvalId(), e.bookingId(), e.resourceId(), null, e.firstOccurrence(),
                            e.rescheduleTo(), e.levels(), e.deadline()) : e;
            default -> payload; // ids, times and statuses only
        };
    }

    /** Whether a receiver sees the booking's details: a viewer with no name and no role. */
    private static boolean showsDetails(boolean privateBooking, String requester) {
        return BookingPrivacy.showsDetails(privateBooking, requester, null, null, Set.of());
    }

    private static boolean hidden(String bookingId, Function<String, Optional<Boolean>> privateBooking) {
        return !showsDetails(privateBooking.apply(bookingId).orElse(true), null);
    }
}
