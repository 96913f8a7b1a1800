package io.aura.app.api.booking;

import io.aura.app.api.Alternatives;
import io.aura.app.api.NotAllowedException;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.RequestMismatchException;
import io.aura.app.api.TimeInput;
import io.aura.app.api.booking.BookingAnswers.Cancelled;
import io.aura.app.api.booking.BookingAnswers.Decided;
import io.aura.app.api.booking.BookingAnswers.Details;
import io.aura.app.api.booking.BookingAnswers.Moved;
import io.aura.app.api.booking.BookingAnswers.OccurrenceCancelled;
import io.aura.app.api.booking.BookingAnswers.Refused;
import io.aura.app.idempotency.IdempotencyStore;
import io.aura.app.security.BookingTokens;
import io.aura.gateway.Caller;
import io.aura.gateway.PrivateBookings;
import io.aura.gateway.ReadYourWrites;
import io.aura.gateway.Sites;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CancelOccurrence;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingRequest;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.BookingVisibility;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.RescheduleStatus;
import io.aura.kernel.category.Categories;
import io.aura.kernel.quota.Quotas;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking API (API.md "Events"): request, status, cancel, move. It reads the caller's input and
 * answers; every rule about a request is the kernel's ({@link BookingRequestRules}) or the
 * aggregates', and the answer waits until the read side shows the decision (read your writes).
 */
@RestController
@Tag(name = "Bookings")
public class BookingController {
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final Alternatives alternatives;
    private final BookingTokens bookingTokens;
    private final JsonMapper json;
    private final Quotas quotas;
    private final Sites sites;
    private final Categories categories;

    public BookingController(ReadYourWrites readYourWrites, QueryGateway queries, IdempotencyStore idempotency,
                             Clock clock, Alternatives alternatives, BookingTokens bookingTokens, JsonMapper json,
                             Quotas quotas, Sites sites, Categories categories) {
        this.quotas = quotas;
        this.sites = sites;
        this.categories = categories;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.idempotency = idempotency;
        this.clock = clock;
        this.alternatives = alternatives;
        this.bookingTokens = bookingTokens;
        this.json = json;
    }

    @Operation(summary = "Request a booking; answers once the conflict check has decided (201 or 409)")
    @PostMapping("/events/create")
    @PreAuthorize("hasAnyRole('REQUESTER', 'ADMIN')")
    public ResponseEntity<?> create(@RequestBody BookingInput.CreateBooking body,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                    Authentication caller) {
        // what could not be read from the JSON; the rules about the request are the kernel's
        List<FieldViolation> unreadable = new ArrayList<>();
        if (idempotencyKey != null && idempotencyKey.length() > IdempotencyStore.MAX_KEY_LENGTH) {
            unreadable.add(new FieldViolation("Idempotency-Key", "must be at most "
                    + IdempotencyStore.MAX_KEY_LENGTH + " characters"));
        }
        BookingRequest request = BookingInput.read(body, caller.getName(), unreadable);
        String bookingId = UUID.randomUUID().toString();
        // the quotas that limit the caller there travel with the request: the saga may not look them up (ADR 0034)
        RequestBooking command = BookingRequestRules.prepare(bookingId, request,
                resource(request.resourceId()).map(ResourceView::spec),
                quotas.applicableTo(caller.getName(), Caller.of(caller).roleNames(), request.resourceId(),
                        request.category()),
                request.category() == null ? List.of() : categories.all(), clock.instant(), unreadable);

        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            String fingerprint = BookingInput.fingerprint(body);
            var earlier = idempotency.claim(caller.getName(), idempotencyKey, bookingId, fingerprint);
            if (earlier.isPresent()) {
                var entry = earlier.get();
                if (!entry.sameRequest(fingerprint)) {
                    throw new RequestMismatchException("This Idempotency-Key was used for a different request; "
                            + "use a new key for a new request.");
                }
                if (entry.httpStatus() != null) {
                    return respond(entry.httpStatus(), entry.bookingId(), entry.body());
                }
                return decided(entry.bookingId(), awaitDecision(entry.bookingId()), null, null);
            }
        }
        Optional<BookingView> view = readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT);
        return decided(bookingId, view, idempotencyKey, caller.getName());
    }

    @Operation(summary = "A booking's status and details (owner, APPROVER, ADMIN, AUDITOR)")
    @GetMapping("/events/status")
    @PreAuthorize("isAuthenticated()")
    public Details status(@RequestParam String bookingId, Authentication authentication) {
        BookingView view = existing(bookingId);
        Caller caller = Caller.of(authentication);
        if (!BookingVisibility.maySee(view.requester(), caller.name(), caller.roles())) {
            throw new NotAllowedException(BookingVisibility.WHO_MAY_SEE);
        }
        List<ApprovalView> approvals = queries.query(new FindApprovalsOfBooking(bookingId),
                ResponseTypes.multipleInstancesOf(ApprovalView.class)).join();
        // proof of the booking for anyone holding our public keys (a door panel, a visitor's phone)
        String token = view.status() == BookingStatus.CONFIRMED
                ? bookingTokens.sign(view.bookingId(), view.resourceId(), view.start(), view.end())
                : null;
        // an approver of another resource sees a private booking as Busy (ADR 0040)
        BookingView seen = PrivateBookings.seenBy(queries, caller).seen(view);
        return Details.of(seen, approvals.isEmpty() ? null : approvals.get(approvals.size() - 1),
                seen == view ? token : null);
    }

    @Operation(summary = "Cancel a booking (owner or ADMIN); frees its slot")
    @PostMapping("/events/{bookingId}/cancel")
    @PreAuthorize("isAuthenticated()")
    public Object cancel(@PathVariable String bookingId, @RequestBody(required = false) BookingInput.CancelRequest body,
                         Authentication authentication) {
        BookingView existing = existing(bookingId);
        Caller caller = Caller.of(authentication);
        if (body != null && body.occurrenceStart() != null) {
            return cancelOccurrence(existing, body.occurrenceStart(), caller);
        }
        var command = new CancelBooking(bookingId, body == null ? null : body.reason(), caller.name(), caller.isAdmin());
        readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                v -> v.status() == BookingStatus.CANCELLED, DECISION_TIMEOUT);
        return new Cancelled(bookingId, BookingStatus.CANCELLED);
    }

    private OccurrenceCancelled cancelOccurrence(BookingView booking, String occurrenceStart, Caller caller) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = TimeInput.parse("occurrenceStart", occurrenceStart, violations);
        Optional<Occurrence> occurrence = start == null ? Optional.empty()
                : booking.occurrences().stream().filter(o -> o.start().equals(start)).findFirst();
        if (start != null && occurrence.isEmpty()) {
            violations.add(new FieldViolation("occurrenceStart", "this booking has no occurrence starting then"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        TimeRange range = new TimeRange(occurrence.get().start(), occurrence.get().end());
        BookingView after = readYourWrites.sendAndAwait(
                        new CancelOccurrence(booking.bookingId(), range, caller.name(), caller.isAdmin()),
                        new FindBooking(booking.bookingId()), BookingView.class,
                        v -> v.occurrences().stream().anyMatch(o -> o.start().equals(start)
                                && o.status() == OccurrenceStatus.CANCELLED), DECISION_TIMEOUT)
                .orElse(booking);
        return new OccurrenceCancelled(booking.bookingId(), after.status(), start, BookingStatus.CANCELLED);
    }

    @Operation(summary = "Move a booking (owner or ADMIN); atomic: the old slot is kept if the new one is refused")
    @PostMapping("/events/{bookingId}/reschedule")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<?> reschedule(@PathVariable String bookingId, @RequestBody BookingInput.Reschedule body,
                                        Authentication authentication) {
        return move(existing(bookingId), null, body, Caller.of(authentication), new ArrayList<>());
    }

    @Operation(summary = "Move one date of a series (owner or ADMIN); its other dates stay; as reschedule")
    @PostMapping("/events/{bookingId}/occurrences/{occurrenceStart}/reschedule")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<?> rescheduleOccurrence(@PathVariable String bookingId, @PathVariable String occurrenceStart,
                                                  @RequestBody BookingInput.Reschedule body,
                                                  Authentication authentication) {
        BookingView before = existing(bookingId);
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = TimeInput.parse("occurrenceStart", occurrenceStart, violations);
        Optional<Occurrence> date = start == null ? Optional.empty()
                : before.occurrences().stream().filter(o -> o.start().equals(start) && o.status().isActive())
                        .findFirst();
        if (start != null && date.isEmpty()) {
            violations.add(new FieldViolation("occurrenceStart", "this booking holds no date starting then"));
        }
        return move(before, date.map(o -> new TimeRange(o.start(), o.end())).orElse(null), body,
                Caller.of(authentication), violations);
    }

    /** A move of the booking's one slot ({@code from} null) or of one date of its series, as API.md's reschedule. */
    private ResponseEntity<?> move(BookingView before, TimeRange from, BookingInput.Reschedule body, Caller caller,
                                   List<FieldViolation> violations) {
        String bookingId = before.bookingId();
        TimeRange to = TimeInput.range(body.start(), body.end(), violations);
        Optional<ResourceView> resource = resource(before.resourceId());
        if (to != null && resource.isPresent()) {
            violations.addAll(ScheduleRules.check(resource.get().spec(), to, before.attendees(), clock.instant()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var command = new RequestReschedule(bookingId, from, to, caller.name(), caller.isAdmin());
        BookingView after = readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                        v -> v.revision() > before.revision() && v.lastReschedule() != null
                                && v.lastReschedule().status().isDecided()
                                && v.lastReschedule().start().equals(to.start()),
                        DECISION_TIMEOUT)
                .orElse(null);
        if (after == null) {
            return ResponseEntity.accepted().body(new Moved(bookingId, before.status(), null, null, null));
        }
        return switch (after.lastReschedule().status()) {
            // both slots stay held until the move is approved; the booking keeps its old slot meanwhile
            case PENDING_APPROVAL -> ResponseEntity.accepted().body(new Moved(bookingId, after.status(),
                    RescheduleStatus.PENDING_APPROVAL, to.start(), to.end()));
            // "as create": 201 with the booking's status, here with the slot it now holds
            case MOVED -> ResponseEntity.created(statusOf(bookingId))
                    .body(new Moved(bookingId, after.status(), null, from == null ? after.start() : to.start(),
                            from == null ? after.end() : to.end()));
            // "as create": what is in the way and free slots near the wanted one; the booking keeps its old slot
            case REFUSED, PENDING -> ResponseEntity.status(409).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Refused.of("The new slot is not available; the booking keeps its old slot.", bookingId,
                            after.lastReschedule().conflicts(), after.lastReschedule().violations(),
                            after.lastReschedule().conflicts().isEmpty() ? List.of()
                                    : alternatives.forRefusedMove(after, from, to), after.status()));
        };
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** 201 or 409 once decided, 202 when the read side did not show it in time; remembered under an Idempotency-Key. */
    private ResponseEntity<?> decided(String bookingId, Optional<BookingView> view, String idempotencyKey,
                                     String caller) {
        if (view.isEmpty()) {
            return ResponseEntity.accepted().location(statusOf(bookingId)).body(Decided.undecided(bookingId));
        }
        BookingView v = view.get();
        int httpStatus = v.status() == BookingStatus.REJECTED ? 409 : 201;
        var perDate = alternatives.forRefusedOccurrences(v);
        Object body = httpStatus == 409
                ? Refused.of(v.conflicts().isEmpty() ? "The resource's rules refused this booking."
                        : "The slot conflicts with other bookings or blackouts.", bookingId, v.conflicts(),
                        v.violations(), alternatives.forRefused(v), perDate, null)
                : Decided.of(v, perDate, sites.warnings(v.requester(), v.bookingId(), v.resourceId(), v.occurrences()
                        .stream().filter(o -> o.status().isActive()).map(o -> new TimeRange(o.start(), o.end()))
                        .toList()));
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stored = json.convertValue(body, Map.class);
            idempotency.answer(caller, idempotencyKey, httpStatus, stored);
        }
        return respond(httpStatus, bookingId, body);
    }

    private Optional<BookingView> awaitDecision(String bookingId) {
        return readYourWrites.await(new FindBooking(bookingId), BookingView.class,
                v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT);
    }

    private static ResponseEntity<?> respond(int status, String bookingId, Object body) {
        var builder = ResponseEntity.status(status);
        if (status == 201) {
            builder.location(statusOf(bookingId));
        } else if (status >= 400) {
            builder.contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return builder.body(body);
    }

    private static URI statusOf(String bookingId) {
        return URI.create("/events/status?bookingId=" + bookingId);
    }

    private Optional<ResourceView> resource(String resourceId) {
        return resourceId == null || resourceId.isBlank() ? Optional.empty()
                : queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join();
    }

    private BookingView existing(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join()
                .orElseThrow(() -> new NotFoundException("No booking " + bookingId));
    }
}
