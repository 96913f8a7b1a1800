package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {
    static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");

    @Test
    void a_series_in_utc_is_one_event_with_its_rule_and_its_cancelled_date_excluded() throws Exception {
        BookingView series = series(List.of(
                new Occurrence(Instant.parse("2027-03-02T09:00:00Z"), Instant.parse("2027-03-02T10:00:00Z"), OccurrenceStatus.CONFIRMED),
                new Occurrence(Instant.parse("2027-03-09T09:00:00Z"), Instant.parse("2027-03-09T10:00:00Z"), OccurrenceStatus.CANCELLED),
                new Occurrence(Instant.parse("2027-03-16T09:00:00Z"), Instant.parse("2027-03-16T10:00:00Z"), OccurrenceStatus.CONFIRMED)),
                "RRULE:FREQ=WEEKLY;COUNT=3");

        VEvent event = written(series);

        assertThat(event.<Property>getProperty(Property.RRULE).map(Property::getValue)).contains("FREQ=WEEKLY;COUNT=3");
        assertThat(event.<Property>getProperty(Property.EXDATE).map(Property::getValue)).contains("20270309T090000Z");
        assertThat(starts(event)).containsExactly(Instant.parse("2027-03-02T09:00:00Z"), Instant.parse("2027-03-16T09:00:00Z"));
    }

    @Test
    void a_series_across_a_clock_change_keeps_its_local_time_as_listed_dates() throws Exception {
        // 09:00 in Berlin: 08:00 UTC before the change on 28 March 2027, 07:00 UTC after; the rule in UTC would say 08:00
        BookingView series = series(List.of(
                new Occurrence(Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-22T09:00:00Z"), OccurrenceStatus.CONFIRMED),
                new Occurrence(Instant.parse("2027-03-29T07:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"), OccurrenceStatus.CONFIRMED),
                new Occurrence(Instant.parse("2027-04-05T07:00:00Z"), Instant.parse("2027-04-05T08:00:00Z"), OccurrenceStatus.CANCELLED)),
                "RRULE:FREQ=WEEKLY;COUNT=3");

        VEvent event = written(series);

        assertThat(event.getProperty(Property.RRULE)).isEmpty();
        assertThat(starts(event)).containsExactly(Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"));
    }

    @Test
    void refused_and_expired_requests_never_held_a_slot_and_are_left_out() throws Exception {
        BookingView refused = single(BookingStatus.REJECTED);
        String text = IcsCalendar.write("test", List.of(refused, single(BookingStatus.CONFIRMED)), b -> true, NOW);

        assertThat(new CalendarBuilder().build(new StringReader(text)).<VEvent>getComponents(Component.VEVENT)).hasSize(1);
    }

    static BookingView series(List<Occurrence> dates, String rule) {
        return new BookingView("s1", "Weekly", "r1", dates.getFirst().start(), dates.getFirst().end(),
                BookingStatus.CONFIRMED, "alice", 1, List.of(), null, rule, dates, List.of(), List.of(), List.of(),
                List.of(), null, 4);
    }

    static BookingView single(BookingStatus status) {
        Instant start = Instant.parse("2027-03-02T09:00:00Z");
        return new BookingView(status.name(), "One", "r1", start, start.plusSeconds(3600), status, "alice", 1,
                List.of(), null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, 1);
    }

    static VEvent written(BookingView booking) throws Exception {
        String text = IcsCalendar.write("test", List.of(booking), b -> true, NOW);
        return new CalendarBuilder().build(new StringReader(text)).<VEvent>getComponents(Component.VEVENT).getFirst();
    }

    static TreeSet<Instant> starts(VEvent event) {
        TreeSet<Instant> starts = new TreeSet<>();
        OffsetDateTime from = NOW.atOffset(ZoneOffset.UTC);
        for (Period<?> p : event.calculateRecurrenceSet(new Period<>(from, from.plusDays(100)))) {
            starts.add(Instant.from(p.getStart()));
        }
        return starts;
    }
}
