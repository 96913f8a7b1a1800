package io.aura.ui.booking;

import io.aura.gateway.Caller;
import io.aura.gateway.PrivateBookings;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarChange;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBookingsOf;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchCalendar;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import io.aura.kernel.resource.OpeningHours;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.TimeRange;
import io.aura.ui.Bursts;
import io.aura.ui.SignedIn;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;

/**
 * What the calendar and the heatmap read: the bookings and closed times of a window, utilization, and
 * their live changes in bursts of at most four a second. Reads only; requests go through {@link BookingDesk}.
 */
@Service
public class CalendarDesk {
    private final QueryGateway queries;

    public CalendarDesk(QueryGateway queries) {
        this.queries = queries;
    }

    public List<HeatmapCell> heatmap(Instant from, Instant to, String resourceId) {
        return queries.query(new FindHeatmap(from, to, resourceId), ResponseTypes.multipleInstancesOf(HeatmapCell.class))
                .join();
    }

    /** Heatmap changes, in bursts of at most four a second; cancel the result to stop. */
    public SubscriptionQueryResult<List<HeatmapChanged>, HeatmapChanged> watchHeatmap(
            String resourceId, Consumer<List<HeatmapChanged>> onBurst) {
        return Bursts.inBursts(queries.subscriptionQuery(new WatchHeatmap(resourceId),
                ResponseTypes.multipleInstancesOf(HeatmapChanged.class), ResponseTypes.instanceOf(HeatmapChanged.class)),
                onBurst);
    }

    /** The calendar of a window as the signed-in person sees it: others' private bookings as Busy (ADR 0040). */
    public List<CalendarEntry> calendar(Instant from, Instant to, String resourceId) {
        PrivateBookings reader = PrivateBookings.seenBy(queries, Caller.current());
        return queries.query(new FindCalendar(from, to, resourceId), ResponseTypes.multipleInstancesOf(CalendarEntry.class))
                .join().stream().map(reader::seen).toList();
    }

    /** A calendar entry as the signed-in person sees it: whether it is one of their own bookings. */
    public record Seen(CalendarEntry entry, boolean mine) {}

    /** How many of one's own bookings are looked at to mark them (a series is one booking). */
    static final int OWN_BOOKINGS = 1000;

    /**
     * The calendar of a window as {@link #calendar} has it, each entry marked when the signed-in person
     * asked for it. Only their own bookings are read for that (as "My bookings" reads them): whose the
     * others are stays theirs to know ({@link io.aura.kernel.booking.BookingVisibility}).
     */
    public List<Seen> calendarSeen(Instant from, Instant to, String resourceId) {
        List<CalendarEntry> entries = calendar(from, to, resourceId);
        Set<String> mine = queries.query(new FindBookingsOf(SignedIn.name(), OWN_BOOKINGS),
                        ResponseTypes.multipleInstancesOf(BookingView.class)).join().stream()
                .map(BookingView::bookingId).collect(Collectors.toSet());
        return entries.stream().map(e -> new Seen(e, mine.contains(e.bookingId()))).toList();
    }


    /**
     * What a resource's calendar column shades: {@link #closedTimes}, and the hours its opening hours close
     * it (the kernel's rule, the one the schedule refuses by, source {@code OPENING_HOURS}).
     */
    public List<ClosedTime> shadedTimes(Instant from, Instant to, String resourceId) {
        List<ClosedTime> shaded = new java.util.ArrayList<>(closedTimes(from, to, resourceId));
        if (to.isAfter(from)) {
            queries.query(new FindResource(resourceId), ResponseTypes.optionalInstanceOf(ResourceView.class)).join()
                    .ifPresent(r -> OpeningHours.closedParts(r.spec().openingHours(), new TimeRange(from, to),
                                    ZoneId.of(r.spec().timeZone()))
                            .forEach(part -> shaded.add(new ClosedTime(resourceId, part.start(), part.end(),
                                    Conflict.Source.OPENING_HOURS, null))));
        }
        return shaded;
    }

    /** Blackouts and Outlook busy times overlapping the window, of one resource (or all: null). */
    public List<ClosedTime> closedTimes(Instant from, Instant to, String resourceId) {
        List<ClosedTime> closed = queries.query(new FindClosedTimes(resourceId, from, to),
                ResponseTypes.multipleInstancesOf(ClosedTime.class)).join();
        if (SignedIn.has("ADMIN")) {
            return closed;
        }
        // a blackout's reason is an administrator's note (the API tells others only when, not why)
        return closed.stream().map(c -> new ClosedTime(c.resourceId(), c.start(), c.end(), c.source(), null)).toList();
    }


    /** Calendar changes of one resource (or all), delivered in bursts; cancel the result to stop. */
    public SubscriptionQueryResult<List<CalendarChange>, CalendarChange> watch(String resourceId,
                                                                             Consumer<List<CalendarChange>> onBurst) {
        Caller reader = Caller.current(); // bursts arrive on another thread, without the signed-in person
        return Bursts.inBursts(queries.subscriptionQuery(new WatchCalendar(resourceId),
                ResponseTypes.multipleInstancesOf(CalendarChange.class), ResponseTypes.instanceOf(CalendarChange.class)),
                burst -> {
                    PrivateBookings seen = PrivateBookings.seenBy(queries, reader);
                    onBurst.accept(burst.stream().map(seen::seen).toList());
                });
    }
}
