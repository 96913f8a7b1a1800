package io.aura.bench;

import io.aura.kernel.schedule.IntervalIndex;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The schedule's conflict check (IntervalIndex.overlapping) against the baseline it replaces, a
 * linear scan over the same holds, at 1 k, 10 k and 100 k holds. Holds are 30–120 minutes, back to
 * back with random gaps, like a busy room's future; queries are random one-hour slots among them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConflictCheckBenchmark {
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    @Param({"1000", "10000", "100000"})
    int holds;

    private final IntervalIndex<Integer> index = new IntervalIndex<>();
    private final List<TimeRange> list = new ArrayList<>();
    private TimeRange[] queries;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        Instant cursor = T0;
        for (int i = 0; i < holds; i++) {
            cursor = cursor.plus(Duration.ofMinutes(random.nextInt(60)));
            TimeRange range = new TimeRange(cursor, cursor.plus(Duration.ofMinutes(30 + random.nextInt(91))));
            index.put(i, range);
            list.add(range);
            cursor = range.end();
        }
        long span = Duration.between(T0, cursor).toMinutes();
        queries = new TimeRange[1024];
        for (int i = 0; i < queries.length; i++) {
            Instant start = T0.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
            queries[i] = new TimeRange(start, start.plus(Duration.ofHours(1)));
        }
    }

    @Benchmark
    public void intervalIndex(Blackhole bh) {
        bh.consume(index.overlapping(queries[next++ & 1023]));
    }

    @Benchmark
    public void linearScanBaseline(Blackhole bh) {
        TimeRange query = queries[next++ & 1023];
        List<TimeRange> out = new ArrayList<>();
        for (TimeRange range : list) {
            if (range.overlaps(query)) {
                out.add(range);
            }
        }
        bh.consume(out);
    }
}
