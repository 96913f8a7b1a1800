package io.aura.app.contention;

import io.aura.kernel.booking.ContentionEvaluation;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import io.aura.kernel.booking.GatedContentionModel;
import io.aura.kernel.booking.RankingSignals;
import io.aura.ml.NeuralContentionModel;
import io.aura.query.booking.OccupancyHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The contention model (ADR 0017): trained from the heatmap's history of the last weeks when the
 * server starts (in the background), every night, and on an administrator's request; then judged
 * by a time-split hold-out of the same history (ADR 0050): a fresh network learns from the weeks
 * before the last {@code hold-out-weeks} and is tested on them. The model is used only where it
 * beats both the frequency baseline and the earliest-free heuristic; otherwise suggestions rank by
 * the history itself. An administrator's endpoints are the API's ({@code api.contention}).
 */
@Component
public class ContentionTraining {
    private static final Logger log = LoggerFactory.getLogger(ContentionTraining.class);

    private final OccupancyHistory history;
    private final RecordedChoices choices;
    private final LearnedSignals signals;
    private final GatedContentionModel model;
    private final Clock clock;
    private final int weeks;
    private final int holdOutWeeks;

    public ContentionTraining(OccupancyHistory history, RecordedChoices choices, LearnedSignals signals,
                              GatedContentionModel model, Clock clock,
                              @Value("${aura.contention.weeks:8}") int weeks,
                              @Value("${aura.contention.hold-out-weeks:2}") int holdOutWeeks) {
        this.history = history;
        this.choices = choices;
        this.signals = signals;
        this.model = model;
        this.clock = clock;
        this.weeks = weeks;
        this.holdOutWeeks = holdOutWeeks;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void trainInTheBackgroundAtStart() {
        Thread.ofPlatform().name("contention-training").daemon().start(this::trainQuietly);
    }

    @Scheduled(cron = "${aura.contention.train-cron:0 30 3 * * *}")
    public void trainQuietly() {
        try {
            Training t = train();
            log.info("Contention model: {} ({} hours, {} mostly booked, held-back accuracy {} vs {} guessing, {} s); {}",
                    t.reason(), t.rows(), t.mostlyBooked(), t.validationAccuracy(), t.alwaysGuessingAccuracy(), t.seconds(),
                    model.verdict().reason());
        } catch (RuntimeException | LinkageError e) {
            // no native backend on this platform, say: suggestions rank by the history alone
            log.warn("Contention model not trained: {}", e.toString());
        }
    }

    /** Trains the model on every week, then judges it on the hold-out; answers the training. */
    public synchronized Training train() {
        Instant now = clock.instant();
        List<DatedHour> hours = history.datedHours(now, weeks);
        Training trained = model.train(hours.stream().map(DatedHour::hour).toList());
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate holdOutFrom = today.minusWeeks(holdOutWeeks);
        // the live ranker (ADR 0049) with what it had learned before the hold-out, never from the choices it is tested on
        RankingSignals learnedBefore = signals.before(holdOutFrom.atStartOfDay(ZoneOffset.UTC).toInstant());
        Evaluation evaluation = ContentionEvaluation.holdOut(hours, choices.choices(hours), holdOutFrom,
                today.plusDays(1), // the choices of today count: the ranking is tested on them, the model is not
                NeuralContentionModel::judgedByHoldOut, m -> ContentionEvaluation.slotRanker(m, learnedBefore));
        Verdict verdict = model.judge(evaluation);
        log.info("Contention hold-out {} .. {}: {}", evaluation.holdOutFrom(), evaluation.holdOutTo(), verdict.reason());
        return trained;
    }
}
