package io.aura.app.api.waitlist;

import io.aura.app.api.Alternatives;
import io.aura.app.api.NotAllowedException;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.NotPossibleNowException;
import io.aura.app.api.SlotBody;
import io.aura.app.api.TimeInput;
import io.aura.gateway.Caller;
import io.aura.gateway.Waitlisting;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
 * It reads the caller's input and answers; the rules are the kernel's and the {@code Waitlist}'s, reached
 * through the gateway's {@link Waitlisting} (which the web UI uses too).
 */
@RestController
@Tag(name = "Waitlist")
public class WaitlistController {
    private final Waitlisting waitlisting;
    private final Alternatives alternatives;

    public WaitlistController(Waitlisting waitlisting, Alternatives alternatives) {
        this.waitlisting = waitlisting;
        this.alternatives = alternatives;
    }

    /** {@code attendees}: a number or a list of names, as for a booking. */
    public record JoinBody(String resourceId, String start, String end, String title, JsonNode attendees) {}

    /** {@code suggestions}: what is free now instead, ranked as a refusal's alternatives (ADR 0049). */
    public record Joined(String waitlistId, int position, List<SlotBody> suggestions) {}

    /** An entry as its owner sees it; {@code position} 0 once it no longer waits. */
    public record Entry(String waitlistId, String resourceId, Instant start, Instant end, String title, int attendees,
                        WaitlistEntryStatus status, int position, String bookingId) {
        static Entry of(WaitlistEntryView v) {
            return new Entry(v.entryId(), v.resourceId(), v.start(), v.end(), v.title(), v.attendees(), v.status(),
                    v.position(), v.bookingId());
        }
    }

    @Operation(summary = "Wait for a taken slot (REQUESTER, ADMIN): when it frees, it is booked for you through the "
            + "normal decision path and you are told; 201 with your place in line and what is free now instead, 409 when no booking holds it "
            + "(book it directly) or you already wait for it")
    @PostMapping("/api/waitlist")
    @PreAuthorize("hasAnyRole('REQUESTER', 'ADMIN')")
    public ResponseEntity<Joined> join(@RequestBody JoinBody body, Authentication authentication) {
        List<FieldViolation> unreadable = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int attendees = attendees(body.attendees(), names, unreadable);
        TimeRange range = TimeInput.range(body.start(), body.end(), unreadable);
        WaitlistEntryView joined = answering(() -> waitlisting.join(Caller.of(authentication), body.resourceId(), range,
                body.title(), attendees, names, unreadable));
        List<Suggestion> meanwhile = alternatives.forWaitlisted(joined.resourceId(), range, attendees,
                Caller.of(authentication).name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Joined(joined.entryId(), joined.position(), SlotBody.of(meanwhile)));
    }

    @Operation(summary = "Your waitlist entries, in the order you joined, with status and place in line")
    @GetMapping("/api/waitlist")
    @PreAuthorize("isAuthenticated()")
    public List<Entry> mine(Authentication authentication) {
        return waitlisting.of(Caller.of(authentication).name()).stream().map(Entry::of).toList();
    }

    @Operation(summary = "Leave the waitlist (its owner or ADMIN); 204")
    @DeleteMapping("/api/waitlist/{id}")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Void> leave(@PathVariable("id") String id, Authentication authentication) {
        answering(() -> {
            waitlisting.leave(Caller.of(authentication), id);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    /** The gateway's refusals as this API's problems. */
    private static <T> T answering(Supplier<T> action) {
        try {
            return action.get();
        } catch (Waitlisting.Refused refused) {
            throw switch (refused.reason()) {
                case UNKNOWN_RESOURCE, UNKNOWN_ENTRY -> new NotFoundException(refused.getMessage());
                case NOT_YOURS -> new NotAllowedException(refused.getMessage());
                case SLOT_FREE, NO_ANSWER -> new NotPossibleNowException(refused.getMessage());
            };
        }
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
