package io.aura.app.contention;

import io.aura.kernel.booking.ContentionModel;
import io.aura.kernel.booking.ContentionModel.Training;
import io.aura.query.booking.OccupancyHistory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contention model (ADR 0017): trained from the heatmap's history of the last weeks when the
 * server starts (in the background), every night, and on an administrator's request; until a
 * model beats guessing, suggestions rank by the history itself.
 */
@RestController
@Tag(name = "Bookings")
public class ContentionTraining {
    private static final Logger log = LoggerFactory.getLogger(ContentionTraining.class);

    private final OccupancyHistory history;
    private final ContentionModel model;
    private final Clock clock;
    private final int weeks;

    public ContentionTraining(OccupancyHistory history, ContentionModel model, Clock clock,
                              @Value("${aura.contention.weeks:8}") int weeks) {
        this.history = history;
        this.model = model;
        this.clock = clock;
        this.weeks = weeks;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void trainInTheBackgroundAtStart() {
        Thread.ofPlatform().name("contention-training").daemon().start(this::trainQuietly);
    }

    @Scheduled(cron = "${aura.contention.train-cron:0 30 3 * * *}")
    public void trainQuietly() {
        try {
            Training t = train();
            log.info("Contention model: {} ({} hours, {} mostly booked, held-back accuracy {} vs {} guessing, {} s)",
                    t.reason(), t.rows(), t.mostlyBooked(), t.validationAccuracy(), t.alwaysGuessingAccuracy(), t.seconds());
        } catch (RuntimeException | LinkageError e) {
            // no native backend on this platform, say: suggestions rank by the history alone
            log.warn("Contention model not trained: {}", e.toString());
        }
    }

    Training train() {
        return model.train(history.pastHours(clock.instant(), weeks));
    }

    @Operation(summary = "The contention model's last training: rows, held-back accuracy against always guessing (ADMIN)")
    @GetMapping("/api/admin/contention-model")
    @PreAuthorize("hasRole('ADMIN')")
    public Training status() {
        return model.lastTraining().orElse(new Training(false, "not trained yet", 0, 0, 0, 0, 0));
    }

    @Operation(summary = "Train the contention model now from the heatmap's last weeks (ADMIN); answers the outcome")
    @PostMapping("/api/admin/contention-model/train")
    @PreAuthorize("hasRole('ADMIN')")
    public Training trainNow() {
        return train();
    }

    @Operation(summary = "Stop using the trained contention model until the next training (ADMIN)")
    @org.springframework.web.bind.annotation.DeleteMapping("/api/admin/contention-model")
    @PreAuthorize("hasRole('ADMIN')")
    public org.springframework.http.ResponseEntity<Void> forget() {
        model.forget();
        return org.springframework.http.ResponseEntity.noContent().build();
    }
}
