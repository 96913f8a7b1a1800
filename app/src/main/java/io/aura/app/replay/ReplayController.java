package io.aura.app.replay;

import io.aura.query.booking.AvailabilityProjection;
import io.aura.query.approval.ApprovalProjection;
import io.aura.app.notify.NotificationInbox;
import io.aura.query.booking.BookingProjection;
import io.aura.query.booking.HeatmapProjection;
import io.aura.query.identity.UserProjection;
import io.aura.query.resource.ResourceProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds every projection from the event store: each projection's processor stops, its token is
 * reset (its {@code @ResetHandler} clears its views) and it reads the store again from the start.
 * Sagas are not replayed: they send commands. Progress is reported per projection.
 */
@RestController
@Tag(name = "Audit")
@PreAuthorize("hasRole('ADMIN')")
public class ReplayController {
    static final List<String> PROJECTIONS = List.of(UserProjection.PROCESSING_GROUP,
            ResourceProjection.PROCESSING_GROUP, BookingProjection.PROCESSING_GROUP,
            AvailabilityProjection.PROCESSING_GROUP, HeatmapProjection.PROCESSING_GROUP,
            ApprovalProjection.PROCESSING_GROUP, NotificationInbox.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ReplayController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Operation(summary = "Rebuild every projection from the event store (ADMIN); 202, then GET for progress")
    @PostMapping("/api/admin/replay")
    public synchronized ResponseEntity<Map<String, Object>> replay() {
        // several projections may share a processor: reset each processor once
        java.util.Set<StreamingEventProcessor> processors = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        PROJECTIONS.forEach(name -> processors.add(processor(name)));
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        return ResponseEntity.accepted().body(progress());
    }

    @Operation(summary = "Replay progress: each projection's position against the head of the event store (ADMIN)")
    @GetMapping("/api/admin/replay")
    public Map<String, Object> progress() {
        long head = position(eventStore.createHeadToken());
        Map<String, Object> processors = new LinkedHashMap<>();
        boolean done = true;
        for (String name : PROJECTIONS) {
            long position = -1;
            boolean caughtUp = true;
            for (EventTrackerStatus status : processor(name).processingStatus().values()) {
                OptionalLong current = status.getCurrentPosition();
                position = Math.max(position, current.orElse(-1));
                caughtUp &= status.isCaughtUp();
            }
            boolean finished = caughtUp && position >= head;
            done &= finished;
            processors.put(name, Map.of("position", position, "finished", finished));
        }
        return Map.of("headIndex", head, "finished", done, "processors", processors);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + name));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
