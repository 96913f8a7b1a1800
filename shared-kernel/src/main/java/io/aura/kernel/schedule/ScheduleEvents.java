package io.aura.kernel.schedule;

import io.aura.kernel.EventRevision;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.util.List;

public final class ScheduleEvents {
    private ScheduleEvents() {}

    /** {@code occurrences} are held; {@code skipped} conflicted and were left out (SKIP_CONFLICTS only). */
    /**
     * {@code approvalLevels} (added later; absent in older events) are the levels this request needs,
     * decided by the resource's policy; {@code approvalDeadline} is the policy's window per level.
     * Revision 2 added them; older events read with none.
     */
    @EventRevision("2")
    public record HoldPlaced(String resourceId, String bookingId, List<TimeRange> occurrences, List<TimeRange> skipped,
                             List<Conflict> skippedConflicts, boolean approvalRequired, Instant requestedAt,
                             List<ApprovalLevel> approvalLevels, String approvalDeadline, CheckInPolicy checkIn) {
        public HoldPlaced {
            approvalLevels = approvalLevels == null ? List.of() : approvalLevels;
        }

        /** {@code checkIn}: the resource's check-in policy when the hold was placed (ADR 0033; older events: none). */
        public HoldPlaced(String resourceId, String bookingId, List<TimeRange> occurrences, List<TimeRange> skipped,
                          List<Conflict> skippedConflicts, boolean approvalRequired, Instant requestedAt,
                          List<ApprovalLevel> approvalLevels, String approvalDeadline) {
            this(resourceId, bookingId, occurrences, skipped, skippedConflicts, approvalRequired, requestedAt,
                    approvalLevels, approvalDeadline, null);
        }

        public HoldPlaced(String resourceId, String bookingId, List<TimeRange> occurrences, List<TimeRange> skipped,
                          List<Conflict> skippedConflicts, boolean approvalRequired, Instant requestedAt) {
            this(resourceId, bookingId, occurrences, skipped, skippedConflicts, approvalRequired, requestedAt,
                    List.of(), null, null);
        }
    }

    /**
     * A refusal is a fact too: the audit shows what was asked and why it could not be held. Revision 2
     * marks the list shape (stored before it without a revision: one {@code range}).
     */
    @EventRevision("2")
    public record HoldRefused(String resourceId, String bookingId, List<TimeRange> occurrences, List<Conflict> conflicts,
                              List<FieldViolation> violations, List<TimeRange> suggestions) {}

    public record HoldMoved(String resourceId, String bookingId, TimeRange from, TimeRange to, Instant requestedAt) {}

    public record HoldMoveRefused(String resourceId, String bookingId, TimeRange to, List<Conflict> conflicts,
                                  List<FieldViolation> violations) {}

    /** A move that needs approval: {@code to} is held beside {@code from} until the approval ends. */
    public record HoldMovePending(String resourceId, String bookingId, TimeRange from, TimeRange to,
                                  List<ApprovalLevel> approvalLevels, String approvalDeadline, Instant requestedAt) {}

    public record HoldMoveAbandoned(String resourceId, String bookingId, TimeRange to, String reason) {}

    /** Revision 2 marks the list shape (stored before it without a revision: one {@code range}). */
    @EventRevision("2")
    public record HoldReleased(String resourceId, String bookingId, List<TimeRange> occurrences) {}

    /**
     * {@code range}: the (first) time closed. A repeating blackout (added with issue 19) names its
     * {@code recurrence} and lists every date it closes in {@code occurrences} (the first included), expanded
     * once in the resource's zone, so every view reads the same dates. Older events read as single blackouts.
     */
    public record BlackoutAdded(String resourceId, String blackoutId, TimeRange range, String reason, String recurrence,
                                List<TimeRange> occurrences) {
        public BlackoutAdded {
            occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        }

        public BlackoutAdded(String resourceId, String blackoutId, TimeRange range, String reason) {
            this(resourceId, blackoutId, range, reason, null, List.of());
        }

        /** Every time this blackout closes: its occurrences, or its one range. */
        public List<TimeRange> dates() {
            return occurrences.isEmpty() ? List.of(range) : occurrences;
        }
    }

    /** {@code range}: what the blackout closed, so every view can open it again without looking it up. */
    public record BlackoutRemoved(String resourceId, String blackoutId, TimeRange range, List<TimeRange> occurrences) {
        /** {@code occurrences}: a repeating blackout's dates (added with issue 19); empty for a single one. */
        public BlackoutRemoved {
            occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        }

        public BlackoutRemoved(String resourceId, String blackoutId, TimeRange range) {
            this(resourceId, blackoutId, range, List.of());
        }

        /** Every time this blackout closed: its occurrences, or its one range. */
        public List<TimeRange> dates() {
            return occurrences.isEmpty() ? List.of(range) : occurrences;
        }
    }

    /** The resource's Outlook calendar now counts: its busy times are conflicts (source EXTERNAL). */
    public record ExternalCalendarLinked(String resourceId, String mailbox) {}

    /** The calendar no longer counts; what it showed is forgotten. */
    public record ExternalCalendarUnlinked(String resourceId, String mailbox) {}

    /** Over {@code window} the linked calendar is busy exactly at {@code busy} (sorted), replacing what was known. */
    public record ExternalBusyChanged(String resourceId, String mailbox, TimeRange window, List<TimeRange> busy) {}
}
