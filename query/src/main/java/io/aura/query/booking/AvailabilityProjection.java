package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.ScheduleQueries.ListBlackouts;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.resource.ResourceViewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Blackouts on the read side, and the "same slot elsewhere" candidates computed from the
 * resources, bookings and blackouts views (ranked by {@link FreeSlotFinder}). Suggestions only: the schedule still decides. Each
 * handler computes what changes with {@link ClosedTimeFold} and the {@link ClosedTimeViewStore}
 * stores it.
 */
@Component
@ProcessingGroup(AvailabilityProjection.PROCESSING_GROUP)
public class AvailabilityProjection {
    public static final String PROCESSING_GROUP = "availability";

    private final ClosedTimeViewStore closedTimes;
    private final ResourceViewStore resources;
    private final BookingViewStore bookings;
    private final QueryUpdateEmitter emitter;

    public AvailabilityProjection(ClosedTimeViewStore closedTimes, ResourceViewStore resources,
                                  BookingViewStore bookings, QueryUpdateEmitter emitter) {
        this.closedTimes = closedTimes;
        this.resources = resources;
        this.bookings = bookings;
        this.emitter = emitter;
    }

    /** What the calendar showed over the window replaces what was kept there (a redelivery changes nothing). */
    @EventHandler
    void on(ExternalBusyChanged e) {
        List<BusyTime> known = closedTimes.busyBetween(e.resourceId(), e.window().start(), e.window().end());
        closedTimes.changeBusy(ClosedTimeFold.busyChanged(known, e));
    }

    @EventHandler
    void on(ExternalCalendarUnlinked e) {
        closedTimes.changeBusy(ClosedTimeFold.unlinked(closedTimes.busyOf(e.resourceId())));
    }

    /** Blackouts and Outlook busy times overlapping [from, to), of one resource or (null) all: the times nobody may book. */
    Map<String, List<Instant[]>> closed(Instant from, Instant to, String resourceId) {
        Map<String, List<Instant[]>> closed = new HashMap<>();
        for (ClosedTime c : closedTimes.closedBetween(from, to, resourceId)) {
            closed.computeIfAbsent(c.resourceId(), k -> new ArrayList<>()).add(new Instant[] {c.start(), c.end()});
        }
        return closed;
    }

    @EventHandler
    void on(BlackoutAdded e) {
        BlackoutView blackout = ClosedTimeFold.blackoutAdded(e);
        ClosedTimeFold.laterDates(e).forEach(closedTimes::saveBlackout);
        closedTimes.saveBlackout(blackout);
        // whoever added it waits for this (read your writes): suggestions and alternatives now avoid it
        emitter.emit(FindBlackout.class, q -> q.blackoutId().equals(e.blackoutId()), blackout);
    }

    @EventHandler
    void on(BlackoutRemoved e) {
        // a repeating blackout's later dates go with it (they are numbered from 1 without gaps)
        for (int i = 1; closedTimes.findBlackout(ClosedTimeFold.dateId(e.blackoutId(), i)).isPresent(); i++) {
            closedTimes.removeBlackout(ClosedTimeFold.dateId(e.blackoutId(), i));
        }
        closedTimes.removeBlackout(e.blackoutId());
    }

    @QueryHandler
    List<BlackoutView> handle(ListBlackouts q) {
        return closedTimes.blackoutsOf(q.resourceId());
    }

    @QueryHandler
    Optional<BlackoutView> handle(FindBlackout q) {
        return closedTimes.findBlackout(q.blackoutId());
    }

    @QueryHandler
    List<ClosedTime> handle(FindClosedTimes q) {
        return closedTimes.closedBetween(q.from(), q.to(), q.resourceId());
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        closedTimes.clear();
    }

    /**
     * The same slot on other resources that seat everyone and are free then (no active booking within
     * their buffer, no closed time, open), smallest first, at most {@code q.limit()}: candidates, unranked
     * (score 0). {@link FreeSlotFinder} ranks them.
     */
    List<Suggestion> sameSlotElsewhere(FindAlternatives q) {
        // smallest capacity first, then by id
        List<ResourceView> seating = resources.seating(q.attendees(), q.excludedResourceId());
        if (seating.isEmpty()) {
            return List.of();
        }
        // One read of what is busy around the slot (widest buffer), instead of one per resource.
        int widestBuffer = seating.stream().mapToInt(r -> r.spec().bufferMinutes()).max().orElse(0);
        Instant from = q.start().minus(Duration.ofMinutes(widestBuffer));
        Instant to = q.end().plus(Duration.ofMinutes(widestBuffer));
        Map<String, List<Instant[]>> busy = new HashMap<>();
        for (var entry : bookings.activeBetween(from, to, null)) {
            busy.computeIfAbsent(entry.resourceId(), k -> new ArrayList<>()).add(new Instant[] {entry.start(), entry.end()});
        }
        closed(from, to, null).forEach((resource, ranges) ->
                busy.computeIfAbsent(resource, k -> new ArrayList<>()).addAll(ranges));
        List<Suggestion> out = new ArrayList<>();
        for (ResourceView resource : seating) {
            if (out.size() >= q.limit()) {
                break;
            }
            Duration buffer = Duration.ofMinutes(resource.spec().bufferMinutes());
            Instant wantedFrom = q.start().minus(buffer);
            Instant wantedTo = q.end().plus(buffer);
            boolean free = busy.getOrDefault(resource.id(), List.of()).stream()
                    .noneMatch(r -> r[0].isBefore(wantedTo) && r[1].isAfter(wantedFrom))
                    && ScheduleRules.outsideOpeningHours(resource.spec(), new TimeRange(q.start(), q.end())).isEmpty();
            if (free) {
                out.add(new Suggestion(resource.id(), q.start(), q.end(), 0));
            }
        }
        return out;
    }
}
