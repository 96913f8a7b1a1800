package io.aura.app.api.resource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.NotPossibleNowException;
import io.aura.gateway.ResourceAdministration;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.resource.OpeningHours;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Resources")
public class ResourceController {
    private final QueryGateway queries;
    private final ExternalCalendarLinks externalCalendars;
    private final ResourceAdministration administration;

    public ResourceController(QueryGateway queries, ExternalCalendarLinks externalCalendars,
                              ResourceAdministration administration) {
        this.queries = queries;
        this.externalCalendars = externalCalendars;
        this.administration = administration;
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
    public record ResourceAnswer(String id, @JsonUnwrapped ResourceSpec spec, String externalCalendar, boolean retired) {
        static ResourceAnswer of(ResourceView view) {
            return new ResourceAnswer(view.id(), view.spec(), view.externalCalendar(), view.retired());
        }
    }

    /** The contract's body; boxed fields so that a missing value is told apart from zero. */
    public record NewResource(String name, Integer capacity, String timeZone, Boolean approvalRequired,
                              List<String> approvers, Integer bufferMinutes, Integer minDurationMinutes,
                              Integer maxDurationMinutes, Integer bookingWindowDays,
                              List<NewApprovalLevel> approvalLevels, String approvalDeadline,
                              List<NewOpeningHours> openingHours, NewCheckIn checkIn, Boolean privateByDefault, String siteId) {}

    /** A check-in policy as the API takes it (ADR 0033): {@code required} defaults to false; the window is named if missing. */
    public record NewCheckIn(Boolean required, Integer windowMinutes) {
        CheckInPolicy toPolicy() {
            return new CheckInPolicy(Boolean.TRUE.equals(required), windowMinutes == null ? 0 : windowMinutes);
        }
    }

    /** One weekly opening interval as the API takes it; a missing day is named as out of range. */
    public record NewOpeningHours(Integer dayOfWeek, String from, String to) {
        OpeningHours.Interval toInterval() {
            return new OpeningHours.Interval(dayOfWeek == null ? 0 : dayOfWeek, from, to);
        }
    }

    /** A level as the API takes it: conditions may be left out (0: always applies). */
    public record NewApprovalLevel(String name, List<String> approvers, String approverRole, Integer minAttendees,
                                   Integer minDurationMinutes, List<String> requesterRoles, List<String> escalateTo) {
        ApprovalLevel toLevel() {
            return new ApprovalLevel(name, approvers, approverRole, minAttendees == null ? 0 : minAttendees,
                    minDurationMinutes == null ? 0 : minDurationMinutes, requesterRoles, escalateTo);
        }
    }

    @Operation(summary = "Register a room, venue or piece of equipment (ADMIN). The name must be another than every "
            + "other resource's (trimmed, whatever its case); approvers are named only with approvalRequired")
    @PostMapping("/api/resources")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ResourceAnswer> create(@RequestBody NewResource body) {
        ResourceView view = administration.register(toSpec(null, body));
        return ResponseEntity.created(URI.create("/api/resources/" + view.id())).body(ResourceAnswer.of(view));
    }

    @Operation(summary = "Edit a resource (ADMIN): the create body, whole; recorded as ResourceChanged. Bookings made "
            + "stay as they are; the new rules decide requests from now on. 404 for an unknown resource")
    @PutMapping("/api/resources/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResourceAnswer change(@PathVariable String id, @RequestBody NewResource body) {
        existing(id);
        return administration.change(id, toSpec(id, body)).map(ResourceAnswer::of)
                .orElseThrow(() -> new NotFoundException("No resource " + id));
    }

    @Operation(summary = "Retire a resource (ADMIN): it takes no new bookings (a request is refused naming resourceId), "
            + "its bookings stay; it leaves the list unless includeRetired. Retiring it again changes nothing")
    @PostMapping("/api/resources/{id}/retire")
    @PreAuthorize("hasRole('ADMIN')")
    public ResourceAnswer retire(@PathVariable String id) {
        return administration.retire(id).map(ResourceAnswer::of)
                .orElseThrow(() -> new NotFoundException("No resource " + id));
    }

    @Operation(summary = "List the resources that take bookings; with includeRetired=true retired ones too")
    @GetMapping("/api/resources")
    @PreAuthorize("isAuthenticated()")
    public List<ResourceAnswer> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return queries.query(new ListResources(includeRetired), ResponseTypes.multipleInstancesOf(ResourceView.class))
                .join().stream().map(ResourceAnswer::of).toList();
    }

    @Operation(summary = "One resource")
    @GetMapping("/api/resources/{id}")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<ResourceAnswer> one(@PathVariable String id) {
        return queries.query(new FindResource(id), ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .map(view -> ResponseEntity.ok(ResourceAnswer.of(view)))
                .orElseThrow(() -> new NotFoundException("No resource " + id));
    }

    /** The body as a spec; a missing required field is named, with whatever else the spec breaks. */
    private ResourceSpec toSpec(String resourceId, NewResource body) {
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
                body.approvalDeadline(),
                body.openingHours() == null ? null
                        : body.openingHours().stream().map(h -> h == null ? null : h.toInterval()).toList(),
                body.checkIn() == null ? null : body.checkIn().toPolicy(),
                body.privateByDefault(),
                body.siteId());
        if (!missing.isEmpty()) {
            List<FieldViolation> violations = new ArrayList<>(missing);
            for (FieldViolation v : administration.violations(resourceId, spec)) {
                if (missing.stream().noneMatch(m -> m.field().equals(v.field()))) {
                    violations.add(v);
                }
            }
            throw new InvalidInputException(violations);
        }
        return spec;
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
