package io.aura.kernel.booking;

import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.util.List;

/** Facts about bookings, past tense, never changed once stored. */
public final class BookingEvents {
    private BookingEvents() {}

    public record BookingRequested(String bookingId, String resourceId, String title, TimeRange range, int attendees,
                                   List<String> attendeeNames, String description, String requester) {}

    public record BookingConfirmed(String bookingId, String resourceId, TimeRange range) {}

    public record BookingAwaitingApproval(String bookingId, String resourceId, TimeRange range) {}

    public record BookingRejected(String bookingId, String resourceId, List<Conflict> conflicts,
                                  List<FieldViolation> violations, List<TimeRange> suggestions) {}

    public record BookingCancelled(String bookingId, String resourceId, TimeRange range, String reason) {}

    public record RescheduleRequested(String bookingId, String resourceId, TimeRange from, TimeRange to, int attendees) {}

    public record BookingRescheduled(String bookingId, String resourceId, TimeRange from, TimeRange to) {}

    public record RescheduleRefused(String bookingId, String resourceId, TimeRange to, List<Conflict> conflicts,
                                    List<FieldViolation> violations) {}
}
