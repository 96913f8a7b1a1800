package io.aura.bench;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the JMH benchmarks and prints each result as a ratio to the baseline measured in the same run. */
public final class RunJmh {
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ConflictCheckBenchmark.class.getSimpleName())
                .build()).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("no benchmark produced a result");
        }
        Map<String, double[]> byHolds = new TreeMap<>();
        for (RunResult r : results) {
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
}
