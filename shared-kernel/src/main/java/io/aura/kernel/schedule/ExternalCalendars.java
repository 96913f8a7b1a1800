package io.aura.kernel.schedule;

import java.util.List;

/**
 * Busy times kept outside Aura — an Outlook room mailbox, read through Microsoft Graph. A side
 * effect at the edge: what it answers reaches a resource's schedule as a command, and the schedule
 * decides with it like with its own holds (conflict source EXTERNAL).
 */
public interface ExternalCalendars {

    /** The ranges a mailbox's calendar shows as taken (tentative, busy, out of office) overlapping {@code window}. */
    List<TimeRange> busy(String mailbox, TimeRange window);

    /** The calendar could not be read (unreachable, refused, malformed): nothing is known, nothing changes. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
