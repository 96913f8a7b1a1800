package io.aura.ui.booking;

import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.Recurrence;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

/**
 * The dates a repeating request would book and which of them are taken, before it is sent: the rule
 * expanded by the kernel's {@link Recurrence} in the resource's zone (as the request will be), each date
 * held against the calendar's bookings and closed times within the resource's buffer (the reads and the
 * overlap rule {@link BookingDesk#check} uses for one slot) and against the resource's rules. A preview
 * from the views: the schedule still decides on submit.
 */
@Service
public class SeriesPreviewDesk {
    private final QueryGateway queries;
    private final CalendarDesk calendars;
    private final Clock clock;

    public SeriesPreviewDesk(QueryGateway queries, CalendarDesk calendars, Clock clock) {
        this.queries = queries;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** Whether a date can be had, and if not, why (what holds it, or which rule of the resource). */
    public enum Availability {
        FREE,
        BOOKED,
        CLOSED,
        EXTERNAL,
        OUTSIDE_WINDOW,
        NOT_ALLOWED;

        public boolean isFree() {
            return this == FREE;
        }
    }

    public record DateCheck(TimeRange range, Availability availability) {}

    /** Every date of the series in order, or the rule's violations (named "recurrence") and no dates. */
    public record Preview(List<DateCheck> dates, List<FieldViolation> violations) {
        static final Preview NOTHING = new Preview(List.of(), List.of());

        public long taken() {
            return dates.stream().filter(d -> !d.availability().isFree()).count();
        }
    }

    /**
     * The series {@code rrule} makes of the first date {@code start}–{@code end} on {@code resourceId};
     * nothing while the resource or the times are missing or the rule is blank.
     */
    public Preview preview(String resourceId, Instant start, Instant end, int attendees, String rrule) {
        if (resourceId == null || start == null || end == null || !end.isAfter(start) || rrule == null
                || rrule.isBlank()) {
            return Preview.NOTHING;
        }
        Optional<ResourceSpec> spec = queries.query(new FindResource(resourceId),
                ResponseTypes.optionalInstanceOf(ResourceView.class)).join().map(ResourceView::spec);
        if (spec.isEmpty()) {
            return Preview.NOTHING;
        }
        var expansion = Recurrence.expand(rrule, new TimeRange(start, end), ZoneId.of(spec.get().timeZone()));
        if (!expansion.violations().isEmpty()) {
            return new Preview(List.of(), expansion.violations());
        }
        List<TimeRange> dates = expansion.occurrences();
        Duration buffer = Duration.ofMinutes(spec.get().bufferMinutes());
        // one read of each kind for the whole series, not one per date
        Instant from = dates.getFirst().start().minus(buffer);
        Instant to = dates.getLast().end().plus(buffer);
        List<CalendarEntry> booked = calendars.calendar(from, to, resourceId);
        List<ClosedTime> closed = calendars.closedTimes(from, to, resourceId);
        Instant now = clock.instant();
        return new Preview(dates.stream().map(date -> new DateCheck(date, availability(date, buffer, booked, closed,
                spec.get(), ScheduleRules.check(spec.get(), date, Math.max(attendees, 1), now), now))).toList(), List.of());
    }

    private static Availability availability(TimeRange date, Duration buffer, List<CalendarEntry> booked,
                                             List<ClosedTime> closed, ResourceSpec spec, List<FieldViolation> broken,
                                             Instant now) {
        TimeRange widened = date.widenedBy(buffer);
        if (booked.stream().anyMatch(b -> new TimeRange(b.start(), b.end()).overlaps(widened))) {
            return Availability.BOOKED;
        }
        Optional<ClosedTime> closing = closed.stream().filter(c -> new TimeRange(c.start(), c.end()).overlaps(widened))
                .findFirst();
        if (closing.isPresent()) {
            return switch (closing.get().source()) {
                case EXTERNAL -> Availability.EXTERNAL;
                case BLACKOUT, BOOKING, OPENING_HOURS, QUOTA -> Availability.CLOSED;
            };
        }
        if (!ScheduleRules.outsideOpeningHours(spec, date).isEmpty()) {
            return Availability.CLOSED; // the schedule refuses it as OPENING_HOURS
        }
        if (broken.isEmpty()) {
            return Availability.FREE;
        }
        // a future date whose start breaks a rule: the booking window does not reach it yet
        return date.start().isAfter(now) && broken.stream().allMatch(v -> v.field().equals("start"))
                ? Availability.OUTSIDE_WINDOW : Availability.NOT_ALLOWED;
    }
}
