package io.aura.kernel.schedule;

import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.util.List;

public final class ScheduleEvents {
    private ScheduleEvents() {}

    /** {@code occurrences} are held; {@code skipped} conflicted and were left out (SKIP_CONFLICTS only). */
    public record HoldPlaced(String resourceId, String bookingId, List<TimeRange> occurrences, List<TimeRange> skipped,
                             List<Conflict> skippedConflicts, boolean approvalRequired, Instant requestedAt) {}

    /** A refusal is a fact too: the audit shows what was asked and why it could not be held. */
    public record HoldRefused(String resourceId, String bookingId, List<TimeRange> occurrences, List<Conflict> conflicts,
                              List<FieldViolation> violations, List<TimeRange> suggestions) {}

    public record HoldMoved(String resourceId, String bookingId, TimeRange from, TimeRange to, Instant requestedAt) {}

    public record HoldMoveRefused(String resourceId, String bookingId, TimeRange to, List<Conflict> conflicts,
                                  List<FieldViolation> violations) {}

    public record HoldReleased(String resourceId, String bookingId, List<TimeRange> occurrences) {}

    public record BlackoutAdded(String resourceId, String blackoutId, TimeRange range, String reason) {}
}
