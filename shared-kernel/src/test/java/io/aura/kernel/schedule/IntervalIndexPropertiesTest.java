package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The index answers exactly what a brute-force scan answers, for generated ranges, removals and queries. */
class IntervalIndexPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    record Op(boolean remove, int key, TimeRange range) {}

    @Provide
    Arbitrary<TimeRange> ranges() {
        return Combinators.combine(Arbitraries.integers().between(0, 2_000), Arbitraries.integers().between(1, 300))
                .as((start, length) -> new TimeRange(T0.plusSeconds(60L * start), T0.plusSeconds(60L * (start + length))));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9).map(n -> n == 0),
                        Arbitraries.integers().between(0, 60), ranges())
                .as(Op::new);
        return op.list().ofMaxSize(200);
    }

    @Property(tries = 300)
    void overlapping_equals_a_linear_scan(@ForAll("operations") List<Op> ops, @ForAll("ranges") TimeRange query) {
        IntervalIndex<Integer> index = new IntervalIndex<>();
        Map<Integer, TimeRange> oracle = new HashMap<>();
        for (Op op : ops) {
            if (op.remove()) {
                index.remove(op.key());
                oracle.remove(op.key());
            } else {
                index.put(op.key(), op.range());
                oracle.put(op.key(), op.range());
            }
        }
        List<Integer> expected = new ArrayList<>();
        oracle.forEach((k, r) -> {
            if (r.overlaps(query)) expected.add(k);
        });
        List<Integer> actual = index.overlapping(query).stream().map(IntervalIndex.Entry::key).toList();

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(index.size()).isEqualTo(oracle.size());
        assertThat(index.overlapping(query).stream().map(e -> e.range().start()).toList())
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Property(tries = 200)
    void pruning_drops_exactly_the_ranges_that_ended(@ForAll("operations") List<Op> ops, @ForAll("ranges") TimeRange at) {
        IntervalIndex<Integer> index = new IntervalIndex<>();
        Map<Integer, TimeRange> oracle = new HashMap<>();
        for (Op op : ops) {
            index.put(op.key(), op.range());
            oracle.put(op.key(), op.range());
        }
        index.removeEndingBefore(at.start());
        oracle.values().removeIf(r -> !r.end().isAfter(at.start()));
        assertThat(index.all().stream().map(IntervalIndex.Entry::key).toList())
                .containsExactlyInAnyOrderElementsOf(oracle.keySet());
    }
}
