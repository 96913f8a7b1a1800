package io.aura.kernel.booking;

import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A time-split hold-out of the contention model and of the ranking that uses it, as pure functions
 * (ADR 0050): a fresh model learns from the hours before a day and is tested on the hours from it
 * on, against a frequency baseline (how often that weekday-hour of that resource was mostly booked
 * in the training weeks); a ranker is tested on the choices people made in the hold-out (the slot
 * they booked after a refusal or a suggestion request) against a Graph {@code findMeetingTimes}-style
 * heuristic (free first, then earliest). {@link Evaluation#verdict()} is the one rule that decides
 * whether the model may be used.
 */
public final class ContentionEvaluation {
    /** Fewer choices than this in the hold-out compare no ranking: three or four say nothing. */
    public static final int MIN_CHOICES = 20;
    /** Predictions are clipped to [ε, 1 − ε]: one confident miss must not make the log-loss infinite. */
    static final double EPSILON = 1e-6;

    private ContentionEvaluation() {}

    /** One past hour of one resource, dated (local day): the unit a time split cuts. */
    public record DatedHour(String resourceId, LocalDate day, PastHour hour) {}

    /** A free slot someone could have been offered, with what the contention model would be asked about it. */
    public record Candidate(SlotFacts slot, HourFacts hour) {}

    /**
     * What someone chose: at {@code decidedOn} (local day), offered the {@code candidates} (free slots
     * then), they booked {@code chosenStart} on {@code chosenResourceId}.
     */
    public record Choice(LocalDate decidedOn, List<Candidate> candidates, String chosenResourceId, Instant chosenStart) {
        public Choice {
            candidates = List.copyOf(candidates);
        }

        boolean isChosen(Candidate c) {
            return c.slot().resourceId().equals(chosenResourceId) && c.slot().slot().start().equals(chosenStart);
        }
    }

    /**
     * The seam every ranking is tested through: candidates in, the same candidates best first out.
     * The live ranker ({@link #slotRanker}) and the heuristic are two of them.
     */
    @FunctionalInterface
    public interface Ranker {
        List<Candidate> rank(List<Candidate> candidates);
    }

    /** Graph's {@code findMeetingTimes} ordering: free first (every candidate here is), then earliest, then by resource. */
    public static final Ranker HEURISTIC = candidates -> candidates.stream()
            .sorted(Comparator.comparing((Candidate c) -> c.slot().slot().start())
                    .thenComparing(c -> c.slot().resourceId()))
            .toList();

    /**
     * The live ranking (ADR 0049): {@link SlotRanker} with the model asked once for all candidates and the
     * signals learned from the events before the hold-out (never from the choices it is tested on). Candidates
     * carry no approval requirement here: the choices evaluated are refusals rebooked at once.
     */
    public static Ranker slotRanker(ContentionModel model, RankingSignals signals) {
        return candidates -> {
            if (candidates.isEmpty()) {
                return candidates;
            }
            SlotFacts first = candidates.get(0).slot();
            List<SlotRanker.Candidate> ranked = new ArrayList<>(candidates.size());
            Map<String, Candidate> byKey = new HashMap<>();
            for (Candidate c : candidates) {
                SlotFacts f = c.slot();
                ranked.add(new SlotRanker.Candidate(f.resourceId(), f.slot(), f.zone(), f.capacity(), false,
                        f.usualUtilization(), c.hour().resourceLately()));
                byKey.put(f.resourceId() + "@" + f.slot().start(), c);
            }
            SlotRanker.Context context = SlotRanker.Context.search(first.window(), first.attendees(), first.near(), null);
            return SlotRanker.rank(ranked, context, signals, model).stream()
                    .map(r -> byKey.get(r.resourceId() + "@" + r.start()))
                    .toList();
        };
    }

    /** Mean binary cross-entropy of the predictions (lower is better). */
    public static double logLoss(double[] predicted, boolean[] actual) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double p = Math.max(EPSILON, Math.min(1 - EPSILON, predicted[i]));
            sum -= actual[i] ? Math.log(p) : Math.log(1 - p);
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    /**
     * Area under the ROC curve: the chance that a mostly booked hour is given a higher estimate than
     * one that was not (ties count half); NaN when the hours are all of one kind.
     */
    public static double auc(double[] predicted, boolean[] actual) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && predicted[order[j]] == predicted[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0; // ranks i+1..j share their mean
            for (int k = i; k < j; k++) {
                if (actual[order[k]]) {
                    positiveRanks += midRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = predicted.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** The share of choices whose chosen slot is among the ranker's first three; NaN without choices. */
    public static double top3HitRate(List<Choice> choices, Ranker ranker) {
        if (choices.isEmpty()) {
            return Double.NaN;
        }
        int hits = 0;
        for (Choice choice : choices) {
            List<Candidate> ranked = ranker.rank(choice.candidates());
            if (ranked.stream().limit(3).anyMatch(choice::isChosen)) {
                hits++;
            }
        }
        return hits / (double) choices.size();
    }

    /**
     * The baseline: for each resource, weekday and hour, how often it was mostly booked in the
     * training hours (add-one smoothed, so an hour seen once is not certain); an hour never seen
     * gets the training hours' overall rate.
     */
    public static double[] frequencyBaseline(List<DatedHour> training, List<DatedHour> test) {
        Map<String, int[]> counts = new HashMap<>();
        int booked = 0;
        for (DatedHour h : training) {
            int[] c = counts.computeIfAbsent(key(h), k -> new int[2]);
            c[0] += h.hour().mostlyBooked() ? 1 : 0;
            c[1]++;
            booked += h.hour().mostlyBooked() ? 1 : 0;
        }
        double overall = (booked + 1.0) / (training.size() + 2.0);
        double[] out = new double[test.size()];
        for (int i = 0; i < out.length; i++) {
            int[] c = counts.get(key(test.get(i)));
            out[i] = c == null ? overall : (c[0] + 1.0) / (c[1] + 2.0);
        }
        return out;
    }

    private static String key(DatedHour h) {
        return h.resourceId() + "|" + h.hour().facts().dayOfWeek() + "|" + h.hour().facts().hour();
    }

    /**
     * The hold-out: a model from {@code freshModel} learns from the hours before {@code holdOutFrom}
     * and is tested on the hours from it to {@code holdOutTo} (exclusive), as are the baseline and,
     * on the choices made in those days, {@code ranker} (given the freshly trained model) and the
     * heuristic. The model in use is not touched.
     */
    public static Evaluation holdOut(List<DatedHour> hours, List<Choice> choices, LocalDate holdOutFrom,
                                     LocalDate holdOutTo, Supplier<ContentionModel> freshModel,
                                     java.util.function.Function<ContentionModel, Ranker> ranker) {
        List<DatedHour> training = hours.stream().filter(h -> h.day().isBefore(holdOutFrom)).toList();
        List<DatedHour> test = hours.stream()
                .filter(h -> !h.day().isBefore(holdOutFrom) && h.day().isBefore(holdOutTo)).toList();
        List<Choice> tested = choices.stream()
                .filter(c -> !c.decidedOn().isBefore(holdOutFrom) && c.decidedOn().isBefore(holdOutTo)).toList();
        boolean[] actual = new boolean[test.size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = test.get(i).hour().mostlyBooked();
        }
        double[] baseline = frequencyBaseline(training, test);
        ContentionModel model = freshModel.get();
        ContentionModel.Training trained = model.train(training.stream().map(DatedHour::hour).toList());
        Optional<double[]> predicted = test.isEmpty() ? Optional.empty()
                : model.contentions(test.stream().map(h -> h.hour().facts()).toList());
        return new Evaluation(holdOutFrom, holdOutTo, training.size(), test.size(), tested.size(),
                trained.trained() && predicted.isPresent(), trained.reason(),
                predicted.map(p -> finite(logLoss(p, actual))).orElse(null),
                predicted.map(p -> finite(auc(p, actual))).orElse(null),
                finite(logLoss(baseline, actual)), finite(auc(baseline, actual)),
                finite(top3HitRate(tested, ranker.apply(model))), finite(top3HitRate(tested, HEURISTIC)));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : null;
    }

    /**
     * The figures of one hold-out (null where a figure is undefined: no test hours of both kinds, a
     * model that did not train, no choices). Days are local days of the resources.
     */
    public record Evaluation(LocalDate holdOutFrom, LocalDate holdOutTo, int trainingHours, int testHours,
                             int choices, boolean modelTrained, String training, Double logLoss, Double auc,
                             Double baselineLogLoss, Double baselineAuc, Double top3HitRate,
                             Double heuristicTop3HitRate) {

        /**
         * The rule (ADR 0050): the model is used only where it beats both the frequency baseline
         * (lower log-loss and higher AUC on the hold-out) and the heuristic (a higher top-3 hit rate
         * on at least {@link #MIN_CHOICES} choices). A tie is not a win.
         */
        public Verdict verdict() {
            if (!modelTrained || logLoss == null || auc == null) {
                return new Verdict(false, "not in use: no model trained on the weeks before the hold-out ("
                        + training + ")");
            }
            if (baselineLogLoss == null || baselineAuc == null) {
                return new Verdict(false, "not in use: the hold-out has no hours of both kinds to judge it on");
            }
            if (!(logLoss < baselineLogLoss && auc > baselineAuc)) {
                return new Verdict(false, "not in use: does not beat the frequency baseline on the hold-out (log-loss "
                        + logLoss + " vs " + baselineLogLoss + ", AUC " + auc + " vs " + baselineAuc + ")");
            }
            if (choices < MIN_CHOICES || top3HitRate == null || heuristicTop3HitRate == null) {
                return new Verdict(false, "not in use: beats the frequency baseline, but only " + choices
                        + " choices in the hold-out (needs " + MIN_CHOICES
                        + ") to compare its ranking with the earliest-free heuristic");
            }
            if (!(top3HitRate > heuristicTop3HitRate)) {
                return new Verdict(false, "not in use: its ranking does not beat the earliest-free heuristic (top-3 "
                        + top3HitRate + " vs " + heuristicTop3HitRate + ")");
            }
            return new Verdict(true, "in use: beats the frequency baseline (log-loss " + logLoss + " vs "
                    + baselineLogLoss + ", AUC " + auc + " vs " + baselineAuc + ") and the heuristic (top-3 "
                    + top3HitRate + " vs " + heuristicTop3HitRate + ")");
        }
    }

    /** Whether the model may be used, and why. */
    public record Verdict(boolean useModel, String reason) {}
}
