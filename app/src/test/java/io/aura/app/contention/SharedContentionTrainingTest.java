package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.aura.app.contention.ContentionTraining.Trainer;
import io.aura.app.contention.SharedContentionModel.StoredModel;
import io.aura.app.storage.SqliteTestDatabase;
import io.aura.kernel.booking.ContentionEvaluation;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.Training;
import io.aura.kernel.booking.GatedContentionModel;
import io.aura.kernel.booking.RankingSignals;
import io.aura.ml.GeneratedHistory;
import io.aura.ml.NeuralContentionModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes' trainings on one store (ADR 0055), each with its own DL4J network behind its own gate, trained on a
 * generated history and judged on its last two weeks: the model is trained once, and both nodes use the same version.
 */
class SharedContentionTrainingTest {
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 6, 1);
    static final int WEEKS = 12;
    static final GeneratedHistory HISTORY = GeneratedHistory.generate(21, WEEKS, FIRST_MONDAY);
    /** Where only who trains matters: fewer weeks, a shorter training. */
    static final int FEW_WEEKS = 5;
    static final GeneratedHistory FEW = GeneratedHistory.generate(21, FEW_WEEKS, FIRST_MONDAY);
    static final List<HourFacts> ASKED = List.of(new HourFacts(2, 10, 8, 0.9, 0.3), new HourFacts(6, 3, 8, 0, 0.3),
            new HourFacts(3, 15, 20, 0.5, 0.4));

    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlSharedContentionModel store;
    AtomicInteger trainings = new AtomicInteger();
    GatedContentionModel modelA = new GatedContentionModel(NeuralContentionModel.judgedByHoldOut());
    GatedContentionModel modelB = new GatedContentionModel(NeuralContentionModel.judgedByHoldOut());

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlSharedContentionModel(database.writer, database.reader, database.transactions,
                JsonMapper.builder().build()).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void the_node_that_starts_second_loads_the_model_the_first_trained_and_ranks_as_it_does() {
        ContentionTraining a = node("node-a", modelA, counted(training(HISTORY, WEEKS, 2)));
        ContentionTraining b = node("node-b", modelB, counted(training(HISTORY, WEEKS, 2)));

        long trainingStarted = System.nanoTime();
        a.loadOrTrain();
        long trainingNanos = System.nanoTime() - trainingStarted;
        long loadingStarted = System.nanoTime();
        b.loadOrTrain();
        long loadingNanos = System.nanoTime() - loadingStarted;

        assertThat(trainings).hasValue(1);
        assertThat(b.inUse().orElseThrow().version()).isEqualTo(a.inUse().orElseThrow().version()).isEqualTo(1);
        assertThat(b.inUse().orElseThrow().trainedBy()).isEqualTo("node-a");
        assertThat(modelB.verdict()).isEqualTo(modelA.verdict());
        assertThat(modelB.evaluation()).isEqualTo(modelA.evaluation());
        assertThat(modelB.lastTraining()).isEqualTo(modelA.lastTraining());
        assertThat(modelB.contentions(ASKED)).as("the same network").hasValueSatisfying(p ->
                assertThat(p).containsExactly(modelA.contentions(ASKED).orElseThrow()));
        System.out.printf("Shared contention model: %d bytes; trained and judged in %d ms, loaded from the store in "
                        + "%d ms; %s%n", store.latest().orElseThrow().network().length, trainingNanos / 1_000_000,
                loadingNanos / 1_000_000, modelA.verdict().reason());
    }

    @Test
    void a_node_asked_to_train_while_another_holds_the_lease_waits_and_takes_that_nodes_model() throws Exception {
        CountDownLatch aIsTraining = new CountDownLatch(1);
        CountDownLatch letAFinish = new CountDownLatch(1);
        Trainer slow = (model, now) -> {
            aIsTraining.countDown();
            await(letAFinish);
            return training(FEW, FEW_WEEKS, 1).trainAndJudge(model, now);
        };
        ContentionTraining a = node("node-a", modelA, counted(slow));
        ContentionTraining b = node("node-b", modelB, counted(training(FEW, FEW_WEEKS, 1)), Duration.ofMinutes(2));

        CompletableFuture<Training> onA = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> onA.complete(a.train()));
        await(aIsTraining);
        CompletableFuture<Training> onB = new CompletableFuture<>();
        Thread waiting = Thread.ofPlatform().start(() -> onB.complete(b.train()));
        // B sleeps between its asks for the lease A holds
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> waiting.getState() == Thread.State.TIMED_WAITING);
        letAFinish.countDown();

        assertThat(onB.get(2, TimeUnit.MINUTES)).isEqualTo(onA.get(2, TimeUnit.MINUTES));
        assertThat(trainings).hasValue(1);
        assertThat(b.inUse().orElseThrow().version()).isEqualTo(a.inUse().orElseThrow().version()).isEqualTo(1);
        assertThat(modelB.verdict()).isEqualTo(modelA.verdict());
        assertThat(modelB.lastTraining()).isEqualTo(modelA.lastTraining());
    }

    @Test
    void a_retraining_on_one_node_is_taken_by_the_other_at_its_next_look_and_so_is_a_forgetting() {
        ContentionTraining a = node("node-a", modelA, counted(training(FEW, FEW_WEEKS, 1)));
        ContentionTraining b = node("node-b", modelB, counted(training(FEW, FEW_WEEKS, 1)));
        a.loadOrTrain();
        b.loadOrTrain();

        b.train();
        a.takeANewerVersion();

        assertThat(trainings).hasValue(2);
        assertThat(a.inUse().orElseThrow().version()).isEqualTo(2);
        assertThat(a.inUse().orElseThrow().trainedBy()).isEqualTo("node-b");
        assertThat(modelA.lastTraining()).isEqualTo(modelB.lastTraining());

        a.forget();
        b.takeANewerVersion();

        assertThat(b.inUse().orElseThrow().version()).isEqualTo(3);
        assertThat(modelB.contentions(ASKED)).isEmpty();
        assertThat(modelB.lastTraining()).isEmpty();
        // and a node starting after a forgetting trains again, as one node did before
        ContentionTraining c = node("node-c", new GatedContentionModel(NeuralContentionModel.judgedByHoldOut()),
                counted(training(FEW, FEW_WEEKS, 1)));
        c.loadOrTrain();
        assertThat(trainings).hasValue(3);
        assertThat(c.inUse().orElseThrow().version()).isEqualTo(4);
    }

    @Test
    void an_administrator_asking_while_another_node_trains_longer_than_the_wait_is_refused_naming_that_node()
            throws Exception {
        CountDownLatch aIsTraining = new CountDownLatch(1);
        CountDownLatch letAFinish = new CountDownLatch(1);
        ContentionTraining a = node("node-a", modelA, (model, now) -> {
            aIsTraining.countDown();
            await(letAFinish);
            return training(FEW, FEW_WEEKS, 1).trainAndJudge(model, now);
        });
        ContentionTraining b = node("node-b", modelB, counted(training(FEW, FEW_WEEKS, 1)));
        CompletableFuture<Training> onA = onAThread(a::train);
        await(aIsTraining);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertThatThrownBy(b::train).isInstanceOf(SharedContentionModel.Busy.class)
                        .hasMessageContaining("node-a");
                assertThatThrownBy(b::forget).isInstanceOf(SharedContentionModel.Busy.class)
                        .hasMessageContaining("node-a");
            });
            assertThat(trainings).hasValue(0);
            assertThat(store.version()).as("nothing stored by B").isZero();
        } finally {
            letAFinish.countDown();
        }
        assertThat(onA.get(2, TimeUnit.MINUTES).trained()).isTrue();
        assertThat(store.version()).isEqualTo(1);
    }

    @Test
    void a_forgetting_asked_while_another_node_trains_waits_for_it_and_is_not_undone_by_its_model() throws Exception {
        CountDownLatch aIsTraining = new CountDownLatch(1);
        CountDownLatch letAFinish = new CountDownLatch(1);
        ContentionTraining a = node("node-a", modelA, (model, now) -> {
            aIsTraining.countDown();
            await(letAFinish);
            return training(FEW, FEW_WEEKS, 1).trainAndJudge(model, now);
        });
        ContentionTraining b = node("node-b", modelB, counted(training(FEW, FEW_WEEKS, 1)), Duration.ofMinutes(2));
        CompletableFuture<Training> onA = onAThread(a::train);
        await(aIsTraining);
        CompletableFuture<Training> onB = onAThread(() -> {
            b.forget();
            return null;
        });
        try {
            // B waits for A's lease, storing nothing meanwhile
            org.awaitility.Awaitility.await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> !onB.isDone() && store.version() == 0);
        } finally {
            letAFinish.countDown();
        }
        onA.get(2, TimeUnit.MINUTES);
        onB.get(2, TimeUnit.MINUTES);

        StoredModel latest = store.latest().orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.trainedBy()).isEqualTo("node-b");
        assertThat(latest.forgotten()).as("the forgetting came last").isTrue();
        a.takeANewerVersion();
        assertThat(modelA.contentions(ASKED)).isEmpty();
        assertThat(modelA.verdict().useModel()).isFalse();
    }

    @Test
    void a_newer_version_seen_while_this_node_trains_does_not_replace_the_network_it_is_training() throws Exception {
        CountDownLatch aHasLearned = new CountDownLatch(1);
        CountDownLatch letAJudge = new CountDownLatch(1);
        ContentionTraining a = node("node-a", modelA, (model, now) -> {
            Training trained = model.train(FEW.hours().stream().map(DatedHour::hour).toList());
            aHasLearned.countDown();
            await(letAJudge);
            model.judge(ContentionEvaluation.holdOut(FEW.hours(), FEW.choices(), FIRST_MONDAY.plusWeeks(FEW_WEEKS - 1),
                    FIRST_MONDAY.plusWeeks(FEW_WEEKS), NeuralContentionModel::judgedByHoldOut,
                    m -> ContentionEvaluation.slotRanker(m, RankingSignals.NONE)));
            return trained;
        });
        CompletableFuture<Training> onA = onAThread(a::train);
        await(aHasLearned);
        // a forgetting stored by a node whose lease had expired, seen by A's poll in the middle of its training
        store.save(Instant.now(), "node-x", null, null, null, null);
        a.takeANewerVersion();
        letAJudge.countDown();

        assertThat(onA.get(2, TimeUnit.MINUTES).trained()).isTrue();
        StoredModel latest = store.latest().orElseThrow();
        assertThat(latest.trainedBy()).isEqualTo("node-a");
        assertThat(latest.network()).as("the network A trained").isNotNull();
        assertThat(modelA.saved()).hasValue(latest.network());
    }

    @Test
    void a_version_this_node_cannot_load_is_tried_once_until_a_newer_one_is_stored() {
        AtomicInteger loads = new AtomicInteger();
        GatedContentionModel unloadable = new GatedContentionModel(new io.aura.kernel.booking.ContentionModel() {
            @Override
            public java.util.Optional<double[]> contentions(List<HourFacts> facts) {
                return java.util.Optional.empty();
            }

            @Override
            public Training train(List<io.aura.kernel.booking.ContentionModel.PastHour> history) {
                throw new UnsupportedOperationException("no native backend");
            }

            @Override
            public void forget() {}

            @Override
            public java.util.Optional<Training> lastTraining() {
                return java.util.Optional.empty();
            }

            @Override
            public void load(byte[] saved, Training training) {
                loads.incrementAndGet();
                throw new UnsatisfiedLinkError("no native backend");
            }
        });
        ContentionTraining c = node("node-c", unloadable, counted(training(FEW, FEW_WEEKS, 1)));
        Training stored = new Training(true, "trained", 100, 20, 0.9, 0.8, 1.0);
        store.save(Instant.now(), "node-a", new byte[] {1}, stored, null, null);

        c.takeANewerVersion();
        c.takeANewerVersion();
        c.takeANewerVersion();

        assertThat(loads).hasValue(1);
        assertThat(c.inUse()).isEmpty();
        store.save(Instant.now(), "node-a", new byte[] {2}, stored, null, null);
        c.takeANewerVersion();
        c.takeANewerVersion();
        assertThat(loads).hasValue(2);
    }

    static <T> CompletableFuture<T> onAThread(java.util.function.Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                done.complete(work.get());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    ContentionTraining node(String name, GatedContentionModel model, Trainer trainer) {
        return node(name, model, trainer, Duration.ofMillis(300));
    }

    ContentionTraining node(String name, GatedContentionModel model, Trainer trainer, Duration adminWait) {
        return new ContentionTraining(trainer, model, store, Clock.systemUTC(), name, Duration.ofHours(24),
                Duration.ofMinutes(5), adminWait);
    }

    Trainer counted(Trainer trainer) {
        return (model, now) -> {
            trainings.incrementAndGet();
            return trainer.trainAndJudge(model, now);
        };
    }

    /** As the application trains: on every week, judged on the last {@code holdOutWeeks}. */
    static Trainer training(GeneratedHistory history, int weeks, int holdOutWeeks) {
        return (model, now) -> {
            Training trained = model.train(history.hours().stream().map(DatedHour::hour).toList());
            model.judge(ContentionEvaluation.holdOut(history.hours(), history.choices(),
                    FIRST_MONDAY.plusWeeks(weeks - holdOutWeeks), FIRST_MONDAY.plusWeeks(weeks),
                    NeuralContentionModel::judgedByHoldOut, m -> ContentionEvaluation.slotRanker(m, RankingSignals.NONE)));
            return trained;
        };
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(2, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
