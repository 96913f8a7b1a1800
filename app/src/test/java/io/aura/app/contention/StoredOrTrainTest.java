package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.contention.SharedContentionModel.StoredModel;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a node takes the stored contention model instead of training (ADR 0055). */
class StoredOrTrainTest {
    static final Instant NOW = Instant.parse("2026-12-07T03:30:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final Training TRAINING = new Training(true, "trained", 100, 20, 0.9, 0.8, 1.0);

    static Optional<StoredModel> trained(long version, Duration ago) {
        return Optional.of(new StoredModel(version, NOW.minus(ago), "node-a", new byte[] {1}, TRAINING, null,
                new Verdict(false, "not in use")));
    }

    static Optional<StoredModel> forgotten(long version, Duration ago) {
        return Optional.of(new StoredModel(version, NOW.minus(ago), "node-a", null, null, null, null));
    }

    @Test
    void nothing_stored_is_a_training() {
        assertThat(StoredOrTrain.stored(Optional.empty(), StoredOrTrain.NOT_WAITED, NOW, DAY)).isEmpty();
    }

    @Test
    void a_model_younger_than_the_age_is_taken_and_one_as_old_or_older_is_not() {
        assertThat(StoredOrTrain.stored(trained(3, Duration.ofHours(23)), StoredOrTrain.NOT_WAITED, NOW, DAY))
                .hasValueSatisfying(m -> assertThat(m.version()).isEqualTo(3));
        assertThat(StoredOrTrain.stored(trained(3, DAY), StoredOrTrain.NOT_WAITED, NOW, DAY)).isEmpty();
        assertThat(StoredOrTrain.stored(trained(3, Duration.ofDays(3)), StoredOrTrain.NOT_WAITED, NOW, DAY)).isEmpty();
    }

    @Test
    void a_forgotten_version_is_never_taken_however_young_or_new() {
        assertThat(StoredOrTrain.stored(forgotten(3, Duration.ofMinutes(1)), StoredOrTrain.NOT_WAITED, NOW, DAY))
                .isEmpty();
        assertThat(StoredOrTrain.stored(forgotten(3, Duration.ofMinutes(1)), 2, NOW, Duration.ZERO)).isEmpty();
    }

    @Test
    void an_old_model_stored_by_another_node_while_this_one_waited_for_the_lease_is_taken() {
        assertThat(StoredOrTrain.stored(trained(3, Duration.ofMinutes(1)), 2, NOW, Duration.ZERO)).isPresent();
        assertThat(StoredOrTrain.stored(trained(3, Duration.ofDays(3)), 2, NOW, DAY)).isPresent();
        // an administrator's training with no other stored meanwhile: trains, however young the model
        assertThat(StoredOrTrain.stored(trained(3, Duration.ofMinutes(1)), 3, NOW, Duration.ZERO)).isEmpty();
    }
}
