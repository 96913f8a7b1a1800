package io.aura.kernel.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.resource.OpeningHours.Interval;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReportsTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 7 December 2026, 09:00 in Berlin. */
    static final Instant MONDAY_9 = Instant.parse("2026-12-07T08:00:00Z");
    static final TimeRange DECEMBER = new TimeRange(Instant.parse("2026-11-30T23:00:00Z"),
            Instant.parse("2026-12-31T23:00:00Z"));

    static Occurrence date(Instant start, int minutes, OccurrenceStatus status, Instant checkedInAt) {
        return new Occurrence(start, start.plus(Duration.ofMinutes(minutes)), status, null, checkedInAt);
    }

    static BookingView booking(String id, String resourceId, String requester, Occurrence... dates) {
        return new BookingView(id, "Booking " + id, resourceId, dates[0].start(), dates[0].end(),
                BookingStatus.CONFIRMED, requester, 1, List.of(), null, null, List.of(dates), List.of(), List.of(),
                List.of(), List.of(), null, 1);
    }

    @Test
    void a_timesheet_counts_confirmed_dates_and_no_shows_per_week_and_person_and_what_was_used_after_check_in() {
        BookingView alices = booking("b-1", "r-1", "alice",
                date(MONDAY_9, 60, OccurrenceStatus.CONFIRMED, MONDAY_9.plus(Duration.ofMinutes(15))), // 45 used
                date(MONDAY_9.plus(Duration.ofDays(1)), 30, OccurrenceStatus.NO_SHOW, null),
                date(MONDAY_9.plus(Duration.ofDays(2)), 30, OccurrenceStatus.CANCELLED, null),
                date(MONDAY_9.plus(Duration.ofDays(7)), 90, OccurrenceStatus.CONFIRMED, MONDAY_9.minusSeconds(600)));
        BookingView bobs = booking("b-2", "r-2", "bob", date(MONDAY_9, 120, OccurrenceStatus.CONFIRMED, null));
        BookingView pending = booking("b-3", "r-1", "alice", date(MONDAY_9, 30, OccurrenceStatus.PENDING_APPROVAL, null));

        List<TimesheetRow> rows = Reports.timesheet(List.of(alices, bobs, pending), DECEMBER,
                TimesheetGrouping.USER::keyOf, id -> BERLIN);

        assertThat(rows).containsExactly(
                new TimesheetRow("2026-W50", "alice", 2, 90, 45),
                new TimesheetRow("2026-W50", "bob", 1, 120, 0),
                new TimesheetRow("2026-W51", "alice", 1, 90, 90));
        assertThat(Reports.timesheet(List.of(alices, bobs), DECEMBER, TimesheetGrouping.RESOURCE::keyOf, id -> BERLIN))
                .extracting(TimesheetRow::key).containsExactly("r-1", "r-2", "r-1");
        BookingView training = withCategory(bobs, "training");
        assertThat(Reports.timesheet(List.of(alices, training), DECEMBER, TimesheetGrouping.CATEGORY::keyOf,
                id -> BERLIN)).containsExactly(new TimesheetRow("2026-W50", "none", 2, 90, 45),
                new TimesheetRow("2026-W50", "training", 1, 120, 0), new TimesheetRow("2026-W51", "none", 1, 90, 90));
    }

    @Test
    void a_date_belongs_to_the_week_it_starts_in_in_its_resources_zone_and_only_dates_starting_in_the_period_count() {
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the next ISO week there, this week in UTC
        Instant sundayNight = Instant.parse("2026-12-13T23:30:00Z");
        BookingView late = booking("b-1", "r-1", "alice", date(sundayNight, 30, OccurrenceStatus.CONFIRMED, null));

        assertThat(Reports.timesheet(List.of(late), DECEMBER, TimesheetGrouping.USER::keyOf, id -> BERLIN))
                .extracting(TimesheetRow::week).containsExactly("2026-W51");
        assertThat(Reports.timesheet(List.of(late), DECEMBER, TimesheetGrouping.USER::keyOf, id -> ZoneId.of("UTC")))
                .extracting(TimesheetRow::week).containsExactly("2026-W50");
        assertThat(Reports.timesheet(List.of(late), new TimeRange(sundayNight.plusSeconds(60),
                sundayNight.plus(Duration.ofDays(1))), TimesheetGrouping.USER::keyOf, id -> BERLIN)).isEmpty();
    }

    @Test
    void utilization_is_per_resource_and_local_day_with_the_open_minutes_as_bookable() {
        List<Interval> weekdays = IntStream.rangeClosed(1, 5).mapToObj(d -> new Interval(d, "08:00", "18:00")).toList();
        ResourceView office = new ResourceView("r-1", new ResourceSpec("Office", 4, "Europe/Berlin", false, List.of(),
                0, 15, 720, 365, List.of(), null, weekdays), null);
        ResourceView hall = new ResourceView("r-2", new ResourceSpec("Hall", 40, "Europe/Berlin", false, List.of(),
                0, 15, 720, 365, List.of(), null, List.of()), null);
        BookingView meeting = booking("b-1", "r-1", "alice",
                date(MONDAY_9, 60, OccurrenceStatus.CONFIRMED, MONDAY_9.plus(Duration.ofMinutes(30))),
                date(MONDAY_9.plus(Duration.ofHours(2)), 30, OccurrenceStatus.NO_SHOW, null));
        // Saturday 12 to Monday 14 December, in Berlin
        TimeRange weekend = new TimeRange(Instant.parse("2026-12-11T23:00:00Z"), Instant.parse("2026-12-14T23:00:00Z"));
        TimeRange monday = new TimeRange(Instant.parse("2026-12-06T23:00:00Z"), Instant.parse("2026-12-07T23:00:00Z"));

        assertThat(Reports.utilization(List.of(hall, office), List.of(meeting), monday)).containsExactly(
                new UtilizationRow(LocalDate.parse("2026-12-07"), "r-1", "Office", 600, 90, 30),
                new UtilizationRow(LocalDate.parse("2026-12-07"), "r-2", "Hall", 1440, 0, 0));
        assertThat(Reports.utilization(List.of(office), List.of(), weekend)).extracting(UtilizationRow::bookableMinutes)
                .containsExactly(0L, 0L, 600L);
    }

    @Test
    void a_day_the_clocks_change_has_the_minutes_it_really_has() {
        ResourceView hall = new ResourceView("r-2", new ResourceSpec("Hall", 40, "Europe/Berlin", false, List.of(),
                0, 15, 720, 365, List.of(), null, List.of()), null);
        TimeRange lastSundayOfOctober = new TimeRange(Instant.parse("2026-10-24T22:00:00Z"),
                Instant.parse("2026-10-25T23:00:00Z"));

        assertThat(Reports.utilization(List.of(hall), List.of(), lastSundayOfOctober))
                .extracting(UtilizationRow::bookableMinutes).containsExactly(1500L);
    }

    @Test
    void csv_has_a_header_row_and_defuses_what_a_spreadsheet_would_run() {
        String csv = Reports.timesheetCsv(List.of(new TimesheetRow("2026-W50", "=HYPERLINK(\"x\")", 1, 30, 0),
                new TimesheetRow("2026-W50", "Smith, Jane", 2, 60, 15)));

        assertThat(csv.split("\r\n")).containsExactly("week,key,bookings,minutes,checkedInMinutes",
                "2026-W50,\"'=HYPERLINK(\"\"x\"\")\",1,30,0", "2026-W50,\"Smith, Jane\",2,60,15");
    }

    static BookingView withCategory(BookingView v, String category) {
        return new BookingView(v.bookingId(), v.title(), v.resourceId(), v.start(), v.end(), v.status(), v.requester(),
                v.attendees(), v.attendeeNames(), v.description(), v.recurrence(), v.occurrences(), v.conflicts(),
                v.violations(), v.refusals(), v.suggestions(), v.lastReschedule(), v.revision(), false, category);
    }
}
