package io.aura.kernel.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The free-slot search finds exactly what checking every grid start against every busy range finds. */
class SlotSearchPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Provide
    Arbitrary<List<TimeRange>> busy() {
        return Combinators.combine(Arbitraries.integers().between(-120, 3_000), Arbitraries.integers().between(1, 400))
                .as((start, length) -> new TimeRange(T0.plusSeconds(60L * start), T0.plusSeconds(60L * (start + length))))
                .list().ofMaxSize(40);
    }

    @Property(tries = 400)
    void free_slots_equal_a_brute_force_check_of_every_grid_start(@ForAll("busy") List<TimeRange> busy,
                                                                  @ForAll @IntRange(min = 0, max = 2_000) int windowStart,
                                                                  @ForAll @IntRange(min = 1, max = 1_500) int windowLength,
                                                                  @ForAll @IntRange(min = 5, max = 240) int length,
                                                                  @ForAll @IntRange(min = 0, max = 60) int buffer) {
        TimeRange window = new TimeRange(T0.plusSeconds(60L * windowStart), T0.plusSeconds(60L * (windowStart + windowLength)));
        Duration slotLength = Duration.ofMinutes(length);
        Duration margin = Duration.ofMinutes(buffer);

        List<TimeRange> found = SlotSearch.freeWithin(window, slotLength, busy, margin, r -> true);

        List<TimeRange> expected = new ArrayList<>();
        for (Instant s = T0.minus(Duration.ofDays(1)); s.isBefore(T0.plus(Duration.ofDays(3))); s = s.plus(FreeSlots.GRID)) {
            TimeRange candidate = new TimeRange(s, s.plus(slotLength));
            boolean inside = !s.isBefore(window.start()) && !candidate.end().isAfter(window.end());
            if (inside && busy.stream().noneMatch(b -> b.overlaps(candidate.widenedBy(margin)))) {
                expected.add(candidate);
            }
        }
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Example
    void the_rules_predicate_removes_slots_and_starts_are_on_the_quarter_hour() {
        TimeRange window = new TimeRange(Instant.parse("2026-12-01T09:07:00Z"), Instant.parse("2026-12-01T11:00:00Z"));
        List<TimeRange> found = SlotSearch.freeWithin(window, Duration.ofMinutes(30), List.of(), Duration.ZERO,
                r -> !r.start().equals(Instant.parse("2026-12-01T09:30:00Z")));

        assertThat(found).extracting(TimeRange::start).containsExactly(Instant.parse("2026-12-01T09:15:00Z"),
                Instant.parse("2026-12-01T09:45:00Z"), Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T10:15:00Z"), Instant.parse("2026-12-01T10:30:00Z"));
    }
}
