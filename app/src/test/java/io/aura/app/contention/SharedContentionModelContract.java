package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void a_version_in_use_without_a_network_is_refused_and_nothing_is_stored() {
        store().save(NOW, "node-a", new byte[] {1, 2}, TRAINING, EVALUATION, VERDICT);

        assertThatThrownBy(() -> store().save(NOW.plusSeconds(5), "node-b", null, TRAINING, EVALUATION, VERDICT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network");
        assertThatThrownBy(() -> store().save(NOW.plusSeconds(5), "node-b", new byte[0], TRAINING, EVALUATION,
                VERDICT)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store().version()).isEqualTo(1);
        // out of use, a version may have no network (too little history to train one)
        store().save(NOW.plusSeconds(6), "node-b", null, TRAINING, EVALUATION, new Verdict(false, "not in use"));
        assertThat(store().version()).isEqualTo(2);
    }

    @Test
    void two_nodes_saving_at_once_both_store_as_consecutive_versions() throws Exception {
        store().save(NOW, "node-a", new byte[] {1}, TRAINING, EVALUATION, VERDICT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.List<Future<StoredModel>> saving = new java.util.ArrayList<>();
            for (String node : java.util.List.of("node-a", "node-b")) {
                saving.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return store().save(NOW.plusSeconds(1), node, null, null, null, null);
                }));
            }
            java.util.Set<Long> versions = new java.util.HashSet<>();
            for (Future<StoredModel> f : saving) {
                versions.add(f.get(30, TimeUnit.SECONDS).version());
            }

            assertThat(versions).containsExactlyInAnyOrder(2L, 3L);
            assertThat(store().version()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_lease_names_its_holder_until_it_is_given_back_or_expires() {
        assertThat(store().holder(NOW)).isEmpty();
        store().lease("node-a", NOW, Duration.ofMinutes(30));

        assertThat(store().holder(NOW.plusSeconds(1))).contains("node-a");
        assertThat(store().holder(NOW.plus(Duration.ofMinutes(31)))).as("expired").isEmpty();
        store().release("node-a");
        assertThat(store().holder(NOW.plusSeconds(2))).isEmpty();
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
