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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
    private final Duration adminWait;
    private final Object loading = new Object();
    /** Held while this node trains or forgets: the poll never swaps the network under a training. */
    private final ReentrantLock working = new ReentrantLock();
    private volatile StoredModel inUse;
    /** The version this node could not load (no native backend, say): not tried again until a newer one is stored. */
    private volatile long failedToLoad;

    @Autowired
    public ContentionTraining(OccupancyHistory history, RecordedChoices choices, LearnedSignals signals,
                              GatedContentionModel model, SharedContentionModel store, Clock clock,
                              @Value("${aura.contention.weeks:8}") int weeks,
                              @Value("${aura.contention.hold-out-weeks:2}") int holdOutWeeks,
                              @Value("${aura.node-id:}") String nodeId,
                              @Value("${aura.contention.fresh-for:PT24H}") Duration freshFor,
                              @Value("${aura.contention.lease:PT30M}") Duration leaseFor,
                              @Value("${aura.contention.admin-wait:PT5S}") Duration adminWait) {
        this((gate, now) -> trainAndJudge(history, choices, signals, gate, now, weeks, holdOutWeeks), model, store,
                clock, nodeId.isBlank() ? defaultNodeId() : nodeId, freshFor, leaseFor, adminWait);
    }

    ContentionTraining(Trainer trainer, GatedContentionModel model, SharedContentionModel store, Clock clock,
                       String node, Duration freshFor, Duration leaseFor, Duration adminWait) {
        this.trainer = trainer;
        this.model = model;
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.freshFor = freshFor;
        this.leaseFor = leaseFor;
        this.adminWait = adminWait;
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
        working.lock();
        try {
            Optional<StoredModel> stored = StoredOrTrain.stored(store.latest(), StoredOrTrain.NOT_WAITED,
                    clock.instant(), freshFor);
            if (stored.isPresent()) {
                use(stored.get());
                return stored.get().training();
            }
            return trainOnce(freshFor, leaseFor);
        } finally {
            working.unlock();
        }
    }

    /** Off the scheduler's thread: waiting for another node's training must not hold up the other sweeps. */
    @Scheduled(cron = "${aura.contention.train-cron:0 30 3 * * *}")
    public void trainNightly() {
        Thread.ofPlatform().name("contention-training").daemon().start(() -> quietly(() -> trainOnce(NIGHTLY_SKEW, leaseFor)));
    }

    /**
     * An administrator's: trains on this node and stores the model for all, unless another node is training at that
     * moment: its model, once stored within {@code admin-wait}, is the answer; else {@link SharedContentionModel.Busy}
     * naming that node (the request's thread is not held for a whole training elsewhere).
     */
    public Training train() {
        return trainOnce(Duration.ZERO, adminWait);
    }

    /**
     * Stops every node using the trained model until the next training: a version without one, stored under the lease
     * as a training is (a training elsewhere would otherwise store its model over it); {@link SharedContentionModel.Busy}
     * while another node still trains after {@code admin-wait}.
     */
    public void forget() {
        holding(adminWait, () -> {
            StoredModel forgotten = store.save(clock.instant(), node, null, null, null, null);
            model.forget();
            trained(forgotten);
            return null;
        });
    }

    /** The version this node uses, if any. */
    public Optional<StoredModel> inUse() {
        return Optional.ofNullable(inUse);
    }

    /** Takes a version newer than the one in use, stored by another node. */
    @Scheduled(fixedDelayString = "${aura.contention.poll:PT1M}", initialDelayString = "${aura.contention.poll:PT1M}")
    public void takeANewerVersion() {
        if (!working.tryLock()) {
            return; // this node trains or forgets: it stores the next version itself
        }
        long trying = 0;
        try {
            long stored = store.version();
            StoredModel current = inUse;
            if (stored > Math.max(current == null ? 0 : current.version(), failedToLoad)) {
                Optional<StoredModel> latest = store.latest();
                if (latest.isPresent()) {
                    trying = latest.get().version();
                    use(latest.get());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            failedToLoad = Math.max(failedToLoad, trying);
            log.warn("Contention model version {} not loaded (not tried again until a newer one is stored): {}",
                    trying, e.toString());
        } finally {
            working.unlock();
        }
    }

    /**
     * Trains unless a model younger than {@code skipIfYoungerThan} is stored, or another node stored one while this
     * one waited for the lease: then that one is used.
     */
    private Training trainOnce(Duration skipIfYoungerThan, Duration wait) {
        long asked = store.version();
        return holding(wait, () -> {
            Optional<StoredModel> stored = StoredOrTrain.stored(store.latest(), asked, clock.instant(),
                    skipIfYoungerThan);
            if (stored.isPresent()) {
                use(stored.get());
                return stored.get().training();
            }
            Instant now = clock.instant();
            Training training = trainer.trainAndJudge(model, now);
            trained(store.save(now, node, model.saved().orElse(null), training, model.evaluation().orElse(null),
                    model.verdict()));
            return training;
        });
    }

    /**
     * Does {@code work} holding this node's lock and the shared lease, waiting for both at most {@code wait}; else
     * {@link SharedContentionModel.Busy} naming who holds them.
     */
    private <T> T holding(Duration wait, Supplier<T> work) {
        long giveUpAt = System.nanoTime() + wait.toNanos();
        try {
            if (!working.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SharedContentionModel.Busy("this node (" + node + ") is training the contention model; "
                        + "try again once it is done");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for this node's training", e);
        }
        try {
            while (!store.lease(node, clock.instant(), leaseFor)) {
                if (System.nanoTime() - giveUpAt > 0) {
                    throw new SharedContentionModel.Busy("node " + store.holder(clock.instant()).orElse("(another)")
                            + " is training the contention model; try again once it is done");
                }
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for another node's training", e);
                }
            }
            try {
                return work.get();
            } finally {
                store.release(node);
            }
        } finally {
            working.unlock();
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
