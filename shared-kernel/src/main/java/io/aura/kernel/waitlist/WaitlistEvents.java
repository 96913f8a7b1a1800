package io.aura.kernel.waitlist;

import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.schedule.TimeRange;
import java.util.List;

/** Facts about a resource's waitlist (ADR 0036), past tense, never changed once stored. */
public final class WaitlistEvents {
    private WaitlistEvents() {}

    /**
     * {@code sequence}: the entry's place in the waitlist's order (first come, first served); {@code ownerQuotas}
     * (added with ADR 0034; absent in older events: none) the quotas its booking will count against.
     */
    public record WaitlistJoined(String waitlistId, String entryId, String resourceId, long sequence, TimeRange range,
                                 @PersonalData String title, int attendees, @PersonalData List<String> attendeeNames,
                                 @DataSubject String owner,
                                 List<String> ownerRoles, ApplicableQuotas ownerQuotas) {
        public WaitlistJoined {
            attendeeNames = attendeeNames == null ? List.of() : List.copyOf(attendeeNames);
            ownerRoles = ownerRoles == null ? List.of() : List.copyOf(ownerRoles);
            ownerQuotas = ownerQuotas == null ? ApplicableQuotas.NONE : ownerQuotas;
        }

        public WaitlistJoined(String waitlistId, String entryId, String resourceId, long sequence, TimeRange range,
                              String title, int attendees, List<String> attendeeNames, String owner,
                              List<String> ownerRoles) {
            this(waitlistId, entryId, resourceId, sequence, range, title, attendees, attendeeNames, owner, ownerRoles,
                    ApplicableQuotas.NONE);
        }
    }

    public record WaitlistLeft(String waitlistId, String entryId, String resourceId, String by) {}

    /**
     * The slot of the entry is free: a booking with {@code bookingId} is requested for its owner through the
     * normal decision path. Everything that request needs travels here (the quotas it counts against too, as
     * looked up when the owner joined), so the saga keeps no state and queries nothing.
     */
    public record WaitlistEntryPromoted(String waitlistId, String entryId, String resourceId, String bookingId,
                                        TimeRange range, @PersonalData String title, int attendees,
                                        @PersonalData List<String> attendeeNames, @DataSubject String owner,
                                        List<String> ownerRoles, ApplicableQuotas ownerQuotas) {
        public WaitlistEntryPromoted {
            attendeeNames = attendeeNames == null ? List.of() : List.copyOf(attendeeNames);
            ownerRoles = ownerRoles == null ? List.of() : List.copyOf(ownerRoles);
            ownerQuotas = ownerQuotas == null ? ApplicableQuotas.NONE : ownerQuotas;
        }

        public WaitlistEntryPromoted(String waitlistId, String entryId, String resourceId, String bookingId,
                                     TimeRange range, String title, int attendees, List<String> attendeeNames,
                                     String owner, List<String> ownerRoles) {
            this(waitlistId, entryId, resourceId, bookingId, range, title, attendees, attendeeNames, owner, ownerRoles,
                    ApplicableQuotas.NONE);
        }
    }

    /** The promotion's booking was refused; the entry waits again, keeping its place. */
    public record WaitlistEntryReturned(String waitlistId, String entryId, String resourceId, String bookingId) {}

    /** The owner got the slot: {@code bookingId} holds it (confirmed, or awaiting approval). */
    public record WaitlistEntryFulfilled(String waitlistId, String entryId, String resourceId, String bookingId,
                                         @DataSubject String owner, TimeRange range, @PersonalData String title) {}

    /** The entry's slot began before it freed: nothing left to wait for. */
    public record WaitlistEntryExpired(String waitlistId, String entryId, String resourceId) {}
}
