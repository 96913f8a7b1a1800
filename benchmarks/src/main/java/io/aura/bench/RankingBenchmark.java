package io.aura.bench;

import io.aura.kernel.booking.ContentionEvaluation;
import io.aura.kernel.booking.ContentionEvaluation.Candidate;
import io.aura.kernel.booking.ContentionEvaluation.Ranker;
import io.aura.kernel.booking.ContentionModel;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SlotRanking;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.ml.GeneratedHistory;
import io.aura.ml.NeuralContentionModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking 100 candidate slots with the DL4J contention model (ADR 0050): batched, the model asked
 * about all of them in one forward pass ({@code contentions(list)}), against the baseline of one
 * call (one forward pass) per slot; both then score and sort the same way. Sample time, so that
 * RunJmh can print the p95. The model is trained once, on the generated history, before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RankingBenchmark {
    static final int SLOTS = 100;

    private List<Candidate> candidates;
    private Ranker batched;
    private ContentionModel model;

    @Setup
    public void setUp() {
        GeneratedHistory history = GeneratedHistory.generate(21, 12, LocalDate.of(2026, 6, 1));
        model = NeuralContentionModel.judgedByHoldOut();
        model.train(history.hours().stream().map(h -> h.hour()).toList());
        candidates = history.candidates(SLOTS);
        if (candidates.size() != SLOTS || model.contentions(List.of(candidates.getFirst().hour())).isEmpty()) {
            throw new IllegalStateException("no trained model or fewer than " + SLOTS + " candidates");
        }
        batched = ContentionEvaluation.slotRanker(model, RankingSignals.NONE);
    }

    @Benchmark
    public List<Candidate> batched() {
        return batched.rank(candidates);
    }

    @Benchmark
    public List<RankedSlot> perSlotBaseline() {
        List<RankedSlot> scored = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            SlotFacts f = c.slot();
            double p = model.contention(c.hour()).orElseThrow(); // one forward pass per slot
            scored.add(SlotRanking.score(new SlotFacts(f.resourceId(), f.slot(), f.window(), f.zone(), f.capacity(),
                    f.attendees(), f.usualUtilization(), f.near(), p)));
        }
        return SlotRanking.best(scored, scored.size());
    }
}
