package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.contention.ContentionTraining.Trainer;
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
        ContentionTraining b = node("node-b", modelB, counted(training(FEW, FEW_WEEKS, 1)));

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

    ContentionTraining node(String name, GatedContentionModel model, Trainer trainer) {
        return new ContentionTraining(trainer, model, store, Clock.systemUTC(), name, Duration.ofHours(24),
                Duration.ofMinutes(5));
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
