package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aura.kernel.booking.ContentionEvaluation.Candidate;
import io.aura.kernel.booking.ContentionEvaluation.Choice;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentionEvaluationTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void log_loss_is_the_mean_cross_entropy_and_a_confident_miss_stays_finite() {
        assertThat(ContentionEvaluation.logLoss(new double[] {0.5, 0.5}, new boolean[] {true, false}))
                .isCloseTo(Math.log(2), within(1e-9));
        assertThat(ContentionEvaluation.logLoss(new double[] {0.9, 0.2}, new boolean[] {true, false}))
                .isCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, within(1e-9));
        assertThat(ContentionEvaluation.logLoss(new double[] {0.0}, new boolean[] {true})).isFinite();
    }

    @Test
    void auc_is_one_when_every_booked_hour_is_ranked_above_every_free_one_and_a_half_for_a_constant() {
        boolean[] actual = {false, true, false, true};
        assertThat(ContentionEvaluation.auc(new double[] {0.1, 0.8, 0.3, 0.7}, actual)).isEqualTo(1.0);
        assertThat(ContentionEvaluation.auc(new double[] {0.8, 0.1, 0.7, 0.3}, actual)).isEqualTo(0.0);
        assertThat(ContentionEvaluation.auc(new double[] {0.4, 0.4, 0.4, 0.4}, actual)).isEqualTo(0.5);
        // one booked (0.6) over two free (0.2, 0.6 tied): 1 + 0.5 of 2 pairs
        assertThat(ContentionEvaluation.auc(new double[] {0.2, 0.6, 0.6}, new boolean[] {false, true, false}))
                .isEqualTo(0.75);
        assertThat(ContentionEvaluation.auc(new double[] {0.2, 0.6}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void the_baseline_is_how_often_that_weekday_hour_of_that_resource_was_mostly_booked_in_training() {
        List<DatedHour> training = List.of(hour("A", MONDAY, 10, true), hour("A", MONDAY.plusWeeks(1), 10, true),
                hour("A", MONDAY.plusWeeks(2), 10, false), hour("B", MONDAY, 10, false));
        List<DatedHour> test = List.of(hour("A", MONDAY.plusWeeks(3), 10, true), hour("B", MONDAY.plusWeeks(3), 10, false),
                hour("C", MONDAY.plusWeeks(3), 10, false));

        double[] p = ContentionEvaluation.frequencyBaseline(training, test);

        assertThat(p[0]).isEqualTo(3 / 5.0); // (2 + 1) / (3 + 2)
        assertThat(p[1]).isEqualTo(1 / 3.0); // (0 + 1) / (1 + 2)
        assertThat(p[2]).isEqualTo(3 / 6.0); // never seen: the overall (2 + 1) / (4 + 2)
    }

    @Test
    void the_heuristic_offers_the_earliest_free_slots_and_the_hit_rate_counts_choices_among_the_first_three() {
        Choice tookTheEarliest = choice("A", "08:00");
        Choice tookTheLast = choice("B", "12:00");

        assertThat(ContentionEvaluation.HEURISTIC.rank(tookTheEarliest.candidates()).getFirst().slot().resourceId())
                .isEqualTo("A");
        assertThat(ContentionEvaluation.top3HitRate(List.of(tookTheEarliest, tookTheLast), ContentionEvaluation.HEURISTIC))
                .isEqualTo(0.5);
        assertThat(ContentionEvaluation.top3HitRate(List.of(), ContentionEvaluation.HEURISTIC)).isNaN();
    }

    @Test
    void the_live_ranking_asks_the_model_once_for_all_candidates_and_ranks_a_predicted_quiet_hour_higher() {
        List<Integer> batches = new ArrayList<>();
        // a model that expects 08:00–09:59 to fill and the rest to stay quiet
        ContentionModel model = new FixedModel(f -> f.hour() < 10 ? 0.95 : 0.05, batches);
        Choice choice = choice("A", "10:00");

        List<Candidate> ranked = ContentionEvaluation.slotRanker(model, RankingSignals.NONE).rank(choice.candidates());

        assertThat(batches).containsExactly(choice.candidates().size());
        assertThat(ranked).hasSameSizeAs(choice.candidates());
        assertThat(ranked.getFirst().slot().slot().start()).isEqualTo(at("10:00"));
    }

    @Test
    void the_hold_out_trains_on_the_weeks_before_it_only_and_tests_on_the_weeks_from_it() {
        List<DatedHour> hours = new ArrayList<>();
        for (int week = 0; week < 6; week++) {
            for (int h = 0; h < 24; h++) {
                hours.add(hour("A", MONDAY.plusWeeks(week), h, h >= 9 && h < 12));
            }
        }
        List<Integer> trainedOn = new ArrayList<>();
        FixedModel model = new FixedModel(f -> f.hour() >= 9 && f.hour() < 12 ? 0.9 : 0.1, new ArrayList<>()) {
            @Override
            public Training train(List<PastHour> history) {
                trainedOn.add(history.size());
                return new Training(true, "trained", history.size(), 0, 1, 0.5, 0);
            }
        };

        Evaluation e = ContentionEvaluation.holdOut(hours, List.of(), MONDAY.plusWeeks(4), MONDAY.plusWeeks(6),
                () -> model, m -> ContentionEvaluation.slotRanker(m, RankingSignals.NONE));

        assertThat(trainedOn).containsExactly(4 * 24);
        assertThat(e.trainingHours()).isEqualTo(4 * 24);
        assertThat(e.testHours()).isEqualTo(2 * 24);
        assertThat(e.auc()).isEqualTo(1.0);
        assertThat(e.baselineAuc()).isEqualTo(1.0);
        assertThat(e.logLoss()).isLessThan(e.baselineLogLoss()); // 0.9 / 0.1 against (4+1)/(4+2) and 1/6
        assertThat(e.top3HitRate()).isNull();
        // an AUC tied with the baseline's is not a win
        assertThat(e.verdict().reason()).startsWith("not in use: does not beat the frequency baseline");
    }

    @Test
    void the_model_is_used_only_where_it_beats_both_the_baseline_and_the_heuristic() {
        assertThat(evaluation(0.40, 0.80, 0.50, 0.70, 0.6, 0.3).verdict().useModel()).isTrue();
        // worse log-loss than the baseline
        assertThat(evaluation(0.55, 0.80, 0.50, 0.70, 0.6, 0.3).verdict().reason())
                .startsWith("not in use: does not beat the frequency baseline");
        // better log-loss, worse AUC
        assertThat(evaluation(0.40, 0.65, 0.50, 0.70, 0.6, 0.3).verdict().useModel()).isFalse();
        // beats the baseline, ties the heuristic: a tie is not a win
        assertThat(evaluation(0.40, 0.80, 0.50, 0.70, 0.3, 0.3).verdict().reason())
                .startsWith("not in use: its ranking does not beat");
        // too few choices to tell
        Evaluation few = new Evaluation(MONDAY, MONDAY.plusWeeks(2), 100, 100, ContentionEvaluation.MIN_CHOICES - 1,
                true, "trained", 0.40, 0.80, 0.50, 0.70, 0.9, 0.1);
        assertThat(few.verdict().useModel()).isFalse();
        // no model
        Evaluation none = new Evaluation(MONDAY, MONDAY.plusWeeks(2), 100, 100, 50, false, "too little history",
                null, null, 0.50, 0.70, 0.3, 0.3);
        assertThat(none.verdict().reason()).contains("too little history");
    }

    @Test
    void a_gated_model_answers_only_after_an_evaluation_says_it_beats_both() {
        GatedContentionModel gated = new GatedContentionModel(new FixedModel(f -> 0.7, new ArrayList<>()));
        List<HourFacts> one = List.of(new HourFacts(1, 10, 8, 0.5, 0.2));

        assertThat(gated.contentions(one)).isEmpty();
        gated.judge(evaluation(0.40, 0.80, 0.50, 0.70, 0.6, 0.3));
        assertThat(gated.contentions(one)).hasValueSatisfying(p -> assertThat(p).containsExactly(0.7));
        gated.judge(evaluation(0.60, 0.80, 0.50, 0.70, 0.6, 0.3));
        assertThat(gated.contentions(one)).isEmpty();
        assertThat(gated.verdict().useModel()).isFalse();
    }

    static Evaluation evaluation(double logLoss, double auc, double baselineLogLoss, double baselineAuc, double top3,
                                 double heuristicTop3) {
        return new Evaluation(MONDAY, MONDAY.plusWeeks(2), 1000, 300, 40, true, "trained", logLoss, auc,
                baselineLogLoss, baselineAuc, top3, heuristicTop3);
    }

    static DatedHour hour(String resource, LocalDate day, int hour, boolean booked) {
        return new DatedHour(resource, day, new PastHour(new HourFacts(day.getDayOfWeek().getValue(), hour, 8, 0, 0),
                booked));
    }

    static Instant at(String time) {
        return MONDAY.atTime(java.time.LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
    }

    /** Free hours 08:00–12:00 in rooms A and B of the same size; the requester took {@code resource} at {@code time}. */
    static Choice choice(String resource, String time) {
        TimeRange day = new TimeRange(at("08:00"), at("13:00"));
        List<Candidate> candidates = new ArrayList<>();
        for (String room : List.of("B", "A")) {
            for (int h = 8; h < 13; h++) {
                Instant start = MONDAY.atTime(h, 0).toInstant(ZoneOffset.UTC);
                candidates.add(new Candidate(new SlotFacts(room, new TimeRange(start, start.plusSeconds(3600)), day,
                        ZoneOffset.UTC, 8, 8, null, null), new HourFacts(1, h, 8, 0, 0)));
            }
        }
        return new Choice(MONDAY, candidates, resource, at(time));
    }

    /** A model with fixed answers, counting how many hours each call asked about. */
    static class FixedModel implements ContentionModel {
        private final java.util.function.ToDoubleFunction<HourFacts> answer;
        private final List<Integer> batches;

        FixedModel(java.util.function.ToDoubleFunction<HourFacts> answer, List<Integer> batches) {
            this.answer = answer;
            this.batches = batches;
        }

        @Override
        public Optional<double[]> contentions(List<HourFacts> facts) {
            batches.add(facts.size());
            return Optional.of(facts.stream().mapToDouble(answer).toArray());
        }

        @Override
        public Training train(List<PastHour> history) {
            return new Training(true, "trained", history.size(), 0, 1, 0.5, 0);
        }

        @Override
        public void forget() {}

        @Override
        public Optional<Training> lastTraining() {
            return Optional.empty();
        }
    }
}
