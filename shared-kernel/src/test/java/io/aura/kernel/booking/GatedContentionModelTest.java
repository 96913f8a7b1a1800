package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import io.aura.kernel.booking.ContentionModel.Training;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatedContentionModelTest {
    static final Training TRAINING = new Training(true, "trained", 100, 20, 0.9, 0.8, 1.0);
    static final Evaluation EVALUATION = new Evaluation(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 8), 3360,
            672, 41, true, "trained", 0.27, 0.88, 0.30, 0.86, 0.63, 0.5);
    static final List<HourFacts> ASKED = List.of(new HourFacts(2, 10, 8, 0.9, 0.3));

    /** A model behind the gate that answers once it holds a network. */
    static final class Loadable implements ContentionModel {
        byte[] network;
        Training training;

        @Override
        public Optional<double[]> contentions(List<HourFacts> facts) {
            return network == null ? Optional.empty() : Optional.of(new double[] {0.7});
        }

        @Override
        public Training train(List<PastHour> history) {
            return TRAINING;
        }

        @Override
        public void forget() {
            network = null;
        }

        @Override
        public Optional<Training> lastTraining() {
            return Optional.ofNullable(training);
        }

        @Override
        public void load(byte[] saved, Training training) {
            this.network = saved;
            this.training = training;
        }
    }

    @Test
    void a_model_loaded_with_its_verdict_answers_as_the_node_that_judged_it() {
        GatedContentionModel gate = new GatedContentionModel(new Loadable());

        gate.load(new byte[] {1}, TRAINING, EVALUATION, new Verdict(true, "in use: beats both"));

        assertThat(gate.verdict().useModel()).isTrue();
        assertThat(gate.evaluation()).contains(EVALUATION);
        assertThat(gate.contentions(ASKED)).isPresent();
    }

    @Test
    void a_network_loaded_without_a_verdict_is_out_of_use_until_judged_whatever_the_verdict_on_the_last_one() {
        GatedContentionModel gate = new GatedContentionModel(new Loadable());
        gate.load(new byte[] {1}, TRAINING, EVALUATION, new Verdict(true, "in use: beats both"));

        gate.load(new byte[] {2}, TRAINING);

        assertThat(gate.verdict()).isEqualTo(GatedContentionModel.NOT_EVALUATED);
        assertThat(gate.evaluation()).isEmpty();
        assertThat(gate.contentions(ASKED)).isEmpty();
        assertThat(gate.lastTraining()).contains(TRAINING);
    }
}
