package io.aura.kernel.waitlist;

import io.aura.kernel.TargetsAggregate;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * Commands of a resource's waitlist (ADR 0036): one {@code Waitlist} aggregate per resource keeps the order
 * of the people waiting for its taken slots. Who sends a command travels in the metadata; {@code by} names
 * the person a rule is about.
 */
public final class WaitlistCommands {
    private WaitlistCommands() {}

    /** The waitlist of a resource: one per resource, beside (never the same as) its schedule. */
    public static String waitlistId(String resourceId) {
        return "waitlist:" + resourceId;
    }

    /**
     * {@code owner} waits for {@code range}; {@code ownerRoles} are kept so the booking made for them later
     * goes through the approval policy as if they had asked then, and {@code ownerQuotas} (the quotas that
     * limited them there when they joined, ADR 0034; null: none) so it counts against them without a lookup.
     */
    public record JoinWaitlist(String entryId, String resourceId, TimeRange range, String title, int attendees,
                               List<String> attendeeNames, String owner, List<String> ownerRoles,
                               ApplicableQuotas ownerQuotas)
            implements TargetsAggregate {
        public JoinWaitlist {
            attendeeNames = attendeeNames == null ? List.of() : List.copyOf(attendeeNames);
            ownerRoles = ownerRoles == null ? List.of() : List.copyOf(ownerRoles);
            ownerQuotas = ownerQuotas == null ? ApplicableQuotas.NONE : ownerQuotas;
        }

        public JoinWaitlist(String entryId, String resourceId, TimeRange range, String title, int attendees,
                            List<String> attendeeNames, String owner, List<String> ownerRoles) {
            this(entryId, resourceId, range, title, attendees, attendeeNames, owner, ownerRoles, ApplicableQuotas.NONE);
        }

        @Override
        public String targetAggregateId() {
            return waitlistId(resourceId);
        }
    }

    public record LeaveWaitlist(String entryId, String resourceId, String by, boolean byAdmin)
            implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return waitlistId(resourceId);
        }
    }

    /** The resource's schedule no longer holds {@code freed}: the first waiting entries that fit are promoted. */
    public record OfferFreedTime(String resourceId, List<TimeRange> freed, Instant now) implements TargetsAggregate {
        public OfferFreedTime {
            freed = freed == null ? List.of() : List.copyOf(freed);
        }

        @Override
        public String targetAggregateId() {
            return waitlistId(resourceId);
        }
    }

    /** The promotion's booking was refused (the slot was taken first): the entry waits again in its place. */
    public record ReturnWaitlistEntry(String resourceId, String bookingId) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return waitlistId(resourceId);
        }
    }

    /** The promotion's booking holds the slot (confirmed, or pending approval): the entry is done. */
    public record FulfilWaitlistEntry(String resourceId, String bookingId) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return waitlistId(resourceId);
        }
    }
}
