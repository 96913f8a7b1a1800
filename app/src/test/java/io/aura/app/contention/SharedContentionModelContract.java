package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.contention.SharedContentionModel.StoredModel;
import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every store of the shared contention model does (ADR 0055); each adapter's test extends this with its own. */
abstract class SharedContentionModelContract {
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final Training TRAINING = new Training(true, "trained (judged by the hold-out, not by accuracy)", 4032,
            610, 0.912, 0.849, 3.27);
    static final Evaluation EVALUATION = new Evaluation(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 8), 3360,
            672, 41, true, "trained", 0.2712, 0.8815, 0.3001, 0.8602, 0.6341, null);
    static final Verdict VERDICT = new Verdict(true, "in use: beats the frequency baseline");

    abstract SharedContentionModel store();

    @Test
    void an_empty_store_has_version_0_and_no_model() {
        assertThat(store().version()).isZero();
        assertThat(store().latest()).isEmpty();
    }

    @Test
    void the_latest_model_is_read_back_with_its_network_figures_verdict_time_and_node_as_the_next_version() {
        store().save(NOW.minusSeconds(60), "node-a", new byte[] {9}, TRAINING, null, null);
        byte[] network = new byte[4096];
        new java.util.Random(3).nextBytes(network);

        StoredModel saved = store().save(NOW.plusNanos(313_501), "node-b", network, TRAINING, EVALUATION, VERDICT);

        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.trainedAt()).as("as it reads back").isEqualTo(NOW);
        assertThat(store().version()).isEqualTo(2);
        StoredModel latest = store().latest().orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.trainedAt()).isEqualTo(NOW);
        assertThat(latest.trainedBy()).isEqualTo("node-b");
        assertThat(latest.network()).isEqualTo(network);
        assertThat(latest.training()).isEqualTo(TRAINING);
        assertThat(latest.evaluation()).isEqualTo(EVALUATION);
        assertThat(latest.verdict()).isEqualTo(VERDICT);
        assertThat(latest.forgotten()).isFalse();
    }

    @Test
    void a_forgotten_version_has_no_network_training_or_verdict() {
        store().save(NOW, "node-a", new byte[] {1, 2}, TRAINING, EVALUATION, VERDICT);

        store().save(NOW.plusSeconds(5), "node-b", null, null, null, null);

        StoredModel latest = store().latest().orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.trainedBy()).isEqualTo("node-b");
        assertThat(latest.forgotten()).isTrue();
        assertThat(latest.network()).isNull();
        assertThat(latest.evaluation()).isNull();
        assertThat(latest.verdict()).isNull();
    }

    @Test
    void the_lease_is_refused_to_another_node_until_its_holder_gives_it_back_or_it_expires() {
        Duration length = Duration.ofMinutes(30);
        assertThat(store().lease("node-a", NOW, length)).isTrue();

        assertThat(store().lease("node-b", NOW.plusSeconds(1), length)).isFalse();
        assertThat(store().lease("node-a", NOW.plusSeconds(2), length)).as("extended by its holder").isTrue();
        store().release("node-b"); // not the holder: nothing
        assertThat(store().lease("node-b", NOW.plusSeconds(3), length)).isFalse();
        store().release("node-a");
        assertThat(store().lease("node-b", NOW.plusSeconds(4), length)).isTrue();
        // a holder that died: the lease is free again once it has expired
        assertThat(store().lease("node-a", NOW.plusSeconds(4).plus(length), length)).isFalse();
        assertThat(store().lease("node-a", NOW.plusSeconds(5).plus(length), length)).isTrue();
    }

    @Test
    void of_nodes_racing_for_the_lease_one_gets_it() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Boolean>> racing = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String node = "node-" + i;
                racing.add(pool.submit(() -> store().lease(node, NOW, Duration.ofMinutes(30))));
            }
            int taken = 0;
            for (Future<Boolean> f : racing) {
                taken += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
