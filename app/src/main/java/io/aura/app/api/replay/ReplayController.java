package io.aura.app.api.replay;

import io.aura.app.api.NotPossibleNowException;
import io.aura.app.notify.NotificationInbox;
import io.aura.app.replay.ProjectionRebuild;
import io.aura.app.retention.PastBookingSweep;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.query.approval.ApprovalProjection;
import io.aura.query.booking.AvailabilityProjection;
import io.aura.query.booking.BookingProjection;
import io.aura.query.booking.HeatmapProjection;
import io.aura.query.category.CategoryProjection;
import io.aura.query.feed.CalendarFeedProjection;
import io.aura.query.identity.UserProjection;
import io.aura.query.quota.QuotaProjection;
import io.aura.query.resource.ResourceProjection;
import io.aura.query.site.SiteProjection;
import io.aura.query.store.BatchedViewStore;
import io.aura.query.waitlist.WaitlistProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds every projection from the event store: each projection's processor stops, its token is
 * reset (its {@code @ResetHandler} clears its views), then one pass over the store feeds every
 * projection ({@link ProjectionRebuild}, ADR 0018) and the processors go on from where it ended; then the
 * bookings past retention leave the views again ({@link PastBookingSweep}, ADR 0047).
 * With {@code ?mode=processors} each processor reads the store again from the start on its own (the
 * way Axon replays; kept as the baseline of the replay benchmark). Sagas are not replayed: they send
 * commands. Progress is reported per projection.
 */
@RestController
@Tag(name = "Audit")
@PreAuthorize("hasRole('ADMIN')")
public class ReplayController {
    static final List<String> PROJECTIONS = List.of(UserProjection.PROCESSING_GROUP,
            ResourceProjection.PROCESSING_GROUP, BookingProjection.PROCESSING_GROUP,
            AvailabilityProjection.PROCESSING_GROUP, HeatmapProjection.PROCESSING_GROUP,
            ApprovalProjection.PROCESSING_GROUP, NotificationInbox.PROCESSING_GROUP,
            CalendarFeedProjection.PROCESSING_GROUP, WaitlistProjection.PROCESSING_GROUP,
            QuotaProjection.PROCESSING_GROUP, SiteProjection.PROCESSING_GROUP, CategoryProjection.PROCESSING_GROUP);

    private static final Logger log = LoggerFactory.getLogger(ReplayController.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final List<BatchedViewStore> sqlViews;
    private final PastBookingSweep retention;
    private volatile ProjectionRebuild rebuild;
    /** The processors are being stopped and reset (mode "processors"); not finished, whatever they report. */
    private volatile boolean restarting;

    public ReplayController(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                            TransactionManager transactions, ObjectProvider<BatchedViewStore> sqlViews,
                            PastBookingSweep retention) {
        this.retention = retention;
        this.sqlViews = sqlViews.orderedStream().toList();
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
    }

    @Operation(summary = "Rebuild every projection from the event store (ADMIN); 202, then GET for progress")
    @PostMapping("/api/admin/replay")
    public synchronized ResponseEntity<Map<String, Object>> replay(
            @RequestParam(name = "mode", defaultValue = "one-pass") String mode) {
        if (!mode.equals("one-pass") && !mode.equals("processors")) {
            throw new InvalidInputException(List.of(new FieldViolation("mode", "must be one-pass or processors")));
        }
        if (restarting || (rebuild != null && !rebuild.done())) {
            throw new NotPossibleNowException("a rebuild is already running (GET /api/admin/replay shows its progress)");
        }
        // several projections may share a processor: reset each processor once
        Set<StreamingEventProcessor> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        PROJECTIONS.forEach(name -> distinct.add(processor(name)));
        List<StreamingEventProcessor> processors = new ArrayList<>(distinct);
        // Answered at once: stopping the processors waits for the batches in hand, which may take a second.
        if (mode.equals("processors")) {
            rebuild = null;
            restarting = true;
            Thread thread = new Thread(() -> {
                try {
                    stopAndReset(processors, mode);
                } finally {
                    processors.forEach(StreamingEventProcessor::start);
                    restarting = false;
                }
            }, "projection-replay");
            thread.setDaemon(true);
            thread.start();
        } else {
            // The pass's end is the head now; whatever comes later the processors handle after it.
            ProjectionRebuild pass = new ProjectionRebuild(processors, eventStore, tokenStore, transactions, sqlViews,
                    eventStore.createHeadToken(), BookingProjection.PROCESSING_GROUP);
            rebuild = pass;
            Thread thread = new Thread(() -> {
                stopAndReset(processors, mode);
                pass.run();
                // the pass folded every booking back in, those past retention too: they leave again (ADR 0047)
                retention.sweep();
            }, "projection-rebuild");
            thread.setDaemon(true);
            thread.start();
        }
        return ResponseEntity.accepted().body(progress());
    }

    private static void stopAndReset(List<StreamingEventProcessor> processors, String mode) {
        long started = System.nanoTime();
        // stopped together: each waits for its thread to finish the batch in hand
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        processors.forEach(StreamingEventProcessor::resetTokens);
        log.info("Replay ({}): {} processors stopped and reset in {} ms", mode, processors.size(),
                (System.nanoTime() - started) / 1_000_000);
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
        done &= !restarting;
        ProjectionRebuild pass = rebuild;
        if (pass == null) {
            return Map.of("headIndex", head, "finished", done, "processors", processors);
        }
        // while the pass runs the processors are stopped; their positions count once they go on from it
        Map<String, Object> onePass = new LinkedHashMap<>();
        onePass.put("position", pass.position());
        onePass.put("eventsRead", pass.eventsRead());
        onePass.put("untilIndex", pass.headIndex());
        onePass.put("finished", pass.done());
        if (pass.failure() != null) {
            onePass.put("failure", pass.failure());
        }
        // the views hold every event up to the pass's end once it succeeded; the processors carry on from there
        boolean finished = pass.done() && (pass.failure() == null || done);
        return Map.of("headIndex", head, "finished", finished, "processors", processors, "onePass", onePass);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + name));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
