package io.aura.app.contention;

import io.aura.kernel.booking.ContentionModel;
import io.aura.kernel.booking.ContentionModel.Training;
import io.aura.query.booking.OccupancyHistory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The contention model (ADR 0017): trained from the heatmap's history of the last weeks when the
 * server starts (in the background), every night, and on an administrator's request; until a
 * model beats guessing, suggestions rank by the history itself. An administrator's endpoints are
 * the API's ({@code api.contention}).
 */
@Component
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

    public Training train() {
        return model.train(history.pastHours(clock.instant(), weeks));
    }
}
