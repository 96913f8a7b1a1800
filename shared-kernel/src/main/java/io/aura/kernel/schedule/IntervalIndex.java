package io.aura.kernel.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Ranges keyed by an id, sorted by start, answering "which ranges overlap this one" in
 * O(log n + k): only ranges that start within [query.start - longest, query.end) can overlap,
 * where longest is the longest range held. A linear scan is the oracle it is tested against.
 * Not thread-safe; an aggregate owns one.
 */
public final class IntervalIndex<K> {

    public record Entry<K>(K key, TimeRange range) {}

    private final NavigableMap<Instant, Map<K, TimeRange>> byStart = new TreeMap<>();
    private final Map<K, TimeRange> byKey = new HashMap<>();
    private final TreeMap<Duration, Integer> durations = new TreeMap<>();

    public void put(K key, TimeRange range) {
        remove(key);
        byKey.put(key, range);
        byStart.computeIfAbsent(range.start(), s -> new HashMap<>()).put(key, range);
        durations.merge(range.duration(), 1, Integer::sum);
    }

    public TimeRange remove(K key) {
        TimeRange range = byKey.remove(key);
        if (range == null) {
            return null;
        }
        Map<K, TimeRange> atStart = byStart.get(range.start());
        atStart.remove(key);
        if (atStart.isEmpty()) {
            byStart.remove(range.start());
        }
        durations.computeIfPresent(range.duration(), (d, n) -> n == 1 ? null : n - 1);
        return range;
    }

    public TimeRange get(K key) {
        return byKey.get(key);
    }

    public int size() {
        return byKey.size();
    }

    /** Every entry whose range overlaps {@code query}, ordered by start. */
    public List<Entry<K>> overlapping(TimeRange query) {
        List<Entry<K>> out = new ArrayList<>();
        if (byKey.isEmpty()) {
            return out;
        }
        Instant from = query.start().minus(durations.lastKey());
        for (Map<K, TimeRange> atStart : byStart.subMap(from, false, query.end(), false).values()) {
            for (Map.Entry<K, TimeRange> e : atStart.entrySet()) {
                if (e.getValue().overlaps(query)) {
                    out.add(new Entry<>(e.getKey(), e.getValue()));
                }
            }
        }
        return out;
    }

    /** Drops every range that ended at or before {@code instant}: past holds no longer decide anything. */
    public void removeEndingBefore(Instant instant) {
        List<K> expired = new ArrayList<>();
        for (Map<K, TimeRange> atStart : byStart.headMap(instant, false).values()) {
            for (Map.Entry<K, TimeRange> e : atStart.entrySet()) {
                if (!e.getValue().end().isAfter(instant)) {
                    expired.add(e.getKey());
                }
            }
        }
        expired.forEach(this::remove);
    }

    public List<Entry<K>> all() {
        List<Entry<K>> out = new ArrayList<>();
        byStart.values().forEach(m -> m.forEach((k, r) -> out.add(new Entry<>(k, r))));
        return out;
    }
}
