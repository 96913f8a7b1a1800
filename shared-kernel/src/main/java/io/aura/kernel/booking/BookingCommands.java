package io.aura.kernel.booking;

import io.aura.kernel.TargetsAggregate;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.util.List;

/** Commands of a booking. Who sends them travels in the metadata; {@code by} names the person a rule is about. */
public final class BookingCommands {
    private BookingCommands() {}

    public record RequestBooking(String bookingId, String resourceId, String title, TimeRange range, int attendees,
                                 List<String> attendeeNames, String description, String requester)
            implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record ConfirmBooking(String bookingId) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record AwaitApproval(String bookingId) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record RejectBooking(String bookingId, List<Conflict> conflicts, List<FieldViolation> violations,
                                List<TimeRange> suggestions) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record CancelBooking(String bookingId, String reason, String by, boolean byAdmin)
            implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record RequestReschedule(String bookingId, TimeRange to, String by, boolean byAdmin)
            implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record CompleteReschedule(String bookingId, TimeRange to) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record RefuseReschedule(String bookingId, TimeRange to, List<Conflict> conflicts,
                                   List<FieldViolation> violations) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }
}
