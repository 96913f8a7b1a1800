package io.aura.ui.booking;

import io.aura.gateway.Caller;
import io.aura.gateway.Waitlisting;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import io.aura.ui.SignedIn;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What the request form and "my bookings" do with the waitlist (ADR 0036), as the signed-in person, through
 * the gateway's {@link Waitlisting} — the same checks as {@code POST /api/waitlist}.
 */
@Service
public class WaitlistDesk {
    private final Waitlisting waitlisting;

    public WaitlistDesk(Waitlisting waitlisting) {
        this.waitlisting = waitlisting;
    }

    /**
     * Waits for the request's slot; answers the place in line.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming each field that is wrong
     * @throws Waitlisting.Refused when no booking holds the slot (book it instead)
     */
    public int join(BookingDesk.Request r) {
        SignedIn.requireAnyRole("REQUESTER", "ADMIN");
        List<FieldViolation> unreadable = new ArrayList<>();
        TimeRange range = null;
        if (r.start() == null || r.end() == null) {
            unreadable.add(new FieldViolation("start", BookingDesk.text("booking.error.start-end-required")));
        } else if (!r.end().isAfter(r.start())) {
            unreadable.add(new FieldViolation("end", BookingDesk.text("booking.error.end-after-start")));
        } else {
            range = new TimeRange(r.start(), r.end());
        }
        return waitlisting.join(Caller.current(), r.resourceId(), range, r.title() == null ? null : r.title().trim(),
                r.attendees(), List.of(), unreadable).position();
    }

    /** The signed-in person's entries they have not left, in the order they joined. */
    public List<WaitlistEntryView> mine() {
        return waitlisting.of(SignedIn.name());
    }

    public void leave(String entryId) {
        waitlisting.leave(Caller.current(), entryId);
    }
}
