package io.aura.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints each result as a ratio to the baseline measured in the same run.
 * Arguments name the benchmarks to run ({@code conflicts}, {@code ranking}); none runs both.
 */
public final class RunJmh {
    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("conflicts", "ranking") : List.of(args);
        if (which.contains("conflicts")) {
            conflicts();
        }
        if (which.contains("ranking")) {
            ranking();
        }
    }

    private static Collection<RunResult> run(Class<?> benchmark) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(benchmark.getSimpleName())
                .build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("no benchmark produced a result");
        }
        return results;
    }

    private static void conflicts() throws Exception {
        Map<String, double[]> byHolds = new TreeMap<>();
        for (RunResult r : run(ConflictCheckBenchmark.class)) {
            String holds = r.getParams().getParam("holds");
            double score = r.getPrimaryResult().getScore();
            double[] pair = byHolds.computeIfAbsent(holds, h -> new double[2]);
            if (r.getParams().getBenchmark().endsWith("linearScanBaseline")) {
                pair[1] = score;
            } else {
                pair[0] = score;
            }
        }
        System.out.println();
        System.out.printf("%-8s %18s %18s %10s%n", "holds", "index ns/op", "linear scan ns/op", "speed-up");
        byHolds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))))
                .forEach(e -> System.out.printf("%-8s %18.1f %18.1f %9.0fx%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[1] / e.getValue()[0]));
    }

    /** p50 and p95 of ranking 100 slots, batched against per slot, and the ratio of the p95s. */
    private static void ranking() throws Exception {
        double[] batched = null;
        double[] perSlot = null;
        for (RunResult r : run(RankingBenchmark.class)) {
            var stats = r.getPrimaryResult().getStatistics();
            double[] figures = {stats.getPercentile(50), stats.getPercentile(95), stats.getN()};
            if (r.getParams().getBenchmark().endsWith("perSlotBaseline")) {
                perSlot = figures;
            } else {
                batched = figures;
            }
        }
        System.out.println();
        System.out.printf("%-36s %10s %10s %10s%n", "rank " + RankingBenchmark.SLOTS + " slots", "p50 ms", "p95 ms",
                "samples");
        System.out.printf("%-36s %10.3f %10.3f %10.0f%n", "batched (one forward pass)", batched[0], batched[1],
                batched[2]);
        System.out.printf("%-36s %10.3f %10.3f %10.0f%n", "per slot (a forward pass each)", perSlot[0], perSlot[1],
                perSlot[2]);
        System.out.printf("p95 per slot / batched: %.1fx; target p95 <= 5 ms for %d slots: %s%n",
                perSlot[1] / batched[1], RankingBenchmark.SLOTS, batched[1] <= 5 ? "met" : "NOT met");
    }
}
