package io.aura.kernel.booking;

import io.aura.kernel.identity.Role;
import io.aura.kernel.resource.ResourceSpec;
import java.util.Collection;
import java.util.List;

/**
 * Who sees a private booking as what it is (ADR 0040): its requester, the approvers of its resource, ADMIN and
 * AUDITOR. Everyone else sees it as {@value #BUSY}, with no requester, description or attendee names. Every read
 * edge (status, calendar, stream, feeds, the web UI) asks this one function; a booking that is not private shows
 * as each edge showed it before.
 */
public final class BookingPrivacy {
    /** The title a private booking shows to those who may not see it. */
    public static final String BUSY = "Busy";

    private BookingPrivacy() {}

    /**
     * @param resource the booking's resource as the read side knows it (null when unknown: only its requester,
     *                 ADMIN and AUDITOR then)
     * @param viewer   who reads; {@code roles} what they hold
     */
    public static boolean showsDetails(boolean privateBooking, String requester, ResourceSpec resource, String viewer,
                                       Collection<Role> roles) {
        if (!privateBooking) {
            return true;
        }
        if (viewer != null && viewer.equals(requester)) {
            return true;
        }
        if (roles.contains(Role.ADMIN) || roles.contains(Role.AUDITOR)) {
            return true;
        }
        return resource != null && resource.approvedBy(viewer, roles.stream().map(Role::name).toList());
    }

    /** The title as {@code viewer} sees it. */
    public static String title(String title, boolean shows) {
        return shows ? title : BUSY;
    }

    /** Attendee names as {@code viewer} sees them: none when the booking is hidden. */
    public static List<String> attendeeNames(List<String> names, boolean shows) {
        return shows ? names : List.of();
    }
}
