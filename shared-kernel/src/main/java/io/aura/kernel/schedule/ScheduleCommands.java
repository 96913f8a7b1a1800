package io.aura.kernel.schedule;

import io.aura.kernel.TargetsAggregate;
import java.time.Instant;
import java.util.List;

/** Commands to a resource's schedule, the one place that decides overlaps for that resource. */
public final class ScheduleCommands {
    private ScheduleCommands() {}

    /**
     * Hold every occurrence of a booking (one for a single booking). {@code requestedAt} is when the
     * booking was requested: the rules (window, past) are judged as of then.
     */
    public record PlaceHold(String resourceId, String bookingId, List<TimeRange> occurrences, ConflictPolicy policy,
                            int attendees, Instant requestedAt, List<String> requesterRoles)
            implements TargetsAggregate {
        public PlaceHold {
            requesterRoles = requesterRoles == null ? List.of() : requesterRoles;
        }

        public PlaceHold(String resourceId, String bookingId, List<TimeRange> occurrences, ConflictPolicy policy,
                         int attendees, Instant requestedAt) {
            this(resourceId, bookingId, occurrences, policy, attendees, requestedAt, List.of());
        }

        public String targetAggregateId() { return resourceId; }
    }

    /**
     * Moves a booking's hold; where the move needs approval, the new slot is held beside the old one.
     * {@code from}: which held date moves (one date of a series); null: the booking's only hold.
     */
    public record MoveHold(String resourceId, String bookingId, TimeRange from, TimeRange to, int attendees,
                           Instant requestedAt, List<String> requesterRoles)
            implements TargetsAggregate {
        public MoveHold {
            requesterRoles = requesterRoles == null ? List.of() : requesterRoles;
        }

        public MoveHold(String resourceId, String bookingId, TimeRange to, int attendees, Instant requestedAt,
                        List<String> requesterRoles) {
            this(resourceId, bookingId, null, to, attendees, requestedAt, requesterRoles);
        }

        public MoveHold(String resourceId, String bookingId, TimeRange to, int attendees, Instant requestedAt) {
            this(resourceId, bookingId, null, to, attendees, requestedAt, List.of());
        }

        public String targetAggregateId() { return resourceId; }
    }

    /** The move was approved: the new slot replaces the old one. */
    public record CompleteMove(String resourceId, String bookingId, TimeRange to) implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    /** The move was not approved: the new slot is let go, the old one stays. */
    public record AbandonMove(String resourceId, String bookingId, TimeRange to, String reason)
            implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    /** Releases the given occurrences of a booking's hold, or all of them when the list is empty. */
    public record ReleaseHold(String resourceId, String bookingId, List<TimeRange> occurrences)
            implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    /** {@code recurrence}: null, or an RRULE repeating {@code range} in the resource's zone (bounded like a series). */
    public record AddBlackout(String resourceId, String blackoutId, TimeRange range, String reason, String recurrence)
            implements TargetsAggregate {
        public AddBlackout(String resourceId, String blackoutId, TimeRange range, String reason) {
            this(resourceId, blackoutId, range, reason, null);
        }

        public String targetAggregateId() { return resourceId; }
    }

    /** The resource is open again where the blackout closed it; a blackout it does not have changes nothing. */
    public record RemoveBlackout(String resourceId, String blackoutId) implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    /** The resource's Outlook calendar (a room mailbox) counts against its bookings; {@code mailbox} null unlinks. */
    public record LinkExternalCalendar(String resourceId, String mailbox) implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }

    /**
     * What the linked calendar showed as busy over {@code window} when it was read: these ranges
     * replace what the schedule knew there. From {@code mailbox}, so a read of a calendar unlinked
     * meanwhile changes nothing.
     */
    public record RecordExternalBusy(String resourceId, String mailbox, TimeRange window, List<TimeRange> busy)
            implements TargetsAggregate {
        public String targetAggregateId() { return resourceId; }
    }
}
