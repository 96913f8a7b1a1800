package io.aura.app.api.resource;

import io.aura.app.api.NotFoundException;
import io.aura.app.api.TimeInput;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Closing a resource for a time range (API.md "Resources"): its schedule refuses bookings then. */
@RestController
@Tag(name = "Resources")
public class BlackoutController {
    private static final Duration READ_SIDE_TIMEOUT = Duration.ofSeconds(20);

    private final ReadYourWrites readYourWrites;
    private final QueryGateway queries;

    public BlackoutController(ReadYourWrites readYourWrites, QueryGateway queries) {
        this.readYourWrites = readYourWrites;
        this.queries = queries;
    }

    public record NewBlackout(String start, String end, String reason) {}

    /** {@code reason} is written even when null, as the contract shows it. */
    public record BlackoutAdded(String blackoutId, String resourceId, Instant start, Instant end, String reason) {}

    @Operation(summary = "Close a resource for a time range (ADMIN)")
    @PostMapping("/api/resources/{resourceId}/blackouts")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<BlackoutAdded> blackout(@PathVariable String resourceId, @RequestBody NewBlackout body) {
        List<FieldViolation> violations = new ArrayList<>();
        TimeRange range = TimeInput.range(body.start(), body.end(), violations);
        Reasons.tooLong(body.reason()).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                .isEmpty()) {
            throw new NotFoundException("No resource " + resourceId);
        }
        String blackoutId = UUID.randomUUID().toString();
        // answers once the read side has it too: suggestions and alternatives avoid it from the 201 on
        readYourWrites.sendAndAwait(new AddBlackout(resourceId, blackoutId, range, body.reason()),
                new FindBlackout(blackoutId), BlackoutView.class, b -> true, READ_SIDE_TIMEOUT);
        return ResponseEntity.created(URI.create("/api/resources/" + resourceId + "/blackouts/" + blackoutId))
                .body(new BlackoutAdded(blackoutId, resourceId, range.start(), range.end(), body.reason()));
    }
}
