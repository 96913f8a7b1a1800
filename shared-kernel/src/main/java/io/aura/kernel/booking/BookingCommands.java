package io.aura.kernel.booking;

import io.aura.kernel.TargetsAggregate;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Commands of a booking. Who sends them travels in the metadata; {@code by} names the person a rule is about. */
public final class BookingCommands {
    private BookingCommands() {}

    /**
     * {@code occurrences} holds the expanded series (just {@code range} for a single booking);
     * {@code applicableQuotas} the quotas that limit the requester there, looked up where the request entered
     * (ADR 0034; null: none).
     */
    public record RequestBooking(String bookingId, String resourceId, String title, TimeRange range,
                                 List<TimeRange> occurrences, String recurrence, ConflictPolicy policy, int attendees,
                                 List<String> attendeeNames, String description, String requester,
                                 ApplicableQuotas applicableQuotas, Boolean privateBooking, String category)
            implements TargetsAggregate {
        /** {@code privateBooking}, {@code category}: ADR 0040; absent means not private, no category. */
        public RequestBooking {
            applicableQuotas = applicableQuotas == null ? ApplicableQuotas.NONE : applicableQuotas;
            privateBooking = Boolean.TRUE.equals(privateBooking);
        }

        public RequestBooking(String bookingId, String resourceId, String title, TimeRange range,
                              List<TimeRange> occurrences, String recurrence, ConflictPolicy policy, int attendees,
                              List<String> attendeeNames, String description, String requester,
                              ApplicableQuotas applicableQuotas) {
            this(bookingId, resourceId, title, range, occurrences, recurrence, policy, attendees, attendeeNames,
                    description, requester, applicableQuotas, false, null);
        }

        public RequestBooking(String bookingId, String resourceId, String title, TimeRange range,
                              List<TimeRange> occurrences, String recurrence, ConflictPolicy policy, int attendees,
                              List<String> attendeeNames, String description, String requester) {
            this(bookingId, resourceId, title, range, occurrences, recurrence, policy, attendees, attendeeNames,
                    description, requester, ApplicableQuotas.NONE);
        }

        public String targetAggregateId() { return bookingId; }
    }

    /** {@code checkIn}: the resource's check-in policy when the hold was placed (null: none). */
    public record ConfirmBooking(String bookingId, List<TimeRange> held, List<TimeRange> skipped,
                                 List<Conflict> skippedConflicts, CheckInPolicy checkIn) implements TargetsAggregate {
        public ConfirmBooking(String bookingId, List<TimeRange> held, List<TimeRange> skipped,
                              List<Conflict> skippedConflicts) {
            this(bookingId, held, skipped, skippedConflicts, null);
        }

        public String targetAggregateId() { return bookingId; }
    }

    public record AwaitApproval(String bookingId, List<TimeRange> held, List<TimeRange> skipped,
                                List<Conflict> skippedConflicts, String approvalId, CheckInPolicy checkIn)
            implements TargetsAggregate {
        public AwaitApproval(String bookingId, List<TimeRange> held, List<TimeRange> skipped,
                             List<Conflict> skippedConflicts, String approvalId) {
            this(bookingId, held, skipped, skippedConflicts, approvalId, null);
        }

        public AwaitApproval(String bookingId, List<TimeRange> held, List<TimeRange> skipped,
                             List<Conflict> skippedConflicts) {
            this(bookingId, held, skipped, skippedConflicts, null, null);
        }

        public String targetAggregateId() { return bookingId; }
    }

    /** The approval was granted: the held occurrences are confirmed. */
    public record ConfirmApprovedBooking(String bookingId, String approvalId) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    /** The approval ended without a grant ({@code outcome}: REJECTED or EXPIRED). */
    public record DeclineBooking(String bookingId, String approvalId, BookingStatus outcome, String by,
                                 String comment) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    /** A move of an approved booking waits for its own approval; the booking keeps its slot meanwhile. */
    public record AwaitRescheduleApproval(String bookingId, TimeRange to, String approvalId)
            implements TargetsAggregate {
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

    public record CancelOccurrence(String bookingId, TimeRange occurrence, String by, boolean byAdmin)
            implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    /** {@code from}: the date of a series to move (null: the one slot a booking that is not a series holds). */
    public record RequestReschedule(String bookingId, TimeRange from, TimeRange to, String by, boolean byAdmin)
            implements TargetsAggregate {
        public RequestReschedule(String bookingId, TimeRange to, String by, boolean byAdmin) {
            this(bookingId, null, to, by, byAdmin);
        }

        public String targetAggregateId() { return bookingId; }
    }

    public record CompleteReschedule(String bookingId, TimeRange to) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    public record RefuseReschedule(String bookingId, TimeRange to, List<Conflict> conflicts,
                                   List<FieldViolation> violations) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    /**
     * The requester (or an administrator) is there: checks in to the date whose check-in window holds
     * {@code at} (the server's clock). Answers the instant recorded (the earlier one if checked in already).
     */
    public record CheckIn(String bookingId, Instant at, String by, boolean byAdmin) implements TargetsAggregate {
        public CheckIn {
            at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS); // what a MongoDB view keeps
        }

        public String targetAggregateId() { return bookingId; }
    }

    /**
     * The time is {@code at}: {@code occurrence} becomes a no-show if it is due and nobody checked in.
     * Sent by the saga's deadline and by every node's sweep; the booking ignores what is not due or done.
     */
    public record MarkNoShow(String bookingId, TimeRange occurrence, Instant at) implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }

    /**
     * The Outlook event written for one date of the booking into {@code mailbox}'s calendar (ADR 0043).
     * {@code date}: the date's start as it was confirmed (a moved date keeps it). Sent by the Outlook
     * outbox once Graph answered; a second one for the same event records nothing.
     */
    public record RecordExternalEvent(String bookingId, Instant date, String mailbox, String externalEventId)
            implements TargetsAggregate {
        public String targetAggregateId() { return bookingId; }
    }
}
