package io.aura.app.booking;

import io.aura.kernel.audit.AuditLog;
import io.aura.app.audit.AsOfCalendar;

import io.aura.app.axon.ReadYourWrites;
import io.aura.app.web.TimeInput;
import io.aura.app.web.ProblemHandling;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CancelOccurrence;
import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.booking.BookingCommands.RequestReschedule;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.app.security.BookingTokens;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.SuggestionRanker;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.Recurrence;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import tools.jackson.databind.JsonNode;

/** The seed's booking API (API.md "Events"), the calendar and blackouts. */
@RestController
@Tag(name = "Bookings")
public class BookingController {
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final SuggestionRanker ranker;
    private final ObjectProvider<AuditLog> auditLog;
    private final AsOfCalendar asOfCalendar;

    public BookingController(ReadYourWrites readYourWrites, QueryGateway queries, CommandGateway commands,
                             IdempotencyStore idempotency, Clock clock, ObjectProvider<SuggestionRanker> ranker,
                             ObjectProvider<AuditLog> auditLog, AsOfCalendar asOfCalendar,
                             BookingTokens bookingTokens) {
        this.bookingTokens = bookingTokens;
        this.auditLog = auditLog;
        this.asOfCalendar = asOfCalendar;
        this.ranker = ranker.getIfAvailable(() -> SuggestionRanker.BY_SCORE);
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.commands = commands;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    private final BookingTokens bookingTokens;

    public record CreateBooking(String title, String resourceId, String start, String end, JsonNode attendees,
                                String description, String recurrence, String conflictPolicy) {}

    public record Reschedule(String start, String end) {}

    /** {@code occurrenceStart} cancels one occurrence of a series; without it the whole booking is cancelled. */
    public record CancelRequest(String reason, String occurrenceStart) {}

    public record NewBlackout(String start, String end, String reason) {}

    @Operation(summary = "Request a booking; answers once the conflict check has decided (201 or 409)")
    @PostMapping("/events/create")
    @PreAuthorize("hasAnyRole('REQUESTER', 'ADMIN')")
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateBooking body,
                                                      @RequestHeader(value = "Idempotency-Key", required = false)
                                                      String idempotencyKey,
                                                      Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body.title() == null || body.title().isBlank()) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (body.title().length() > 200) {
            violations.add(new FieldViolation("title", "must be at most 200 characters"));
        }
        ConflictPolicy policy = ConflictPolicy.ALL_OR_NOTHING;
        if (body.conflictPolicy() != null) {
            try {
                policy = ConflictPolicy.valueOf(body.conflictPolicy());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("conflictPolicy", "must be ALL_OR_NOTHING or SKIP_CONFLICTS"));
            }
        }
        boolean recurring = body.recurrence() != null && !body.recurrence().isBlank();
        List<String> attendeeNames = new ArrayList<>();
        int attendees = attendees(body.attendees(), attendeeNames, violations);
        Optional<ResourceView> resource = resource(body.resourceId(), violations);
        TimeRange range = range(body.start(), body.end(), violations);
        List<TimeRange> occurrences = range == null ? List.of() : List.of(range);
        if (resource.isPresent() && range != null) {
            if (recurring) {
                var expansion = Recurrence.expand(body.recurrence(), range, ZoneId.of(resource.get().spec().timeZone()));
                violations.addAll(expansion.violations());
                occurrences = expansion.occurrences();
            }
            for (TimeRange occurrence : occurrences) {
                for (FieldViolation v : ScheduleRules.check(resource.get().spec(), occurrence, attendees, clock.instant())) {
                    if (!violations.contains(v)) {
                        violations.add(v);
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }

        String bookingId = UUID.randomUUID().toString();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            var earlier = idempotency.claim(caller.getName(), idempotencyKey, bookingId);
            if (earlier.isPresent()) {
                var entry = earlier.get();
                if (entry.httpStatus() != null) {
                    return respond(entry.httpStatus(), entry.body());
                }
                return decided(entry.bookingId(), awaitDecision(entry.bookingId()), null, null);
            }
        }
        RequestBooking command = new RequestBooking(bookingId, body.resourceId(), body.title(), range, occurrences,
                recurring ? body.recurrence() : null, policy, attendees, attendeeNames, body.description(),
                caller.getName());
        Optional<BookingView> view = readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT);
        return decided(bookingId, view, idempotencyKey, caller.getName());
    }

    @Operation(summary = "A booking's status and details (owner, APPROVER, ADMIN, AUDITOR)")
    @GetMapping("/events/status")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Map<String, Object>> status(@RequestParam String bookingId, Authentication caller) {
        BookingView view = find(bookingId).orElse(null);
        if (view == null) {
            return notFound(bookingId);
        }
        if (!view.requester().equals(caller.getName()) && !hasAnyRole(caller, "APPROVER", "ADMIN", "AUDITOR")) {
            return forbidden();
        }
        Map<String, Object> body = BookingResponses.view(view);
        List<ApprovalView> approvals = queries.query(new FindApprovalsOfBooking(bookingId),
                ResponseTypes.multipleInstancesOf(ApprovalView.class)).join();
        if (!approvals.isEmpty()) {
            body.put("approval", BookingResponses.approval(approvals.get(approvals.size() - 1)));
        }
        if (view.status() == BookingStatus.CONFIRMED) {
            // proof of the booking for anyone holding our public keys (a door panel, a visitor's phone)
            String token = bookingTokens.sign(view.bookingId(), view.resourceId(), view.start(), view.end());
            body.put("token", token);
            body.put("bookingToken", token); // the name before API.md's `token` was followed; kept for clients of it
        }
        return ResponseEntity.ok(body);
    }

    @Operation(summary = "Cancel a booking (owner or ADMIN); frees its slot")
    @PostMapping("/events/{bookingId}/cancel")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Map<String, Object>> cancel(@PathVariable String bookingId,
                                                      @RequestBody(required = false) CancelRequest body,
                                                      Authentication caller) {
        BookingView existing = find(bookingId).orElse(null);
        if (existing == null) {
            return notFound(bookingId);
        }
        if (body != null && body.occurrenceStart() != null) {
            return cancelOccurrence(existing, body.occurrenceStart(), caller);
        }
        var command = new CancelBooking(bookingId, body == null ? null : body.reason(), caller.getName(),
                hasAnyRole(caller, "ADMIN"));
        readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                v -> v.status() == BookingStatus.CANCELLED, DECISION_TIMEOUT);
        return ResponseEntity.ok(Map.of("bookingId", bookingId, "status", BookingStatus.CANCELLED.name()));
    }

    private ResponseEntity<Map<String, Object>> cancelOccurrence(BookingView booking, String occurrenceStart,
                                                                 Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant start = TimeInput.parse("occurrenceStart", occurrenceStart, violations);
        var occurrence = start == null ? Optional.<io.aura.kernel.booking.BookingQueries.Occurrence>empty()
                : booking.occurrences().stream().filter(o -> o.start().equals(start)).findFirst();
        if (start != null && occurrence.isEmpty()) {
            violations.add(new FieldViolation("occurrenceStart", "this booking has no occurrence starting then"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        TimeRange range = new TimeRange(occurrence.get().start(), occurrence.get().end());
        BookingView after = readYourWrites.sendAndAwait(
                        new CancelOccurrence(booking.bookingId(), range, caller.getName(), hasAnyRole(caller, "ADMIN")),
                        new FindBooking(booking.bookingId()), BookingView.class,
                        v -> v.occurrences().stream().anyMatch(o -> o.start().equals(start)
                                && o.status().equals(BookingStatus.CANCELLED.name())), DECISION_TIMEOUT)
                .orElse(booking);
        return ResponseEntity.ok(Map.of("bookingId", booking.bookingId(), "status", after.status().name(),
                "occurrenceStart", start, "occurrenceStatus", BookingStatus.CANCELLED.name()));
    }

    @Operation(summary = "Move a booking (owner or ADMIN); atomic: the old slot is kept if the new one is refused")
    @PostMapping("/events/{bookingId}/reschedule")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<Map<String, Object>> reschedule(@PathVariable String bookingId, @RequestBody Reschedule body,
                                                          Authentication caller) {
        BookingView before = find(bookingId).orElse(null);
        if (before == null) {
            return notFound(bookingId);
        }
        List<FieldViolation> violations = new ArrayList<>();
        TimeRange to = range(body.start(), body.end(), violations);
        Optional<ResourceView> resource = resource(before.resourceId(), violations);
        if (to != null && resource.isPresent()) {
            violations.addAll(ScheduleRules.check(resource.get().spec(), to, before.attendees(), clock.instant()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var command = new RequestReschedule(bookingId, to, caller.getName(), hasAnyRole(caller, "ADMIN"));
        BookingView after = readYourWrites.sendAndAwait(command, new FindBooking(bookingId), BookingView.class,
                        v -> v.revision() > before.revision() && v.lastReschedule() != null
                                && !"PENDING".equals(v.lastReschedule().status())
                                && v.lastReschedule().start().equals(to.start()),
                        DECISION_TIMEOUT)
                .orElse(null);
        if (after == null) {
            return ResponseEntity.accepted().body(Map.of("bookingId", bookingId, "status", before.status().name()));
        }
        if ("PENDING_APPROVAL".equals(after.lastReschedule().status())) {
            // both slots stay held until the move is approved; the booking keeps its old slot meanwhile
            return ResponseEntity.accepted().body(Map.of("bookingId", bookingId, "status", after.status().name(),
                    "reschedule", "PENDING_APPROVAL", "start", to.start(), "end", to.end()));
        }
        if ("MOVED".equals(after.lastReschedule().status())) {
            // "as create": 201 with the booking's status, here with the slot it now holds
            return respond(201, new LinkedHashMap<>(Map.of("bookingId", bookingId, "status", after.status().name(),
                    "start", after.start(), "end", after.end())));
        }
        // "as create": the move is REJECTED, with what is in the way and free slots near the wanted one;
        // the booking itself keeps its old slot and status (bookingStatus)
        Map<String, Object> refused = BookingResponses.refused("Slot not available",
                "The new slot is not available; the booking keeps its old slot.", bookingId,
                BookingStatus.REJECTED.name(), after.lastReschedule().conflicts(), after.lastReschedule().violations(),
                after.lastReschedule().conflicts().isEmpty() ? List.of() : nearestFree(after, to));
        refused.put("bookingStatus", after.status().name());
        return respond(409, refused);
    }

    @Operation(summary = "Close a resource for a time range (ADMIN)")
    @PostMapping("/api/resources/{resourceId}/blackouts")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Map<String, Object>> blackout(@PathVariable String resourceId, @RequestBody NewBlackout body) {
        List<FieldViolation> violations = new ArrayList<>();
        TimeRange range = range(body.start(), body.end(), violations);
        io.aura.kernel.validation.Reasons.tooLong(body.reason()).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (find(resourceId, ResourceView.class).isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No resource " + resourceId);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("title", "Not found", "status", 404, "detail", problem.getDetail()));
        }
        String blackoutId = UUID.randomUUID().toString();
        // answers once the read side has it too: suggestions and alternatives avoid it from the 201 on
        readYourWrites.sendAndAwait(new AddBlackout(resourceId, blackoutId, range, body.reason()),
                new FindBlackout(blackoutId), BlackoutView.class, b -> true, DECISION_TIMEOUT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("blackoutId", blackoutId);
        answer.put("resourceId", resourceId);
        answer.put("start", range.start());
        answer.put("end", range.end());
        answer.put("reason", body.reason());
        return ResponseEntity.created(URI.create("/api/resources/" + resourceId + "/blackouts/" + blackoutId))
                .body(answer);
    }

    @Operation(summary = "Active bookings (PENDING_APPROVAL, CONFIRMED) overlapping a window; with asOf, as the "
            + "calendar stood at that instant, computed from the events stored up to it")
    @GetMapping("/dashboard/calendar")
    @PreAuthorize("isAuthenticated()")
    public Map<String, Object> calendar(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String resourceId,
                                        @RequestParam(required = false) String asOf) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant asOfInstant = asOf == null ? null : TimeInput.parse("asOf", asOf, violations);
        Instant[] window = TimeInput.window(from, to, clock.instant(), Duration.ofDays(7), false, violations);
        Instant start = window[0];
        Instant end = window[1];
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (asOfInstant != null) {
            AuditLog log = auditLog.getIfAvailable();
            if (log == null) {
                throw new InvalidInputException(List.of(new FieldViolation("asOf",
                        "the calendar as of a past instant needs an audit log, which this deployment lacks")));
            }
            return Map.of("asOf", asOfInstant, "events", asOfCalendar.at(log, asOfInstant, start, end, resourceId));
        }
        List<CalendarEntry> events = queries.query(new FindCalendar(start, end, resourceId),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
        return Map.of("events", events);
    }

    @Operation(summary = "Utilization by day of week (1=Mon) and hour, in each resource's own time zone")
    @GetMapping("/dashboard/heatmap")
    @PreAuthorize("isAuthenticated()")
    public Map<String, Object> heatmap(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String resourceId) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant[] window = TimeInput.window(from, to, clock.instant(), Duration.ofDays(28), true, violations);
        Instant start = window[0];
        Instant end = window[1];
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<HeatmapCell> cells = queries.query(new FindHeatmap(start, end, resourceId),
                ResponseTypes.multipleInstancesOf(HeatmapCell.class)).join();
        return Map.of("from", start, "to", end, "cells", cells);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ResponseEntity<Map<String, Object>> decided(String bookingId, Optional<BookingView> view,
                                                        String idempotencyKey, String caller) {
        int httpStatus;
        Map<String, Object> body;
        if (view.isEmpty()) {
            return ResponseEntity.accepted().location(URI.create("/events/status?bookingId=" + bookingId))
                    .body(Map.of("bookingId", bookingId, "status", BookingStatus.REQUESTED.name()));
        }
        BookingView v = view.get();
        if (v.status() == BookingStatus.REJECTED) {
            httpStatus = 409;
            body = BookingResponses.refused("Slot not available",
                    v.conflicts().isEmpty() ? "The resource's rules refused this booking."
                            : "The slot conflicts with other bookings or blackouts.",
                    bookingId, v.status().name(), v.conflicts(), v.violations(), suggestions(v));
        } else {
            httpStatus = 201;
            body = new LinkedHashMap<>(Map.of("bookingId", bookingId, "status", v.status().name()));
            if (v.occurrences().size() > 1 || v.recurrence() != null) {
                body.put("occurrences", v.occurrences());
                if (!v.conflicts().isEmpty()) {
                    body.put("conflicts", BookingResponses.ConflictBody.of(v.conflicts()));
                }
            }
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            idempotency.answer(caller, idempotencyKey, httpStatus, body);
        }
        return respond(httpStatus, body);
    }

    /** Nearest free slots on the same resource (decided by its schedule) and the same slot elsewhere, best first. */
    private List<Suggestion> suggestions(BookingView rejected) {
        List<Suggestion> all = new ArrayList<>(rejected.suggestions());
        if (rejected.occurrences().size() <= 1 && !rejected.conflicts().isEmpty()) {
            all.addAll(queries.query(new FindAlternatives(rejected.resourceId(), rejected.start(), rejected.end(),
                    rejected.attendees(), 3), ResponseTypes.multipleInstancesOf(Suggestion.class)).join());
        }
        return ranker.rank(rejected, all);
    }

    /** Free slots of the same length near a refused move's wanted slot, on the booking's own resource. */
    private List<Suggestion> nearestFree(BookingView booking, TimeRange wanted) {
        Instant now = clock.instant();
        Instant from = wanted.start().minus(Duration.ofDays(1));
        Instant to = wanted.end().plus(Duration.ofDays(3));
        if (!to.isAfter(from.isBefore(now) ? now : from)) {
            return List.of();
        }
        return queries.query(new FindFreeSlots(booking.resourceId(), (int) wanted.duration().toMinutes(),
                        from.isBefore(now) ? now : from, to, 3, booking.attendees(), wanted.start(), booking.bookingId(),
                        now), ResponseTypes.multipleInstancesOf(RankedSlot.class)).join().stream()
                .map(s -> new Suggestion(s.resourceId(), s.start(), s.end(), s.score())).toList();
    }

    private Optional<BookingView> awaitDecision(String bookingId) {
        return readYourWrites.await(new FindBooking(bookingId), BookingView.class,
                v -> v.status() != BookingStatus.REQUESTED, DECISION_TIMEOUT);
    }

    private static ResponseEntity<Map<String, Object>> respond(int status, Map<String, Object> body) {
        var builder = ResponseEntity.status(status);
        if (status == 201) {
            builder.location(URI.create("/events/status?bookingId=" + body.get("bookingId")));
        } else if (status >= 400) {
            builder.contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return builder.body(body);
    }

    private static int attendees(JsonNode node, List<String> names, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (node.isIntegralNumber() && node.asInt() >= 0 && node.asInt() <= 100_000) {
            return Math.max(1, node.asInt());
        }
        if (node.isArray()) {
            for (JsonNode name : node) {
                if (!name.isString() || name.asString().isBlank()) {
                    violations.add(new FieldViolation("attendees", "must be a number or a list of names or e-mails"));
                    return 1;
                }
                names.add(name.asString());
            }
            return Math.max(1, names.size());
        }
        violations.add(new FieldViolation("attendees", "must be a number (0 to 100000) or a list of names or e-mails"));
        return 1;
    }

    private Optional<ResourceView> resource(String resourceId, List<FieldViolation> violations) {
        if (resourceId == null || resourceId.isBlank()) {
            violations.add(new FieldViolation("resourceId", "is required"));
            return Optional.empty();
        }
        Optional<ResourceView> resource = find(resourceId, ResourceView.class);
        if (resource.isEmpty()) {
            violations.add(new FieldViolation("resourceId", "no resource has this id"));
        }
        return resource;
    }

    private static TimeRange range(String start, String end, List<FieldViolation> violations) {
        Instant s = TimeInput.parse("start", start, violations);
        Instant e = TimeInput.parse("end", end, violations);
        if (s == null || e == null) {
            return null;
        }
        if (!e.isAfter(s)) {
            violations.add(new FieldViolation("end", "must be after start"));
            return null;
        }
        return new TimeRange(s, e);
    }


    private Optional<BookingView> find(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join();
    }

    private <T> Optional<T> find(String resourceId, Class<T> type) {
        return queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(type)).join();
    }

    private static boolean hasAnyRole(Authentication auth, String... roles) {
        for (var authority : auth.getAuthorities()) {
            for (String role : roles) {
                if (authority.getAuthority().equals("ROLE_" + role)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ResponseEntity<Map<String, Object>> notFound(String bookingId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("title", "Not found", "status", 404, "detail", "No booking " + bookingId));
    }

    private static ResponseEntity<Map<String, Object>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("title", "Forbidden", "status", 403, "detail", "Only the requester, approvers, "
                        + "administrators and auditors may see this booking."));
    }
}
