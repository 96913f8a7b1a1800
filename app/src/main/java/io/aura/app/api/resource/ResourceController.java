package io.aura.app.api.resource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.NotPossibleNowException;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ExternalCalendarLinks;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Resources")
public class ResourceController {
    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final ExternalCalendarLinks externalCalendars;

    public ResourceController(ReadYourWrites readYourWrites, QueryGateway queries, ExternalCalendarLinks externalCalendars) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.externalCalendars = externalCalendars;
    }

    /** {@code mailbox}: the resource's Outlook room mailbox; null or empty unlinks. */
    public record ExternalCalendarBody(String mailbox) {}

    @Operation(summary = "Link the resource's Outlook calendar (ADMIN): its busy times then refuse bookings (conflict "
            + "source EXTERNAL); it is read at once and every aura.graph.sync-interval. An empty mailbox unlinks")
    @PutMapping("/api/resources/{id}/external-calendar")
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, Object> linkExternalCalendar(@PathVariable String id, @RequestBody ExternalCalendarBody body) {
        existing(id);
        ExternalCalendarLinks.Link link = externalCalendars.link(id, body == null ? null : body.mailbox());
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("resourceId", id);
        answer.put("mailbox", link.mailbox());
        if (link.mailbox() != null) {
            answer.put("lastRead", link);
        }
        return answer;
    }

    @Operation(summary = "Read the resource's linked Outlook calendar now (ADMIN); 409 if none is linked")
    @PostMapping("/api/resources/{id}/external-calendar/sync")
    @PreAuthorize("hasRole('ADMIN')")
    public ExternalCalendarLinks.Link syncExternalCalendar(@PathVariable String id) {
        existing(id);
        try {
            return externalCalendars.read(id);
        } catch (IllegalStateException notLinked) {
            throw new NotPossibleNowException(notLinked.getMessage());
        }
    }

    private ResourceView existing(String id) {
        return queries.query(new FindResource(id), ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .orElseThrow(() -> new NotFoundException("No resource " + id));
    }

    /**
     * A resource as the API answers it: the spec's fields flat beside the id and the linked mailbox,
     * as the contract has them ({@code {id, name, capacity, timeZone, ...}}).
     */
    public record ResourceAnswer(String id, @JsonUnwrapped ResourceSpec spec, String externalCalendar) {
        static ResourceAnswer of(ResourceView view) {
            return new ResourceAnswer(view.id(), view.spec(), view.externalCalendar());
        }
    }

    /** The contract's body; boxed fields so that a missing value is told apart from zero. */
    public record NewResource(String name, Integer capacity, String timeZone, Boolean approvalRequired,
                              List<String> approvers, Integer bufferMinutes, Integer minDurationMinutes,
                              Integer maxDurationMinutes, Integer bookingWindowDays,
                              List<NewApprovalLevel> approvalLevels, String approvalDeadline) {}

    /** A level as the API takes it: conditions may be left out (0: always applies). */
    public record NewApprovalLevel(String name, List<String> approvers, String approverRole, Integer minAttendees,
                                   Integer minDurationMinutes, List<String> requesterRoles, List<String> escalateTo) {
        ApprovalLevel toLevel() {
            return new ApprovalLevel(name, approvers, approverRole, minAttendees == null ? 0 : minAttendees,
                    minDurationMinutes == null ? 0 : minDurationMinutes, requesterRoles, escalateTo);
        }
    }

    @Operation(summary = "Register a room, venue or piece of equipment (ADMIN)")
    @PostMapping("/api/resources")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ResourceAnswer> create(@RequestBody NewResource body) {
        ResourceSpec spec = toSpec(body);
        String id = UUID.randomUUID().toString();
        ResourceView view = readYourWrites.sendAndAwait(new RegisterResource(id, spec), new FindResource(id),
                        ResourceView.class, v -> true, Duration.ofSeconds(10))
                .orElse(ResourceView.of(id, spec));
        return ResponseEntity.created(URI.create("/api/resources/" + id)).body(ResourceAnswer.of(view));
    }

    @Operation(summary = "List the resources")
    @GetMapping("/api/resources")
    @PreAuthorize("isAuthenticated()")
    public List<ResourceAnswer> list() {
        return queries.query(new ListResources(), ResponseTypes.multipleInstancesOf(ResourceView.class)).join().stream()
                .map(ResourceAnswer::of).toList();
    }

    @Operation(summary = "One resource")
    @GetMapping("/api/resources/{id}")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<ResourceAnswer> one(@PathVariable String id) {
        return queries.query(new FindResource(id), ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .map(view -> ResponseEntity.ok(ResourceAnswer.of(view)))
                .orElseThrow(() -> new NotFoundException("No resource " + id));
    }

    private ResourceSpec toSpec(NewResource body) {
        List<FieldViolation> missing = new ArrayList<>();
        if (body.capacity() == null) missing.add(new FieldViolation("capacity", "is required"));
        if (body.name() == null) missing.add(new FieldViolation("name", "is required"));
        if (body.timeZone() == null) missing.add(new FieldViolation("timeZone", "is required"));
        ResourceSpec spec = new ResourceSpec(
                body.name(),
                body.capacity() == null ? 1 : body.capacity(),
                body.timeZone() == null ? "UTC" : body.timeZone(),
                Boolean.TRUE.equals(body.approvalRequired()),
                body.approvers(),
                orDefault(body.bufferMinutes(), ResourceSpec.DEFAULT_BUFFER_MINUTES),
                orDefault(body.minDurationMinutes(), ResourceSpec.DEFAULT_MIN_DURATION_MINUTES),
                orDefault(body.maxDurationMinutes(), ResourceSpec.DEFAULT_MAX_DURATION_MINUTES),
                orDefault(body.bookingWindowDays(), ResourceSpec.DEFAULT_BOOKING_WINDOW_DAYS),
                body.approvalLevels() == null ? null
                        : body.approvalLevels().stream().map(l -> l == null ? null : l.toLevel()).toList(),
                body.approvalDeadline());
        List<FieldViolation> violations = new ArrayList<>(missing);
        for (FieldViolation v : spec.violations()) {
            if (missing.stream().noneMatch(m -> m.field().equals(v.field()))) {
                violations.add(v);
            }
        }
        Predicate<String> isUser = name -> findUser(name).isPresent();
        violations.addAll(ApproverNames.unknown("approvers", spec.approvers(), isUser));
        for (int i = 0; i < spec.approvalLevels().size(); i++) {
            ApprovalLevel level = spec.approvalLevels().get(i);
            if (level != null) {
                violations.addAll(ApproverNames.unknown("approvalLevels[" + i + "].approvers", level.approvers(), isUser));
                violations.addAll(ApproverNames.unknown("approvalLevels[" + i + "].escalateTo", level.escalateTo(),
                        isUser));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return spec;
    }

    private Optional<UserView> findUser(String username) {
        return queries.query(new FindUser(username), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
