package io.aura.app.contention;

import io.aura.app.contention.SharedContentionModel.StoredModel;
import io.aura.kernel.booking.ContentionEvaluation;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import io.aura.kernel.booking.GatedContentionModel;
import io.aura.kernel.booking.RankingSignals;
import io.aura.ml.NeuralContentionModel;
import io.aura.query.booking.OccupancyHistory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>Trained once for all nodes (ADR 0055): one node at a time trains, holding the shared store's lease, and stores
 * the model as the next version; every node uses the latest version (a node that waited for another's training takes
 * its model, a node that starts takes one younger than {@code fresh-for}, and all look for a newer one every
 * {@code poll}).
 */
@Component
public class ContentionTraining {
    private static final Logger log = LoggerFactory.getLogger(ContentionTraining.class);
    /** The nightly runs of several nodes fire at about the same time: a model this young is the night's already. */
    static final Duration NIGHTLY_SKEW = Duration.ofHours(1);
    private static final long WAIT_MILLIS = 250;

    /** One training on this node: the model behind the gate learns, and the gate judges it on the hold-out. */
    @FunctionalInterface
    interface Trainer {
        Training trainAndJudge(GatedContentionModel model, Instant now);
    }

    private final Trainer trainer;
    private final GatedContentionModel model;
    private final SharedContentionModel store;
    private final Clock clock;
    private final String node;
    private final Duration freshFor;
    private final Duration leaseFor;
    private final Object loading = new Object();
    private volatile StoredModel inUse;

    @Autowired
    public ContentionTraining(OccupancyHistory history, RecordedChoices choices, LearnedSignals signals,
                              GatedContentionModel model, SharedContentionModel store, Clock clock,
                              @Value("${aura.contention.weeks:8}") int weeks,
                              @Value("${aura.contention.hold-out-weeks:2}") int holdOutWeeks,
                              @Value("${aura.node-id:}") String nodeId,
                              @Value("${aura.contention.fresh-for:PT24H}") Duration freshFor,
                              @Value("${aura.contention.lease:PT30M}") Duration leaseFor) {
        this((gate, now) -> trainAndJudge(history, choices, signals, gate, now, weeks, holdOutWeeks), model, store,
                clock, nodeId.isBlank() ? defaultNodeId() : nodeId, freshFor, leaseFor);
    }

    ContentionTraining(Trainer trainer, GatedContentionModel model, SharedContentionModel store, Clock clock,
                       String node, Duration freshFor, Duration leaseFor) {
        this.trainer = trainer;
        this.model = model;
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.freshFor = freshFor;
        this.leaseFor = leaseFor;
    }

    /** {@code pid@host}, as Axon names a node's claims, where no {@code aura.node-id} is configured. */
    static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadOrTrainInTheBackgroundAtStart() {
        Thread.ofPlatform().name("contention-training").daemon().start(() -> quietly(this::loadOrTrain));
    }

    /** At start: the stored model where one younger than {@code fresh-for} is there, else a training. */
    Training loadOrTrain() {
        Optional<StoredModel> latest = store.latest();
        if (latest.isPresent() && !latest.get().forgotten()
                && latest.get().trainedAt().isAfter(clock.instant().minus(freshFor))) {
            use(latest.get());
            return latest.get().training();
        }
        return trainOnce(freshFor);
    }

    /** Off the scheduler's thread: waiting for another node's training must not hold up the other sweeps. */
    @Scheduled(cron = "${aura.contention.train-cron:0 30 3 * * *}")
    public void trainNightly() {
        Thread.ofPlatform().name("contention-training").daemon().start(() -> quietly(() -> trainOnce(NIGHTLY_SKEW)));
    }

    /**
     * An administrator's: trains on this node and stores the model for all, unless another node is training at that
     * moment: its model, once stored, is the answer.
     */
    public Training train() {
        return trainOnce(Duration.ZERO);
    }

    /** Stops every node using the trained model until the next training: a version without one. */
    public void forget() {
        model.forget();
        trained(store.save(clock.instant(), node, null, null, null, null));
    }

    /** The version this node uses, if any. */
    public Optional<StoredModel> inUse() {
        return Optional.ofNullable(inUse);
    }

    /** Takes a version newer than the one in use, stored by another node. */
    @Scheduled(fixedDelayString = "${aura.contention.poll:PT1M}", initialDelayString = "${aura.contention.poll:PT1M}")
    public void takeANewerVersion() {
        try {
            long stored = store.version();
            StoredModel current = inUse;
            if (stored > (current == null ? 0 : current.version())) {
                store.latest().ifPresent(this::use);
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("Contention model not loaded: {}", e.toString());
        }
    }

    /**
     * Trains unless a model younger than {@code skipIfYoungerThan} is stored, or another node stored one while this
     * one waited for the lease: then that one is used.
     */
    private synchronized Training trainOnce(Duration skipIfYoungerThan) {
        long asked = store.version();
        long giveUpAt = System.nanoTime() + leaseFor.toNanos();
        while (!store.lease(node, clock.instant(), leaseFor)) {
            if (System.nanoTime() - giveUpAt > 0) {
                throw new IllegalStateException("another node holds the lease to train the contention model");
            }
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for another node's training", e);
            }
        }
        try {
            Optional<StoredModel> latest = store.latest();
            if (latest.isPresent() && !latest.get().forgotten() && (latest.get().version() > asked
                    || latest.get().trainedAt().isAfter(clock.instant().minus(skipIfYoungerThan)))) {
                use(latest.get());
                return latest.get().training();
            }
            Instant now = clock.instant();
            Training training = trainer.trainAndJudge(model, now);
            trained(store.save(now, node, model.saved().orElse(null), training, model.evaluation().orElse(null),
                    model.verdict()));
            return training;
        } finally {
            store.release(node);
        }
    }

    /** Loads a stored version into the gate, unless this node uses it or a newer one already. */
    private void use(StoredModel stored) {
        synchronized (loading) {
            StoredModel current = inUse;
            if (current != null && stored.version() <= current.version()) {
                return;
            }
            long started = System.nanoTime();
            model.load(stored.network(), stored.training(), stored.evaluation(), stored.verdict());
            inUse = stored;
            log.info("Contention model version {} (trained {} by {}) loaded in {} ms{}", stored.version(),
                    stored.trainedAt(), stored.trainedBy(), (System.nanoTime() - started) / 1_000_000,
                    stored.network() == null ? "" : " (" + stored.network().length + " bytes)");
        }
    }

    /** The version this node has just trained (or forgotten): its gate holds it already. */
    private void trained(StoredModel stored) {
        synchronized (loading) {
            inUse = stored;
        }
    }

    private void quietly(Supplier<Training> work) {
        try {
            Training t = work.get();
            StoredModel version = inUse;
            log.info("Contention model: {} ({} hours, {} mostly booked, held-back accuracy {} vs {} guessing, {} s); "
                            + "{}; version {} by {}", t.reason(), t.rows(), t.mostlyBooked(), t.validationAccuracy(),
                    t.alwaysGuessingAccuracy(), t.seconds(), model.verdict().reason(),
                    version == null ? "-" : version.version(), version == null ? "-" : version.trainedBy());
        } catch (RuntimeException | LinkageError e) {
            // no native backend on this platform, say: suggestions rank by the history alone
            log.warn("Contention model not trained: {}", e.toString());
        }
    }

    /** Trains the model on every week, then judges it on the hold-out; answers the training. */
    private static Training trainAndJudge(OccupancyHistory history, RecordedChoices choices, LearnedSignals signals,
                                          GatedContentionModel model, Instant now, int weeks, int holdOutWeeks) {
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
