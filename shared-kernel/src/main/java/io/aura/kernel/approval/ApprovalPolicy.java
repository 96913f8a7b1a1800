package io.aura.kernel.approval;

import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Which approval levels a request needs, and when an undecided level reminds, escalates and expires. */
public final class ApprovalPolicy {
    public static final Duration DEFAULT_DEADLINE = Duration.ofHours(48);
    public static final Duration MIN_DEADLINE = Duration.ofSeconds(10);
    public static final Duration MAX_DEADLINE = Duration.ofDays(30);

    private ApprovalPolicy() {}

    /** The levels that apply, in order; empty when the request needs no approval. */
    public static List<ApprovalLevel> levelsFor(ResourceSpec spec, int attendees, Duration duration,
                                                Collection<String> requesterRoles) {
        List<ApprovalLevel> declared = !spec.approvalLevels().isEmpty()
                ? spec.approvalLevels()
                : spec.approvalRequired() ? List.of(ApprovalLevel.simple(spec.approvers())) : List.of();
        return declared.stream().filter(level -> level.appliesTo(attendees, duration, requesterRoles)).toList();
    }

    /**
     * A level's deadlines, counted from when it started: a reminder at half the window, escalation at
     * three quarters, expiry at its end, but never after the booking begins (a decision after the
     * start is worthless).
     */
    public static Deadlines deadlines(Instant levelStart, Duration window, TimeRange firstOccurrence) {
        Instant expires = levelStart.plus(window);
        if (firstOccurrence != null && firstOccurrence.start().isBefore(expires)) {
            expires = firstOccurrence.start().isAfter(levelStart) ? firstOccurrence.start() : levelStart.plus(MIN_DEADLINE);
        }
        Duration span = Duration.between(levelStart, expires);
        return new Deadlines(levelStart.plus(span.dividedBy(2)), levelStart.plus(span.multipliedBy(3).dividedBy(4)),
                expires);
    }

    public record Deadlines(Instant remindAt, Instant escalateAt, Instant expiresAt) {}
}
