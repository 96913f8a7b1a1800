package io.aura.gateway;

import io.aura.kernel.booking.BookingQueries;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindFreeSlots;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Free slots for the dates of a series, for every entry point (the HTTP API's 201/409 and moves, the web
 * UI's request form): near each date the schedule refused or skipped, or near where one date is to move,
 * with the series' other dates counted as taken so a suggestion never makes the series collide with
 * itself (ADR 0037). The read side proposes; the schedule still decides.
 */
@Component
public class SeriesAlternatives {
    static final int SUGGESTIONS_PER_DATE = 3;
    private final QueryGateway queries;
    private final Clock clock;

    public SeriesAlternatives(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Per refused date of a series (one its schedule refused or skipped), free slots of the same length
     * near that date on the same resource, never on (or within the buffer of) another date of the series
     * that would be held: taking a suggestion must not make the series collide with itself. Nearest first.
     */
    public List<OccurrenceSuggestions> forRefusedOccurrences(BookingView booking) {
        List<TimeRange> refused = refusedOccurrences(booking);
        if (refused.isEmpty()) {
            return List.of();
        }
        List<TimeRange> others = otherDates(booking, refused);
        List<OccurrenceSuggestions> out = new ArrayList<>();
        for (TimeRange occurrence : refused) {
            out.add(new OccurrenceSuggestions(occurrence.start(),
                    slotsNear(booking, occurrence, others, SUGGESTIONS_PER_DATE)));
        }
        return out;
    }

    /** One refused date of a series and what it could take instead (API.md v1.1 {@code occurrenceSuggestions}). */
    public record OccurrenceSuggestions(Instant occurrenceStart, List<Suggestion> suggestions) {}

    /**
     * The dates of a series its schedule would not hold: those in conflict when the whole series was
     * refused (a refusal by the resource's rules names no date: it holds for every one), the skipped
     * ones when the rest was booked.
     */
    public static List<TimeRange> refusedOccurrences(BookingView booking) {
        if (booking.occurrences().size() <= 1) {
            return List.of();
        }
        if (booking.status() == BookingStatus.REJECTED) {
            return booking.conflicts().stream().map(Conflict::occurrence).filter(Objects::nonNull)
                    .distinct().sorted(Comparator.comparing(TimeRange::start)).toList();
        }
        return booking.occurrences().stream().filter(o -> o.status() == OccurrenceStatus.SKIPPED)
                .map(o -> new TimeRange(o.start(), o.end())).toList();
    }

    /**
     * Free slots of the same length near a refused move's wanted slot, on the booking's own resource. The
     * booking's own slot counts as free; when one date of a series moves ({@code from}), its other dates
     * stay taken.
     */
    public List<Suggestion> forRefusedMove(BookingView booking, TimeRange from, TimeRange wanted) {
        return slotsNear(booking, wanted, from == null ? List.of() : otherDates(booking, List.of(from)), 3);
    }

    /** The dates of {@code booking} besides {@code these}, that it holds or would hold. */
    private static List<TimeRange> otherDates(BookingView booking, List<TimeRange> these) {
        return booking.occurrences().stream()
                .filter(o -> o.status() != OccurrenceStatus.CANCELLED && o.status() != OccurrenceStatus.SKIPPED)
                .map(o -> new TimeRange(o.start(), o.end()))
                .filter(o -> !these.contains(o))
                .toList();
    }

    /**
     * Free slots as long as {@code wanted} from a day before it to three days after, nearest first; the
     * booking's own slots count as free, {@code ownDates} as taken.
     */
    private List<Suggestion> slotsNear(BookingView booking, TimeRange wanted, List<TimeRange> ownDates, int count) {
        Instant now = clock.instant();
        TimeRange around = BookingQueries.aroundRefused(wanted, now);
        if (!around.end().isAfter(around.start())) {
            return List.of();
        }
        // ranked by the one ranker (ADR 0049), for the caller's group
        return queries.query(new FindFreeSlots(booking.resourceId(), (int) wanted.duration().toMinutes(),
                        around.start(), around.end(), count, booking.attendees(), wanted.start(), booking.bookingId(),
                        now, ownDates, CallerGroup.current()), ResponseTypes.multipleInstancesOf(RankedSlot.class))
                .join().stream().map(Suggestion::of).toList();
    }
}
