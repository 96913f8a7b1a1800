package io.aura.app.api;

import io.aura.gateway.CallerGroup;
import io.aura.gateway.SeriesAlternatives;
import io.aura.gateway.SeriesAlternatives.OccurrenceSuggestions;
import io.aura.gateway.Sites;
import io.aura.kernel.booking.BookingQueries;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.BookingQueries.RankSlots;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What a refused request or move, or a request put on the waitlist, is offered instead, best first, by the one
 * ranker (ADR 0049). The read side proposes; the schedule decides.
 */
@Component
public class Alternatives {
    private final QueryGateway queries;
    private final SeriesAlternatives series;
    private final Sites sites;
    private final Clock clock;

    Alternatives(QueryGateway queries, SeriesAlternatives series, Sites sites, Clock clock) {
        this.queries = queries;
        this.series = series;
        this.sites = sites;
        this.clock = clock;
    }

    /**
     * Nearest free slots on the same resource (decided by its schedule) and the same slot elsewhere, ranked
     * together by the one ranker (ADR 0049) as {@code GET /api/suggestions?near=} ranks them around the
     * refused slot, for the caller's group, with what people refused there took instead.
     */
    public List<Suggestion> forRefused(BookingView rejected) {
        List<Suggestion> all = new ArrayList<>(rejected.suggestions());
        TimeRange wanted = new TimeRange(rejected.start(), rejected.end());
        if (rejected.occurrences().size() <= 1 && !rejected.conflicts().isEmpty()) {
            all.addAll(sameTimeElsewhere(rejected.resourceId(), wanted, rejected.attendees()));
        }
        return ranked(all, rejected.resourceId(), wanted, rejected.attendees(), rejected.requester());
    }

    /**
     * While someone waits for a taken slot: what is free now near it on the same resource, and the same time on
     * others, ranked exactly as a refusal's alternatives (the same span, the same ranker, the same reasons).
     */
    public List<Suggestion> forWaitlisted(String resourceId, TimeRange wanted, int attendees, String requester) {
        TimeRange searched = BookingQueries.aroundRefused(wanted, clock.instant());
        int minutes = (int) Math.max(1, java.time.Duration.between(wanted.start(), wanted.end()).toMinutes());
        List<Suggestion> all = new ArrayList<>(queries.query(new FindFreeSlots(resourceId, minutes, searched.start(),
                        searched.end(), 3, Math.max(1, attendees), wanted.start(), null, clock.instant(), List.of(),
                        CallerGroup.current()), ResponseTypes.multipleInstancesOf(RankedSlot.class)).join()
                .stream().map(Suggestion::of).toList());
        all.addAll(sameTimeElsewhere(resourceId, wanted, attendees));
        return ranked(all, resourceId, wanted, attendees, requester);
    }

    private List<Suggestion> sameTimeElsewhere(String resourceId, TimeRange wanted, int attendees) {
        return queries.query(new FindAlternatives(resourceId, wanted.start(), wanted.end(), attendees, 3),
                ResponseTypes.multipleInstancesOf(Suggestion.class)).join();
    }

    /** {@code all} by the one ranker around {@code wanted}, without those its requester could not reach in time. */
    private List<Suggestion> ranked(List<Suggestion> all, String resourceId, TimeRange wanted, int attendees,
                                   String requester) {
        TimeRange searched = BookingQueries.aroundRefused(wanted, clock.instant());
        List<Suggestion> ranked = all.isEmpty() ? List.of() : queries.query(new RankSlots(all, searched.start(),
                        searched.end(), Math.max(1, attendees), wanted.start(), CallerGroup.current(),
                        resourceId, wanted), ResponseTypes.multipleInstancesOf(RankedSlot.class)).join()
                .stream().map(Suggestion::of).toList();
        // none its requester could not reach in time from their bookings at other sites (TRAVEL)
        Map<String, Predicate<TimeRange>> reachable = new HashMap<>();
        TimeRange around = new TimeRange(all.stream().map(Suggestion::start).min(Instant::compareTo)
                .orElse(wanted.start()), all.stream().map(Suggestion::end).max(Instant::compareTo)
                .orElse(wanted.end()));
        return ranked.stream().filter(s -> reachable.computeIfAbsent(s.resourceId(),
                r -> sites.reachableFor(requester, r, around)).test(new TimeRange(s.start(), s.end())))
                .toList();
    }

    /**
     * Free slots of the same length near a refused move's wanted slot, on the booking's own resource. The
     * booking's own slot counts as free, unless one date of a series moves: its other dates stay held.
     */
    public List<Suggestion> forRefusedMove(BookingView booking, TimeRange from, TimeRange wanted) {
        return series.forRefusedMove(booking, from, wanted);
    }

    /** Per refused or skipped date of a series, free slots near it (none for a single booking). */
    public List<OccurrenceSuggestions> forRefusedOccurrences(BookingView booking) {
        return series.forRefusedOccurrences(booking);
    }

}
