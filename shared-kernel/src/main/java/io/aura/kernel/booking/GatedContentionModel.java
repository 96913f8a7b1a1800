package io.aura.kernel.booking;

import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The contention model as the ranking sees it (ADR 0050): it answers only while the last hold-out
 * evaluation says it beats both the frequency baseline and the earliest-free heuristic; otherwise
 * it answers nothing and suggestions rank by the history itself. Training and forgetting go to the
 * model behind it.
 */
public final class GatedContentionModel implements ContentionModel {
    static final Verdict NOT_EVALUATED = new Verdict(false, "not in use: not evaluated on a hold-out yet");

    private final ContentionModel model;
    private volatile Evaluation evaluation;
    private volatile Verdict verdict = NOT_EVALUATED;

    public GatedContentionModel(ContentionModel model) {
        this.model = model;
    }

    /** Applies the rule to a new evaluation: the model is used from now on only if it beats both. */
    public Verdict judge(Evaluation evaluation) {
        this.evaluation = evaluation;
        this.verdict = evaluation.verdict();
        return verdict;
    }

    public Verdict verdict() {
        return verdict;
    }

    public Optional<Evaluation> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    @Override
    public Optional<double[]> contentions(List<HourFacts> facts) {
        return verdict.useModel() ? model.contentions(facts) : Optional.empty();
    }

    @Override
    public Training train(List<PastHour> history) {
        return model.train(history);
    }

    @Override
    public void forget() {
        model.forget();
        evaluation = null;
        verdict = NOT_EVALUATED;
    }

    @Override
    public Optional<Training> lastTraining() {
        return model.lastTraining();
    }

    @Override
    public Optional<byte[]> saved() {
        return model.saved();
    }

    /**
     * Takes the model behind the gate as saved elsewhere, not judged here: out of use until judged (the old verdict was
     * on another network).
     */
    @Override
    public void load(byte[] saved, Training training) {
        load(saved, training, null, null);
    }

    /**
     * Takes a model trained and judged on another node (ADR 0055) with its evaluation and verdict as
     * that node stored them, so that every node answers alike ({@code null}s: none evaluated).
     */
    public void load(byte[] saved, Training training, Evaluation evaluation, Verdict verdict) {
        model.load(saved, training);
        this.evaluation = evaluation;
        this.verdict = verdict == null ? NOT_EVALUATED : verdict;
    }
}
