package io.aura.app.external;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Bookings as an RFC 5545 calendar (ADR 0032), written with ical4j. One VEVENT per booking, its UID
 * {@code bookingId@aura} and its SEQUENCE the view's revision, times in UTC. A series is one VEVENT
 * with its RRULE and an EXDATE for each date that holds no slot (cancelled, skipped); should the rule,
 * read in UTC, not give the series' dates (a series across a change of daylight saving time keeps its
 * local time), the dates are listed as RDATEs instead, so every reader sees the same dates as
 * {@code /events/status}.
 */
final class IcsCalendar {
    static final String BUSY = "Busy";

    private IcsCalendar() {}

    /**
     * @param showsTitle whether the reader may see a booking's title (else it shows as {@value #BUSY})
     */
    static String write(String name, List<BookingView> bookings, Predicate<BookingView> showsTitle, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Aura Scheduler//Calendar feed//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (BookingView booking : bookings) {
            Status status = status(booking.status());
            if (status != null) {
                calendar.add(event(booking, status, showsTitle.test(booking) ? booking.title() : BUSY, now));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** What a calendar shows of a booking's state; null: never held a slot (refused, expired, undecided). */
    static Status status(BookingStatus status) {
        return switch (status) {
            case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
            case PENDING_APPROVAL -> ImmutableStatus.VEVENT_TENTATIVE;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
            case NO_SHOW -> ImmutableStatus.VEVENT_CANCELLED; // released: the slot is no longer theirs
            case REQUESTED, REJECTED, EXPIRED -> null;
        };
    }

    private static VEvent event(BookingView booking, Status status, String summary, Instant now) {
        List<Occurrence> dates = booking.occurrences();
        boolean series = booking.recurrence() != null && !booking.recurrence().isBlank() && dates.size() > 1;
        Instant start = series ? dates.getFirst().start() : booking.start();
        Instant end = series ? dates.getFirst().end() : booking.end();
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(booking.bookingId() + "@aura"));
        event.add(new DtStamp(now));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, booking.revision())));
        event.add(status);
        if (series) {
            recurrence(event, booking.recurrence(), dates, start, end);
        }
        return event;
    }

    private static void recurrence(VEvent event, String rule, List<Occurrence> dates, Instant start, Instant end) {
        Set<Instant> all = dates.stream().map(Occurrence::start).collect(Collectors.toCollection(TreeSet::new));
        List<Instant> excluded = dates.stream().filter(o -> !o.status().isActive()).map(Occurrence::start).toList();
        Duration length = Duration.between(start, end);
        boolean sameLength = dates.stream().allMatch(o -> Duration.between(o.start(), o.end()).equals(length));
        String value = rule.startsWith("RRULE:") ? rule.substring("RRULE:".length()) : rule;
        // ical4j expands a rule only on date-times with fields (not Instant): the same instants, offset 0
        VEvent probe = new VEvent(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC), "probe");
        probe.add(new RRule<OffsetDateTime>(value));
        Set<Instant> expanded = probe.<OffsetDateTime>calculateRecurrenceSet(new Period<>(
                        start.atOffset(ZoneOffset.UTC), dates.getLast().end().atOffset(ZoneOffset.UTC)))
                .stream().map(p -> Instant.from(p.getStart())).collect(Collectors.toCollection(TreeSet::new));
        RRule<Instant> rrule = new RRule<>(value);
        if (sameLength && expanded.equals(all)) {
            event.add(rrule);
        } else {
            List<Instant> others = new ArrayList<>(all);
            others.remove(start);
            event.add(new RDate<>(new DateList<>(others)));
        }
        if (!excluded.isEmpty()) {
            event.add(new ExDate<>(new DateList<>(excluded)));
        }
    }
}
