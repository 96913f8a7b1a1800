package io.aura.app.api.booking;

import io.aura.kernel.booking.BookingRequest;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TimeBounds;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * An ICS file read as booking requests (ADR 0035), at the edge (ical4j): one per VEVENT, its SUMMARY as
 * the title, DTSTART/DTEND (or DURATION) as the slot — a time without a zone is the resource's local
 * time — its CLASS (PRIVATE, CONFIDENTIAL) as a private booking, and its RRULE as the series' recurrence, which the kernel expands as for any series. What the
 * kernel's requests cannot say (whole days, EXDATE/RDATE, a changed date of a series, a cancelled
 * event) is named per event and not requested. Each event gets a booking id derived from the caller,
 * the resource and its UID, so the same file imported again finds its bookings instead of booking twice.
 */
final class IcsBookingRequests {
    /** The most events one file may hold: bounds the commands one request can cause. */
    static final int MAX_EVENTS = 200;
    /** The most characters of a file: far above 200 events with long descriptions. */
    static final int MAX_LENGTH = 2_000_000;
    static final String UNTITLED = "Imported event";

    private IcsBookingRequests() {}

    /** One event of the file: the request it makes, or why it makes none. */
    record Item(String uid, String bookingId, BookingRequest request, List<FieldViolation> violations) {}

    /** The file's events, in its order; a body that is no calendar, or too big, is refused as a whole. */
    static List<Item> read(String body, String requester, String resourceId, ZoneId zone) {
        Calendar calendar = parse(body);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        if (events.size() > MAX_EVENTS) {
            throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.ICS_TOO_MANY_EVENTS,
                    String.valueOf(MAX_EVENTS))));
        }
        List<Item> items = new ArrayList<>();
        for (VEvent event : events) {
            items.add(item(event, requester, resourceId, zone));
        }
        return items;
    }

    static Calendar parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.REQUIRED)));
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.TOO_LONG,
                    String.valueOf(MAX_LENGTH))));
        }
        try {
            return new CalendarBuilder().build(new StringReader(body));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new InvalidInputException(List.of(FieldViolation.of("body", Rule.NOT_ICALENDAR,
                    firstLine(e.getMessage()))));
        }
    }

    private static Item item(VEvent event, String requester, String resourceId, ZoneId zone) {
        String uid = value(event, Property.UID).orElse(null);
        String key = uid != null ? uid : String.join("|", value(event, Property.DTSTART).orElse(""),
                value(event, Property.DTEND).orElse(""), value(event, Property.SUMMARY).orElse(""),
                value(event, Property.RRULE).orElse(""));
        String bookingId = UUID.nameUUIDFromBytes(("ics-import|" + requester + "|" + resourceId + "|" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
        List<FieldViolation> violations = new ArrayList<>();
        if (value(event, Property.STATUS).filter("CANCELLED"::equalsIgnoreCase).isPresent()) {
            violations.add(FieldViolation.of("status", Rule.ICS_CANCELLED));
        }
        for (String unsupported : List.of(Property.RECURRENCE_ID, Property.EXDATE, Property.RDATE)) {
            if (event.getProperty(unsupported).isPresent()) {
                violations.add(FieldViolation.of("recurrence", Rule.ICS_RECURRENCE_UNSUPPORTED, unsupported));
            }
        }
        if (event.getProperties(Property.RRULE).size() > 1) {
            violations.add(FieldViolation.of("recurrence", Rule.ICS_RECURRENCE_UNSUPPORTED, "more than one RRULE"));
        }
        Instant start = instant(event, true, zone, violations);
        Instant end = start == null ? null : instant(event, false, zone, violations);
        TimeRange range = null;
        if (start != null && end != null) {
            if (!TimeBounds.within(start) || !TimeBounds.within(end)) {
                violations.add(FieldViolation.of(TimeBounds.within(start) ? "end" : "start",
                        Rule.INSTANT_OUT_OF_RANGE));
            } else if (!end.isAfter(start)) {
                violations.add(new FieldViolation("end", "must be after start"));
            } else {
                range = new TimeRange(start, end);
            }
        }
        if (!violations.isEmpty()) {
            return new Item(uid, bookingId, null, violations);
        }
        String title = value(event, Property.SUMMARY).map(String::strip).filter(s -> !s.isEmpty()).orElse(UNTITLED);
        String recurrence = value(event, Property.RRULE).map(rule -> "RRULE:" + rule).orElse(null);
        return new Item(uid, bookingId, new BookingRequest(title, resourceId, range, recurrence, null, 1, List.of(),
                null, requester, privateByClass(event), null), List.of());
    }

    /**
     * CLASS:PRIVATE and CLASS:CONFIDENTIAL ask for a private booking (ADR 0040); PUBLIC, the RFC's default, or
     * none says nothing, so the resource's own default decides, as for a request that does not say.
     */
    static Boolean privateByClass(VEvent event) {
        return value(event, Property.CLASS).map(String::strip)
                .filter(c -> c.equalsIgnoreCase("PRIVATE") || c.equalsIgnoreCase("CONFIDENTIAL"))
                .map(c -> Boolean.TRUE).orElse(null);
    }

    /** DTSTART, or DTEND (else DTSTART + DURATION) as an instant; null, with the reason, when there is none. */
    private static Instant instant(VEvent event, boolean start, ZoneId zone, List<FieldViolation> violations) {
        String field = start ? "start" : "end";
        try {
            Optional<Temporal> date = start ? event.<Temporal>getStartDate().map(DtStart::getDate)
                    : event.<Temporal>getEndDate(true).map(DtEnd::getDate);
            if (date.isEmpty()) {
                violations.add(FieldViolation.of(field, Rule.REQUIRED));
                return null;
            }
            return switch (date.get()) {
                case LocalDate day -> {
                    violations.add(FieldViolation.of(field, Rule.ICS_WHOLE_DAY));
                    yield null;
                }
                case LocalDateTime floating -> floating.atZone(zone).toInstant(); // the room's local time
                case ZonedDateTime zoned -> zoned.toInstant();
                case OffsetDateTime offset -> offset.toInstant();
                case Instant instant -> instant;
                default -> Instant.from(date.get());
            };
        } catch (RuntimeException unreadable) {
            violations.add(new FieldViolation(field, "is not a date-time this server can read"));
            return null;
        }
    }

    private static Optional<String> value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
