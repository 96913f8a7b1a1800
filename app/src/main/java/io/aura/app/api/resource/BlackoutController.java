package io.aura.app.api.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aura.app.api.NotFoundException;
import io.aura.app.api.TimeInput;
import io.aura.gateway.Caller;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.Recurrence;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.RemoveBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.ListBlackouts;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TimeBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Closing a resource for a time range (API.md "Resources"): its schedule refuses bookings then. */
@RestController
@Tag(name = "Resources")
public class BlackoutController {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_RRULE_LENGTH = 500;

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;
    private final CommandGateway commands;

    public BlackoutController(ReadYourWrites readYourWrites, QueryGateway queries, CommandGateway commands) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.commands = commands;
    }

    /** {@code recurrence}: an RRULE repeating the range in the resource's zone, bounded like a series. */
    public record NewBlackout(String start, String end, String reason, String recurrence) {}

    /** {@code reason} is written even when null, as the contract shows it; {@code recurrence} only when set. */
    public record BlackoutAdded(String blackoutId, String resourceId, Instant start, Instant end, String reason,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String recurrence) {}

    /** {@code reason} is an administrator's note: only administrators see it (API.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Blackout(String blackoutId, Instant start, Instant end, String reason, String recurrence) {}

    @Operation(summary = "A resource's blackouts, by start (any user; the reason for ADMIN only)")
    @GetMapping("/api/resources/{resourceId}/blackouts")
    @PreAuthorize("isAuthenticated()")
    public List<Blackout> blackouts(@PathVariable String resourceId, Authentication authentication) {
        requireResource(resourceId);
        boolean admin = Caller.of(authentication).isAdmin();
        return queries.query(new ListBlackouts(resourceId), ResponseTypes.multipleInstancesOf(BlackoutView.class))
                .join().stream()
                .map(b -> new Blackout(b.blackoutId(), b.start(), b.end(), admin ? b.reason() : null, b.recurrence()))
                .toList();
    }

    @Operation(summary = "Open a resource again where a blackout closed it (ADMIN); bookings there are accepted at once")
    @DeleteMapping("/api/resources/{resourceId}/blackouts/{blackoutId}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> remove(@PathVariable String resourceId, @PathVariable String blackoutId) {
        requireResource(resourceId);
        BlackoutView blackout = queries.query(new FindBlackout(blackoutId),
                        ResponseTypes.optionalInstanceOf(BlackoutView.class)).join()
                .filter(b -> b.resourceId().equals(resourceId))
                .orElseThrow(() -> new NotFoundException("No blackout " + blackoutId + " on resource " + resourceId));
        // the schedule decides from the moment the command is stored; the lists follow within a batch
        commands.sendAndWait(new RemoveBlackout(resourceId, blackout.blackoutId()));
        return ResponseEntity.noContent().build();
    }

    private ResourceView requireResource(String resourceId) {
        return queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .orElseThrow(() -> new NotFoundException("No resource " + resourceId));
    }

    @Operation(summary = "Close a resource for a time range (ADMIN); with recurrence (an RRULE, bounded like a series) "
            + "the range repeats in the resource's zone and every date refuses bookings")
    @PostMapping("/api/resources/{resourceId}/blackouts")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<BlackoutAdded> blackout(@PathVariable String resourceId, @RequestBody NewBlackout body) {
        List<FieldViolation> violations = new ArrayList<>();
        TimeRange range = TimeInput.range(body.start(), body.end(), violations);
        Reasons.tooLong(body.reason()).ifPresent(violations::add);
        String recurrence = body.recurrence() == null || body.recurrence().isBlank() ? null : body.recurrence().strip();
        if (recurrence != null && recurrence.length() > MAX_RRULE_LENGTH) {
            violations.add(FieldViolation.of("recurrence", Rule.TOO_LONG, MAX_RRULE_LENGTH));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ResourceView resource = requireResource(resourceId);
        if (recurrence != null) {
            // said here as the schedule would say it, before anything is sent
            var expansion = Recurrence.expand(recurrence, range, ZoneId.of(resource.spec().timeZone()));
            List<FieldViolation> broken = new ArrayList<>(expansion.violations());
            expansion.occurrences().forEach(date -> broken.addAll(TimeBounds.outside(date)));
            if (!broken.isEmpty()) {
                throw new InvalidInputException(broken.stream().distinct().toList());
            }
        }
        String blackoutId = UUID.randomUUID().toString();
        // answers once the read side has it too: suggestions and alternatives avoid it from the 201 on
        readYourWrites.sendAndAwait(new AddBlackout(resourceId, blackoutId, range, body.reason(), recurrence),
                new FindBlackout(blackoutId), BlackoutView.class, b -> true, READ_SIDE_TIMEOUT);
        return ResponseEntity.created(URI.create("/api/resources/" + resourceId + "/blackouts/" + blackoutId))
                .body(new BlackoutAdded(blackoutId, resourceId, range.start(), range.end(), body.reason(), recurrence));
    }
}
