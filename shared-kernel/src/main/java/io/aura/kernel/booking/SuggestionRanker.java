package io.aura.kernel.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the free slots offered after a refusal, best first. The default prefers the highest
 * score (nearest in time; the same slot elsewhere scores 0.9); a learned ranking plugs in here.
 */
@FunctionalInterface
public interface SuggestionRanker {
    List<Suggestion> rank(BookingView refused, List<Suggestion> candidates);

    SuggestionRanker BY_SCORE = (refused, candidates) -> candidates.stream()
            .sorted(Comparator.comparingDouble(Suggestion::score).reversed()
                    .thenComparing(Suggestion::start)
                    .thenComparing(Suggestion::resourceId))
            .toList();
}
