package io.aura.command.booking;

import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.util.List;

/**
 * A booking request for the booking tests' set-ups: a test names what it is about ({@code
 * aBookingRequest("b-1", SLOT).titled("Board").attendees(12)}) and takes the defaults for the rest,
 * then sends it as a {@link #command()} or gives it as the event the booking {@link #recorded()}.
 */
final class BookingTestData {
    private final String bookingId;
    private final List<TimeRange> occurrences;
    private String title = "Standup";
    private int attendees = 4;
    private String requester = "alice";

    private BookingTestData(String bookingId, List<TimeRange> occurrences) {
        this.bookingId = bookingId;
        this.occurrences = occurrences;
    }

    /**
     * alice asks for "Standup" on r-1 for 4 attendees at these occurrences (the first is the booking's
     * range), naming no conflict policy, recurrence, attendees' names or description.
     */
    static BookingTestData aBookingRequest(String bookingId, TimeRange... occurrences) {
        return new BookingTestData(bookingId, List.of(occurrences));
    }

    BookingTestData titled(String text) {
        title = text;
        return this;
    }

    BookingTestData attendees(int people) {
        attendees = people;
        return this;
    }

    BookingTestData by(String username) {
        requester = username;
        return this;
    }

    RequestBooking command() {
        return new RequestBooking(bookingId, "r-1", title, occurrences.get(0), occurrences, null, null, attendees,
                List.of(), null, requester);
    }

    /** The request as the booking records it: with the default policy, as none was named. */
    BookingRequested recorded() {
        return new BookingRequested(bookingId, "r-1", title, occurrences.get(0), occurrences, null,
                ConflictPolicy.ALL_OR_NOTHING, attendees, List.of(), null, requester);
    }
}
