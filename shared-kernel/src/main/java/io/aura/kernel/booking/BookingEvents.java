package io.aura.kernel.booking;

import io.aura.kernel.EventRevision;
import io.aura.kernel.privacy.DataSubject;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.util.List;

/** Facts about bookings, past tense, never changed once stored. */
public final class BookingEvents {
    private BookingEvents() {}

    /**
     * Revision 2 added occurrences, recurrence and policy (a single booking: one occurrence, ALL_OR_NOTHING).
     * {@code applicableQuotas} (added with ADR 0034; absent in older events: none) are the quotas the request
     * counts against, as looked up where it entered, so the saga needs no lookup of its own.
     */
    @EventRevision("2")
    public record BookingRequested(String bookingId, String resourceId, @PersonalData String title, TimeRange range,
                                   List<TimeRange> occurrences, String recurrence, ConflictPolicy policy,
                                   int attendees, @PersonalData List<String> attendeeNames,
                                   @PersonalData String description, @DataSubject String requester,
                                   ApplicableQuotas applicableQuotas, Boolean privateBooking, String category) {
        /** {@code privateBooking}, {@code category} (ADR 0040): older events read them as not private, no category. */
        public BookingRequested {
            applicableQuotas = applicableQuotas == null ? ApplicableQuotas.NONE : applicableQuotas;
            privateBooking = Boolean.TRUE.equals(privateBooking);
        }

        public BookingRequested(String bookingId, String resourceId, String title, TimeRange range,
                                List<TimeRange> occurrences, String recurrence, ConflictPolicy policy, int attendees,
                                List<String> attendeeNames, String description, String requester,
                                ApplicableQuotas applicableQuotas) {
            this(bookingId, resourceId, title, range, occurrences, recurrence, policy, attendees, attendeeNames,
                    description, requester, applicableQuotas, false, null);
        }

        public BookingRequested(String bookingId, String resourceId, String title, TimeRange range,
                                List<TimeRange> occurrences, String recurrence, ConflictPolicy policy, int attendees,
                                List<String> attendeeNames, String description, String requester) {
            this(bookingId, resourceId, title, range, occurrences, recurrence, policy, attendees, attendeeNames,
                    description, requester, ApplicableQuotas.NONE);
        }
    }

    /**
     * {@code held}: the occurrences that are booked; {@code skipped}: those left out for conflicts.
     * Revision 2 marks the list shape (stored before it without a revision: one {@code range}).
     */
    @EventRevision("2")
    public record BookingConfirmed(String bookingId, String resourceId, List<TimeRange> held, List<TimeRange> skipped,
                                   List<Conflict> skippedConflicts, CheckInPolicy checkIn) {
        /** {@code checkIn} (added with ADR 0033; null in older events: none) is the policy each held date keeps. */
        public BookingConfirmed(String bookingId, String resourceId, List<TimeRange> held, List<TimeRange> skipped,
                                List<Conflict> skippedConflicts) {
            this(bookingId, resourceId, held, skipped, skippedConflicts, null);
        }
    }

    /** Revision 2 added {@code approvalId} (null in older events). */
    @EventRevision("2")
    public record BookingAwaitingApproval(String bookingId, String resourceId, List<TimeRange> held,
                                          List<TimeRange> skipped, List<Conflict> skippedConflicts,
                                          String approvalId, CheckInPolicy checkIn) {
        /** {@code checkIn} added with ADR 0033 (null in older events: none). */
        public BookingAwaitingApproval(String bookingId, String resourceId, List<TimeRange> held,
                                       List<TimeRange> skipped, List<Conflict> skippedConflicts, String approvalId) {
            this(bookingId, resourceId, held, skipped, skippedConflicts, approvalId, null);
        }

        public BookingAwaitingApproval(String bookingId, String resourceId, List<TimeRange> held,
                                       List<TimeRange> skipped, List<Conflict> skippedConflicts) {
            this(bookingId, resourceId, held, skipped, skippedConflicts, null, null);
        }
    }

    public record BookingDeclined(String bookingId, String resourceId, String approvalId, BookingStatus outcome,
                                  @DataSubject String by, @PersonalData String comment) {}

    public record RescheduleAwaitingApproval(String bookingId, String resourceId, TimeRange to, String approvalId) {}

    public record BookingRejected(String bookingId, String resourceId, List<Conflict> conflicts,
                                  List<FieldViolation> violations, List<TimeRange> suggestions) {}

    /** Revision 2 added {@code pendingApprovalId}: the approval still open for it, which ends with it. */
    @EventRevision("2")
    public record BookingCancelled(String bookingId, String resourceId, String reason, String pendingApprovalId) {
        public BookingCancelled(String bookingId, String resourceId, String reason) {
            this(bookingId, resourceId, reason, null);
        }
    }

    public record OccurrenceCancelled(String bookingId, String resourceId, TimeRange occurrence) {}

    /**
     * Revision 2 marks {@code attendees} (stored before it without a revision and without them).
     * {@code applicableQuotas} (ADR 0034; absent in older events: none) are the quotas the booking was counted
     * against when it was requested: the new date is counted against them before the hold moves.
     */
    @EventRevision("2")
    public record RescheduleRequested(String bookingId, String resourceId, TimeRange from, TimeRange to, int attendees,
                                      ApplicableQuotas applicableQuotas) {
        public RescheduleRequested {
            applicableQuotas = applicableQuotas == null ? ApplicableQuotas.NONE : applicableQuotas;
        }

        public RescheduleRequested(String bookingId, String resourceId, TimeRange from, TimeRange to, int attendees) {
            this(bookingId, resourceId, from, to, attendees, ApplicableQuotas.NONE);
        }
    }

    public record BookingRescheduled(String bookingId, String resourceId, TimeRange from, TimeRange to) {}

    public record RescheduleRefused(String bookingId, String resourceId, TimeRange to, List<Conflict> conflicts,
                                    List<FieldViolation> violations) {}

    /** The requester (or an administrator, {@code by}) checked in to {@code occurrence} at {@code at}. */
    public record BookingCheckedIn(String bookingId, String resourceId, TimeRange occurrence, Instant at, String by) {}

    /**
     * Nobody checked in to {@code occurrence} by its window's end: it is released; {@code at}: when this was seen;
     * {@code requester}: who is told.
     */
    public record OccurrenceMarkedNoShow(String bookingId, String resourceId, TimeRange occurrence, Instant at,
                                         String requester) {}

    /** The booking's last held date was a no-show: it holds nothing any more (status NO_SHOW). */
    public record BookingMarkedNoShow(String bookingId, String resourceId) {}

    /**
     * The date confirmed at {@code date} (now {@code occurrence}) is Outlook event {@code externalEventId} in
     * {@code mailbox}'s calendar (ADR 0043).
     */
    public record ExternalEventRecorded(String bookingId, String resourceId, Instant date, TimeRange occurrence,
                                        String mailbox, String externalEventId) {}
}
