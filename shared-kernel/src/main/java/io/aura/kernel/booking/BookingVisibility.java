package io.aura.kernel.booking;

import io.aura.kernel.identity.Role;
import java.util.Set;

/**
 * Who may see a booking's whole record (who asked, for how many, what it conflicted with) and its
 * signed proof: its requester, and approvers, administrators and auditors. Everyone else sees only
 * that a slot is taken.
 */
public final class BookingVisibility {
    private BookingVisibility() {}

    public static boolean maySee(String requester, String who, Set<Role> roles) {
        return requester.equals(who) || roles.contains(Role.APPROVER) || roles.contains(Role.ADMIN)
                || roles.contains(Role.AUDITOR);
    }

    public static final String WHO_MAY_SEE =
            "Only the requester, approvers, administrators and auditors may see this booking.";
}
