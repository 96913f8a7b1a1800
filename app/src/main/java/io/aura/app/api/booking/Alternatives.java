package io.aura.app.api.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.SuggestionRanker;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What a refused request or move is offered instead, best first. The read side proposes; the schedule decides. */
@Component
class Alternatives {
    private final QueryGateway queries;
    private final Clock clock;
    private final SuggestionRanker ranker;

    Alternatives(QueryGateway queries, Clock clock, ObjectProvider<SuggestionRanker> ranker) {
        this.queries = queries;
        this.clock = clock;
        this.ranker = ranker.getIfAvailable(() -> SuggestionRanker.BY_SCORE);
    }

    /** Nearest free slots on the same resource (decided by its schedule) and the same slot elsewhere. */
    List<Suggestion> forRefused(BookingView rejected) {
        List<Suggestion> all = new ArrayList<>(rejected.suggestions());
        if (rejected.occurrences().size() <= 1 && !rejected.conflicts().isEmpty()) {
            all.addAll(queries.query(new FindAlternatives(rejected.resourceId(), rejected.start(), rejected.end(),
                    rejected.attendees(), 3), ResponseTypes.multipleInstancesOf(Suggestion.class)).join());
        }
        return ranker.rank(rejected, all);
    }

    /** Free slots of the same length near a refused move's wanted slot, on the booking's own resource. */
    List<Suggestion> forRefusedMove(BookingView booking, TimeRange wanted) {
        Instant now = clock.instant();
        Instant from = wanted.start().minus(Duration.ofDays(1));
        Instant to = wanted.end().plus(Duration.ofDays(3));
        if (!to.isAfter(from.isBefore(now) ? now : from)) {
            return List.of();
        }
        return queries.query(new FindFreeSlots(booking.resourceId(), (int) wanted.duration().toMinutes(),
                        from.isBefore(now) ? now : from, to, 3, booking.attendees(), wanted.start(), booking.bookingId(),
                        now), ResponseTypes.multipleInstancesOf(RankedSlot.class)).join().stream()
                .map(s -> new Suggestion(s.resourceId(), s.start(), s.end(), s.score())).toList();
    }
}
