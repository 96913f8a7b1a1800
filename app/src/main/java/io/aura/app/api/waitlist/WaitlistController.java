package io.aura.app.api.waitlist;

import io.aura.app.api.NotAllowedException;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.NotPossibleNowException;
import io.aura.app.api.TimeInput;
import io.aura.gateway.Caller;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingRequest;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.waitlist.WaitlistCommands.JoinWaitlist;
import io.aura.kernel.waitlist.WaitlistCommands.LeaveWaitlist;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistOf;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist API (API.md v1.1 "Bookings", ADR 0036): wait for a taken slot, see where one stands, leave.
 * A request to wait is checked by the same kernel rules as a booking request ({@link BookingRequestRules});
 * when the slot frees, the resource's waitlist books it for the first in line through the normal path.
 */
@RestController
@Tag(name = "Waitlist")
public class WaitlistController {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final Clock clock;

    public WaitlistController(ReadYourWrites readYourWrites, QueryGateway queries, Clock clock) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.clock = clock;
    }

    /** {@code attendees}: a number or a list of names, as for a booking. */
    public record JoinBody(String resourceId, String start, String end, String title, JsonNode attendees) {}

    public record Joined(String waitlistId, int position) {}

    /** An entry as its owner sees it; {@code position} 0 once it no longer waits. */
    public record Entry(String waitlistId, String resourceId, Instant start, Instant end, String title, int attendees,
                        WaitlistEntryStatus status, int position, String bookingId) {
        static Entry of(WaitlistEntryView v) {
            return new Entry(v.entryId(), v.resourceId(), v.start(), v.end(), v.title(), v.attendees(), v.status(),
                    v.position(), v.bookingId());
        }
    }

    @Operation(summary = "Wait for a taken slot (REQUESTER, ADMIN): when it frees, it is booked for you through the "
            + "normal decision path and you are told; 201 with your place in line, 409 when no booking holds it "
            + "(book it directly) or you already wait for it")
    @PostMapping("/api/waitlist")
    @PreAuthorize("hasAnyRole('REQUESTER', 'ADMIN')")
    public ResponseEntity<Joined> join(@RequestBody JoinBody body, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<FieldViolation> unreadable = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int attendees = attendees(body.attendees(), names, unreadable);
        TimeRange range = TimeInput.range(body.start(), body.end(), unreadable);
        Optional<ResourceView> resource = resource(body.resourceId());
        if (body.resourceId() != null && !body.resourceId().isBlank() && resource.isEmpty()) {
            throw new NotFoundException("No resource " + body.resourceId());
        }
        String entryId = UUID.randomUUID().toString();
        // the same rules as a booking request for this slot, in one place; the command it makes is not sent
        RequestBooking checked = BookingRequestRules.prepare(entryId, new BookingRequest(body.title(),
                body.resourceId(), range, null, null, attendees, names, null, caller.name()),
                resource.map(ResourceView::spec), clock.instant(), unreadable);
        if (!heldByABooking(checked.resourceId(), checked.range(), resource.get().spec().bufferMinutes())) {
            throw new NotPossibleNowException("No booking holds this slot: book it directly (POST /events/create).");
        }
        JoinWaitlist command = new JoinWaitlist(entryId, checked.resourceId(), checked.range(), checked.title(),
                checked.attendees(), checked.attendeeNames(), caller.name(),
                caller.roles().stream().map(Enum::name).sorted().toList());
        WaitlistEntryView joined = readYourWrites.sendAndAwait(command, new FindWaitlistEntry(entryId),
                WaitlistEntryView.class, v -> true, TIMEOUT)
                .orElseThrow(() -> new NotPossibleNowException("The waitlist did not answer in time; try again."));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Joined(joined.entryId(), joined.position()));
    }

    @Operation(summary = "Your waitlist entries, in the order you joined, with status and place in line")
    @GetMapping("/api/waitlist")
    @PreAuthorize("isAuthenticated()")
    public List<Entry> mine(Authentication authentication) {
        return queries.query(new FindWaitlistOf(Caller.of(authentication).name()),
                ResponseTypes.multipleInstancesOf(WaitlistEntryView.class)).join().stream()
                .filter(v -> v.status() != WaitlistEntryStatus.LEFT).map(Entry::of).toList();
    }

    @Operation(summary = "Leave the waitlist (its owner or ADMIN); 204")
    @DeleteMapping("/api/waitlist/{id}")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Void> leave(@PathVariable("id") String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        WaitlistEntryView entry = find(id).filter(v -> v.status() != WaitlistEntryStatus.LEFT)
                .orElseThrow(() -> new NotFoundException("No waitlist entry " + id));
        if (!caller.isAdmin() && !entry.owner().equals(caller.name())) {
            throw new NotAllowedException("Only its owner or an administrator may take an entry off the waitlist.");
        }
        readYourWrites.sendAndAwait(new LeaveWaitlist(id, entry.resourceId(), caller.name(), caller.isAdmin()),
                new FindWaitlistEntry(id), WaitlistEntryView.class, v -> v.status() == WaitlistEntryStatus.LEFT,
                TIMEOUT);
        return ResponseEntity.noContent().build();
    }

    /** Whether the read side shows a booking in the way of {@code range} (within the resource's buffer). */
    private boolean heldByABooking(String resourceId, TimeRange range, int bufferMinutes) {
        TimeRange around = range.widenedBy(Duration.ofMinutes(bufferMinutes));
        List<CalendarEntry> active = queries.query(new FindCalendar(around.start(), around.end(), resourceId),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
        return active.stream().anyMatch(e -> e.status().isActive()
                && new TimeRange(e.start(), e.end()).overlaps(around));
    }

    private Optional<WaitlistEntryView> find(String id) {
        return queries.query(new FindWaitlistEntry(id), ResponseTypes.optionalInstanceOf(WaitlistEntryView.class))
                .join();
    }

    private Optional<ResourceView> resource(String resourceId) {
        return resourceId == null || resourceId.isBlank() ? Optional.empty()
                : queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class))
                .join();
    }

    /** A number or a list of names (read as for a booking request); the kernel checks the limits. */
    private static int attendees(JsonNode node, List<String> names, List<FieldViolation> unreadable) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isArray()) {
            for (JsonNode name : node) {
                if (!name.isString() || name.asString().isBlank()) {
                    unreadable.add(new FieldViolation("attendees", "must be a number or a list of names or e-mails"));
                    return 1;
                }
                names.add(name.asString());
            }
            return Math.max(1, names.size());
        }
        unreadable.add(new FieldViolation("attendees", "must be a number or a list of names or e-mails"));
        return 1;
    }
}
