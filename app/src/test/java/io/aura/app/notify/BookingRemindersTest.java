package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.identity.PreferredLanguage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which dates are due for their reminder, what it is keyed by, and what it says (ADR 0038). */
class BookingRemindersTest {
    static final Instant NOW = Instant.parse("2030-01-10T08:30:00Z");
    static final Duration HALF_AN_HOUR = Duration.ofMinutes(30);

    static CalendarEntry date(String bookingId, String start, BookingStatus status) {
        Instant from = Instant.parse(start);
        return new CalendarEntry(bookingId, "Budget", "r-1", from, from.plus(Duration.ofHours(1)), status);
    }

    @Test
    void a_confirmed_date_is_due_from_the_lead_time_before_it_until_it_starts_and_not_after() {
        CalendarEntry atTheEdge = date("b-1", "2030-01-10T09:00:00Z", BookingStatus.CONFIRMED);
        CalendarEntry sooner = date("b-2", "2030-01-10T08:45:00Z", BookingStatus.CONFIRMED);
        CalendarEntry later = date("b-3", "2030-01-10T09:00:01Z", BookingStatus.CONFIRMED);
        CalendarEntry begun = date("b-4", "2030-01-10T08:30:00Z", BookingStatus.CONFIRMED);
        CalendarEntry running = date("b-5", "2030-01-10T08:00:00Z", BookingStatus.CONFIRMED);

        assertThat(BookingReminders.due(List.of(atTheEdge, later, begun, sooner, running), NOW, HALF_AN_HOUR))
                .containsExactly(sooner, atTheEdge);
    }

    @Test
    void only_confirmed_dates_are_reminded() {
        List<CalendarEntry> dates = List.of(BookingStatus.values()).stream()
                .map(s -> date("b-" + s, "2030-01-10T08:50:00Z", s)).toList();

        assertThat(BookingReminders.due(dates, NOW, HALF_AN_HOUR)).extracting(CalendarEntry::status)
                .containsExactly(BookingStatus.CONFIRMED);
    }

    @Test
    void a_lead_time_of_zero_switches_reminders_off() {
        List<CalendarEntry> dates = List.of(date("b-1", "2030-01-10T08:50:00Z", BookingStatus.CONFIRMED));

        assertThat(BookingReminders.due(dates, NOW, Duration.ZERO)).isEmpty();
        assertThat(BookingReminders.due(dates, NOW, Duration.ofMinutes(-5))).isEmpty();
    }

    @Test
    void a_reminder_is_keyed_by_booking_and_date_so_a_moved_date_has_another_and_the_date_is_read_back() {
        Instant start = Instant.parse("2030-01-10T09:00:00Z");
        String key = BookingReminders.key("b-1", start);
        InboxEntry entry = new InboxEntry(key + ":alice", "alice", BookingReminders.TYPE, "b-1", null, null, null,
                "text", NOW, null, MailStatus.OFF, 0, NOW, null);

        assertThat(BookingReminders.key("b-1", start.plusSeconds(3600))).isNotEqualTo(key);
        assertThat(BookingReminders.key("b-2", start)).isNotEqualTo(key);
        assertThat(BookingReminders.dateOf(entry)).contains(start);
        assertThat(BookingReminders.dateOf(new InboxEntry("e-1:alice", "alice", "BOOKING_CONFIRMED", "b-1", null,
                null, null, "text", NOW, null, MailStatus.OFF, 0, NOW, null))).isEmpty();
    }

    @Test
    void the_reminder_says_when_and_where_in_the_requesters_language_and_its_first_line_is_the_subject() {
        CalendarEntry date = date("b-1", "2030-01-10T09:00:00Z", BookingStatus.CONFIRMED);
        Optional<BookingTitle> booking = Optional.of(new BookingTitle("b-1", "Budget", "r-1", "alice"));
        Optional<ResourcePlace> room = Optional.of(new ResourcePlace("r-1", "Board room", "Europe/Berlin"));

        NotificationFold.Notice english = BookingReminders.notice(date, booking, room, Optional.empty()).orElseThrow();
        NotificationFold.Notice german = BookingReminders.notice(date, booking, room,
                Optional.of(PreferredLanguage.GERMAN)).orElseThrow();

        assertThat(english.user()).isEqualTo("alice");
        assertThat(english.type()).isEqualTo("BOOKING_REMINDER");
        assertThat(BookingReminders.subjectOf(english.message())).isEqualTo("Reminder: “Budget” starts at 10:00");
        assertThat(english.message()).contains(
                "Your booking “Budget” in Board room starts soon: Thu 10 Jan 2030, 10:00–11:00 (Europe/Berlin).");
        assertThat(BookingReminders.subjectOf(german.message())).isEqualTo("Erinnerung: „Budget“ beginnt um 10:00");
        assertThat(german.message()).contains("Ihre Buchung „Budget“ in Board room beginnt bald: Do. 10. Jan. 2030, "
                + "10:00–11:00 (Europe/Berlin).");
        assertThat(BookingReminders.notice(date, Optional.of(new BookingTitle("b-1", "Budget", "r-1")), room,
                Optional.empty())).as("a booking kept before requesters were").isEmpty();
    }
}
