package io.aura.kernel.approval;

import io.aura.kernel.identity.Role;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TextPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * One step of a resource's approval policy: who may decide it, and when it applies at all.
 *
 * @param approvers      named users who may decide (each gets an approval token)
 * @param approverRole   a role whose members may decide from their inbox (null: named approvers only)
 * @param minAttendees   the level applies only from this many attendees (0: always)
 * @param minDurationMinutes the level applies only to bookings at least this long (0: always)
 * @param requesterRoles the level applies only when the requester holds one of these (empty: everyone)
 * @param escalateTo     who is added when the level is undecided at its escalation deadline (empty: ADMIN)
 */
public record ApprovalLevel(String name, List<String> approvers, String approverRole, int minAttendees,
                            int minDurationMinutes, List<String> requesterRoles, List<String> escalateTo) {

    public ApprovalLevel {
        approvers = approvers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(approvers));
        requesterRoles = requesterRoles == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(requesterRoles));
        escalateTo = escalateTo == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(escalateTo));
    }

    /** The single level of a resource that only says "approval required" with its approvers. */
    public static ApprovalLevel simple(List<String> approvers) {
        return new ApprovalLevel("approvers", approvers, approvers == null || approvers.isEmpty()
                ? Role.APPROVER.name() : null, 0, 0, List.of(), List.of());
    }

    /** The policy's condition for this level, as a pure function of the request. */
    public boolean appliesTo(int attendees, Duration duration, Collection<String> requesterRolesHeld) {
        if (attendees < minAttendees) {
            return false;
        }
        if (duration.toMinutes() < minDurationMinutes) {
            return false;
        }
        return requesterRoles.isEmpty() || requesterRolesHeld.stream().anyMatch(requesterRoles::contains);
    }

    /** What is wrong with this level, each field named under {@code path} (e.g. {@code approvalLevels[0]}). */
    public List<FieldViolation> violations(String path) {
        List<FieldViolation> out = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 80) {
            out.add(FieldViolation.of(path + ".name", Rule.LEVEL_NAME_LENGTH));
        } else {
            TextPolicy.line(path + ".name", name, 80).ifPresent(out::add);
        }
        if (approvers.isEmpty() && approverRole == null) {
            out.add(FieldViolation.of(path + ".approvers", Rule.LEVEL_WITHOUT_APPROVERS));
        }
        out.addAll(ApproverNames.shape(path + ".approvers", approvers));
        out.addAll(ApproverNames.shape(path + ".escalateTo", escalateTo));
        if (approverRole != null && !isRole(approverRole)) {
            out.add(FieldViolation.of(path + ".approverRole", Rule.NOT_A_ROLE, List.of(Role.values())));
        }
        if (requesterRoles.stream().anyMatch(r -> !isRole(r))) {
            out.add(FieldViolation.of(path + ".requesterRoles", Rule.NOT_ROLES, List.of(Role.values())));
        }
        if (minAttendees < 0) {
            out.add(FieldViolation.of(path + ".minAttendees", Rule.NOT_NEGATIVE));
        }
        if (minDurationMinutes < 0) {
            out.add(FieldViolation.of(path + ".minDurationMinutes", Rule.NOT_NEGATIVE));
        }
        return out;
    }

    private static boolean isRole(String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
