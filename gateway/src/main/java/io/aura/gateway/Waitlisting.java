package io.aura.gateway;

import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingRequest;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.waitlist.WaitlistCommands.JoinWaitlist;
import io.aura.kernel.waitlist.WaitlistCommands.LeaveWaitlist;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistOf;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Waiting for a taken slot, for every entry point (the HTTP API and the web UI; ADR 0036). A request to
 * wait is checked by the kernel's booking request rules ({@link BookingRequestRules#prepare}); the order,
 * duplicates and who may leave are the {@code Waitlist} aggregate's. Bad input throws
 * {@link InvalidInputException} naming each field; what else stands in the way throws {@link Refused}.
 * Nothing is recorded then.
 */
@Component
public class Waitlisting {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;
    private final Quotas quotas;

    public Waitlisting(ReadYourWrites readYourWrites, QueryGateway queries, Clock clock, Quotas quotas) {
        this.quotas = quotas;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.clock = clock;
    }

    /** Why a request about the waitlist could not be done. */
    public enum Reason {
        UNKNOWN_RESOURCE,
        /** no booking holds the slot: book it directly */
        SLOT_FREE,
        UNKNOWN_ENTRY,
        NOT_YOURS,
        /** the waitlist did not answer in time */
        NO_ANSWER
    }

    public static final class Refused extends RuntimeException {
        private final Reason reason;

        Refused(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * {@code caller} waits for {@code range} on the request's resource; answers the entry with its position.
     *
     * @param unreadable what the entry point could not read (bad formats), reported with the rules' findings
     */
    public WaitlistEntryView join(Caller caller, String resourceId, TimeRange range, String title, int attendees,
                                  List<String> attendeeNames, List<FieldViolation> unreadable) {
        Optional<ResourceView> resource = resource(resourceId);
        if (resourceId != null && !resourceId.isBlank() && resource.isEmpty()) {
            throw new Refused(Reason.UNKNOWN_RESOURCE, "No resource " + resourceId);
        }
        String entryId = UUID.randomUUID().toString();
        // the same rules as a booking request for this slot, in one place; the command it makes is not sent.
        // The quotas that limit the caller there are looked up now, as their roles are kept now: the promotion's
        // booking counts against them, and the saga that requests it may not look them up (ADR 0034).
        RequestBooking checked = BookingRequestRules.prepare(entryId, new BookingRequest(title, resourceId, range, null,
                null, attendees, attendeeNames, null, caller.name()), resource.map(ResourceView::spec),
                quotas.applicableTo(caller.name(), caller.roleNames(), resourceId), clock.instant(), unreadable);
        if (!heldByABooking(checked.resourceId(), checked.range(), resource.orElseThrow().spec().bufferMinutes())) {
            throw new Refused(Reason.SLOT_FREE, "No booking holds this slot: book it directly (POST /events/create).");
        }
        JoinWaitlist command = new JoinWaitlist(entryId, checked.resourceId(), checked.range(), checked.title(),
                checked.attendees(), checked.attendeeNames(), caller.name(), caller.roleNames(),
                checked.applicableQuotas());
        return readYourWrites.sendAndAwait(command, new FindWaitlistEntry(entryId), WaitlistEntryView.class, v -> true,
                TIMEOUT).orElseThrow(() -> new Refused(Reason.NO_ANSWER, "The waitlist did not answer in time."));
    }

    /** The person's entries they have not left, in the order they joined, with their positions now. */
    public List<WaitlistEntryView> of(String owner) {
        return queries.query(new FindWaitlistOf(owner), ResponseTypes.multipleInstancesOf(WaitlistEntryView.class))
                .join().stream().filter(v -> v.status() != WaitlistEntryStatus.LEFT).toList();
    }

    /** Takes the entry off the waitlist (its owner or an administrator). */
    public void leave(Caller caller, String entryId) {
        WaitlistEntryView entry = queries.query(new FindWaitlistEntry(entryId),
                        ResponseTypes.optionalInstanceOf(WaitlistEntryView.class)).join()
                .filter(v -> v.status() != WaitlistEntryStatus.LEFT)
                .orElseThrow(() -> new Refused(Reason.UNKNOWN_ENTRY, "No waitlist entry " + entryId));
        if (!caller.isAdmin() && !entry.owner().equals(caller.name())) {
            throw new Refused(Reason.NOT_YOURS,
                    "Only its owner or an administrator may take an entry off the waitlist.");
        }
        readYourWrites.sendAndAwait(new LeaveWaitlist(entryId, entry.resourceId(), caller.name(), caller.isAdmin()),
                new FindWaitlistEntry(entryId), WaitlistEntryView.class, v -> v.status() == WaitlistEntryStatus.LEFT,
                TIMEOUT);
    }

    /** Whether the read side shows a booking in the way of {@code range} (within the resource's buffer). */
    private boolean heldByABooking(String resourceId, TimeRange range, int bufferMinutes) {
        TimeRange around = range.widenedBy(Duration.ofMinutes(bufferMinutes));
        List<CalendarEntry> active = queries.query(new FindCalendar(around.start(), around.end(), resourceId),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
        return active.stream().anyMatch(e -> e.status().isActive() && new TimeRange(e.start(), e.end()).overlaps(around));
    }

    private Optional<ResourceView> resource(String resourceId) {
        return resourceId == null || resourceId.isBlank() ? Optional.empty()
                : queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class))
                .join();
    }
}
