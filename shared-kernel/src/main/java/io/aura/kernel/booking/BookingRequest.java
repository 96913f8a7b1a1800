package io.aura.kernel.booking;

import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.util.List;

/**
 * A booking request as an entry point (HTTP API, web UI, command line) read it from its caller, before
 * any rule is checked: {@link BookingRequestRules#prepare} turns it into the command or names every
 * field that breaks a rule. {@code range} is null when the entry point could not read one (it has said
 * why); {@code recurrence} is an optional RRULE; {@code policy} null means all dates or none.
 * {@code privateBooking} null means "as the resource says" (ADR 0040); {@code category} null means none.
 */
public record BookingRequest(String title, String resourceId, TimeRange range, String recurrence,
                             ConflictPolicy policy, int attendees, List<String> attendeeNames, String description,
                             String requester, Boolean privateBooking, String category) {
    public BookingRequest {
        attendeeNames = attendeeNames == null ? List.of() : List.copyOf(attendeeNames);
        recurrence = recurrence == null || recurrence.isBlank() ? null : recurrence.trim();
        category = category == null || category.isBlank() ? null : category.strip();
    }

    /** A request with no category, private as its resource says. */
    public BookingRequest(String title, String resourceId, TimeRange range, String recurrence, ConflictPolicy policy,
                          int attendees, List<String> attendeeNames, String description, String requester) {
        this(title, resourceId, range, recurrence, policy, attendees, attendeeNames, description, requester, null,
                null);
    }

    public boolean recurring() {
        return recurrence != null;
    }
}
