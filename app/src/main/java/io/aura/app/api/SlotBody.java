package io.aura.app.api;

import io.aura.gateway.SeriesAlternatives.OccurrenceSuggestions;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.Reason;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A slot on offer as the API answers it ({@code GET /api/suggestions}, a 409's {@code suggestions[]} and
 * {@code occurrenceSuggestions[]}, the waitlist's): {@code reasons} in the English of ADR 0049, unchanged, and
 * {@code reasonCodes}, the same reasons as values ({@code {code, args}}) for a client that words them itself (ADR 0054).
 */
public record SlotBody(String resourceId, Instant start, Instant end, double score,
                       @Schema(description = "Why the slot ranks where it does, in English (the wording of ADR 0049)")
                       List<String> reasons,
                       @Schema(description = "The same reasons, in the same order, as a code and the values it quotes "
                               + "(numbers, a time zone id): for a client that words them in its own language")
                       List<Reason> reasonCodes) {

    public static SlotBody of(Suggestion s) {
        return new SlotBody(s.resourceId(), s.start(), s.end(), s.score(), ReasonsInEnglish.of(s.reasons()),
                s.reasons());
    }

    public static SlotBody of(RankedSlot s) {
        return new SlotBody(s.resourceId(), s.start(), s.end(), s.score(), ReasonsInEnglish.of(s.reasons()),
                s.reasons());
    }

    public static List<SlotBody> of(List<Suggestion> suggestions) {
        return suggestions == null ? null : suggestions.stream().map(SlotBody::of).toList();
    }

    /** One refused date of a series and what it could take instead (API.md v1.1 {@code occurrenceSuggestions}). */
    public record PerDate(Instant occurrenceStart, List<SlotBody> suggestions) {
        public static List<PerDate> of(List<OccurrenceSuggestions> perDate) {
            return perDate == null ? null : perDate.stream()
                    .map(d -> new PerDate(d.occurrenceStart(), SlotBody.of(d.suggestions()))).toList();
        }
    }
}
