package io.aura.app.external;

import io.aura.kernel.booking.BookingPrivacy;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
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
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
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
    static final String BUSY = BookingPrivacy.BUSY;

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

    /** iTIP's methods a booking's mail uses (RFC 5546): the booking as it is now, or its end. */
    enum ItipMethod {
        REQUEST,
        CANCEL
    }

    /**
     * A booking as an iTIP message for its requester's calendar (ADR 0035): the same VEVENT as the feeds
     * write (UID, SEQUENCE, dates), with the server as ORGANIZER and the requester as ATTENDEE. A CANCEL
     * with {@code cancelledDates} cancels those dates of a series (one VEVENT each, by RECURRENCE-ID);
     * without, the whole booking.
     */
    static String invitation(ItipMethod method, BookingView booking, List<Occurrence> cancelledDates, String location,
                             String organizer, String attendee, String attendeeName, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Aura Scheduler//Booking mail//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method == ItipMethod.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        List<VEvent> events = new ArrayList<>();
        if (method == ItipMethod.CANCEL && !cancelledDates.isEmpty()) {
            for (Occurrence date : cancelledDates) {
                VEvent event = new VEvent(date.start(), date.end(), booking.title());
                event.add(new Uid(booking.bookingId() + "@aura"));
                event.add(new DtStamp(now));
                event.add(new RecurrenceId<>(date.start()));
                event.add(new Sequence(sequence(booking)));
                event.add(ImmutableStatus.VEVENT_CANCELLED);
                events.add(event);
            }
        } else {
            Status status = method == ItipMethod.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : status(booking.status());
            events.add(event(booking, status, booking.title(), now));
        }
        for (VEvent event : events) {
            if (location != null && !location.isBlank()) {
                event.add(new Location(location));
            }
            event.add(new Organizer(URI.create("mailto:" + organizer)));
            Attendee who = new Attendee(URI.create("mailto:" + attendee));
            who.add(Role.REQ_PARTICIPANT);
            who.add(PartStat.ACCEPTED);
            if (attendeeName != null && !attendeeName.isBlank()) {
                who.add(new Cn(attendeeName));
            }
            event.add(who);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A booking's SEQUENCE: its view's revision, which every change to it raises. */
    private static int sequence(BookingView booking) {
        return (int) Math.min(Integer.MAX_VALUE, booking.revision());
    }

    private static VEvent event(BookingView booking, Status status, String summary, Instant now) {
        List<Occurrence> dates = booking.occurrences();
        boolean series = booking.recurrence() != null && !booking.recurrence().isBlank() && dates.size() > 1;
        Instant start = series ? dates.getFirst().start() : booking.start();
        Instant end = series ? dates.getFirst().end() : booking.end();
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(booking.bookingId() + "@aura"));
        event.add(new DtStamp(now));
        event.add(new Sequence(sequence(booking)));
        event.add(status);
        if (booking.privateBooking()) {
            event.add(ImmutableClazz.PRIVATE); // a private booking (ADR 0040): calendars that honour CLASS hide it too
        }
        if (series) {
            recurrence(event, booking.recurrence(), dates, start, end, booking.status().isActive());
        }
        return event;
    }

    /**
     * {@code active}: the booking still holds its slots, and the dates that do not (cancelled, skipped) are
     * excluded; a cancelled series excludes only the dates it never held (skipped), the rest is cancelled
     * with it as a whole (STATUS:CANCELLED), so that the reader still finds the dates it cancels.
     */
    private static void recurrence(VEvent event, String rule, List<Occurrence> dates, Instant start, Instant end,
                                   boolean active) {
        Set<Instant> all = dates.stream().map(Occurrence::start).collect(Collectors.toCollection(TreeSet::new));
        List<Instant> excluded = dates.stream().filter(o -> active ? !o.status().isActive()
                : o.status() == OccurrenceStatus.SKIPPED).map(Occurrence::start).toList();
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
            // DTSTART listed too: RFC 5545 counts it anyway (a set), but ical.js expands RDATEs alone
            event.add(new RDate<>(new DateList<>(new ArrayList<>(all))));
        }
        if (!excluded.isEmpty()) {
            event.add(new ExDate<>(new DateList<>(excluded)));
        }
    }
}
