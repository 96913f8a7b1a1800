package io.aura.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import io.aura.kernel.booking.ContentionModel.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Learned from the past hours of rooms whose weekday mornings fill up, it tells those hours from quiet ones. */
class NeuralContentionModelTest {

    /** Weekday 09–12 and 14–16 are wanted (mostly booked 85 % of the time), everything else rarely (5 %). */
    static boolean wanted(int day, int hour) {
        return day <= 5 && ((hour >= 9 && hour < 12) || (hour >= 14 && hour < 16));
    }

    /** Eight weeks of four rooms, each hour labelled, with what was known of the four weeks before it. */
    static List<PastHour> history(long seed, boolean labelsAtRandom) {
        Random random = new Random(seed);
        List<PastHour> rows = new ArrayList<>();
        int weeks = 12;
        for (int room = 0; room < 4; room++) {
            int capacity = 4 + room * 6;
            boolean[][][] booked = new boolean[weeks][8][24];
            for (int w = 0; w < weeks; w++) {
                for (int d = 1; d <= 7; d++) {
                    for (int h = 0; h < 24; h++) {
                        booked[w][d][h] = random.nextDouble() < (wanted(d, h) ? 0.85 : 0.05);
                    }
                }
            }
            for (int w = 4; w < weeks; w++) {
                double resource = 0;
                for (int pw = w - 4; pw < w; pw++) for (int d = 1; d <= 7; d++) for (int h = 0; h < 24; h++) {
                    resource += booked[pw][d][h] ? 1 : 0;
                }
                resource /= 4 * 7 * 24;
                for (int d = 1; d <= 7; d++) {
                    for (int h = 0; h < 24; h++) {
                        double same = 0;
                        for (int pw = w - 4; pw < w; pw++) same += booked[pw][d][h] ? 0.25 : 0;
                        boolean label = labelsAtRandom ? random.nextBoolean() : booked[w][d][h];
                        rows.add(new PastHour(new HourFacts(d, h, capacity, same, resource), label));
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void a_model_trained_on_weekday_mornings_that_fill_up_expects_them_to_be_contended_and_nights_not() {
        NeuralContentionModel model = new NeuralContentionModel();

        Training training = model.train(history(1, false));

        assertThat(training.trained()).as(training.reason()).isTrue();
        assertThat(training.validationAccuracy()).isGreaterThan(training.alwaysGuessingAccuracy());
        double tuesdayMorning = model.contention(new HourFacts(2, 10, 10, 0.75, 0.12)).orElseThrow();
        double tuesdayNight = model.contention(new HourFacts(2, 21, 10, 0.0, 0.12)).orElseThrow();
        double sundayMorning = model.contention(new HourFacts(7, 10, 10, 0.0, 0.12)).orElseThrow();
        assertThat(tuesdayMorning).isGreaterThan(0.6);
        assertThat(tuesdayNight).isLessThan(0.2);
        assertThat(sundayMorning).isLessThan(0.3);
        double[] together = model.contentions(List.of(new HourFacts(2, 10, 10, 0.75, 0.12),
                new HourFacts(7, 10, 10, 0.0, 0.12))).orElseThrow();
        assertThat(together[0]).as("one pass gives what one row gives").isCloseTo(tuesdayMorning, within(1e-6));
        assertThat(together[1]).isCloseTo(sundayMorning, within(1e-6));
        System.out.printf("contention model: %d rows, validation accuracy %.3f vs %.3f always guessing, %.1f s;"
                        + " Tue 10:00 %.2f, Tue 21:00 %.2f, Sun 10:00 %.2f%n", training.rows(),
                training.validationAccuracy(), training.alwaysGuessingAccuracy(), training.seconds(), tuesdayMorning,
                tuesdayNight, sundayMorning);
    }

    @Test
    void with_too_little_history_nothing_is_trained_and_nothing_is_predicted() {
        NeuralContentionModel model = new NeuralContentionModel();

        Training training = model.train(history(2, false).subList(0, 150));

        assertThat(training.trained()).isFalse();
        assertThat(training.reason()).startsWith("too little history");
        assertThat(model.contention(new HourFacts(2, 10, 10, 0.75, 0.12))).isEmpty();
        assertThat(model.contentions(List.of(new HourFacts(2, 10, 10, 0.75, 0.12)))).isEmpty();
    }

    @Test
    void a_network_no_better_than_guessing_is_not_used() {
        NeuralContentionModel model = new NeuralContentionModel();

        Training training = model.train(history(3, true));

        assertThat(training.trained()).as(training.reason()).isFalse();
        assertThat(model.contention(new HourFacts(2, 10, 10, 0.75, 0.12))).isEmpty();
    }

    @Test
    void a_network_saved_by_one_model_and_loaded_by_another_answers_as_the_trained_one() {
        NeuralContentionModel trained = new NeuralContentionModel();
        Training training = trained.train(history(4, false));
        NeuralContentionModel loaded = new NeuralContentionModel();
        List<HourFacts> asked = List.of(new HourFacts(2, 10, 10, 0.75, 0.12), new HourFacts(7, 22, 4, 0, 0.1));

        loaded.load(trained.saved().orElseThrow(), training);

        assertThat(loaded.contentions(asked).orElseThrow()).containsExactly(trained.contentions(asked).orElseThrow());
        assertThat(loaded.lastTraining()).contains(training);
        loaded.load(null, null);
        assertThat(loaded.contentions(asked)).isEmpty();
        assertThat(new NeuralContentionModel().saved()).isEmpty();
    }
}
