package io.aura.app.external;

import static io.aura.app.external.BookingMailsIT.calendar;
import static io.aura.app.external.BookingMailsIT.start;
import static io.aura.app.external.BookingMailsIT.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.app.notify.BookingReminderSweep;
import io.aura.app.notify.BookingReminders;
import io.aura.app.notify.InboxEntry;
import io.aura.app.notify.MailStatus;
import io.aura.app.notify.NotificationStore;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminder mails (ADR 0038): a confirmed booking's requester gets one mail shortly before each date starts,
 * in their language, carrying the booking as the confirmation did (iTIP REQUEST, the same UID). The tests
 * drive the sweep with the time they choose; the last one lets the scheduled sweep do it.
 */
class BookingRemindersIT extends IntegrationTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    BookingReminderSweep sweep;
    @Autowired
    NotificationStore store;
    @Autowired
    QueryGateway queries;
    @Autowired
    QueryUpdateEmitter emitter;

    String resourceId;
    String username;
    String alice;
    String email;
    Instant day;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Reminder room"), "capacity", 8,
                "timeZone", "UTC", "bufferMinutes", 0, "minDurationMinutes", 15, "maxDurationMinutes", 240,
                "bookingWindowDays", 60)).body().get("id").asString();
        username = unique("alice");
        email = username + "@remind.test";
        alice = userWithEmail(username, email, "REQUESTER");
        day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    @Test
    void one_reminder_before_the_date_carries_the_booking_as_the_confirmation_did_however_often_it_is_swept()
            throws Exception {
        Instant start = at(0, 9 * 60);
        String id = book("Standup", start, at(0, 10 * 60), null);
        VEvent confirmed = CalendarFeedIT.event(calendar(awaitOne("Your booking is confirmed")), id);

        assertThat(sweep.sweepAt(start.minus(31, ChronoUnit.MINUTES), resourceId)).as("not due yet").isZero();
        assertThat(sweep.sweepAt(start.minus(30, ChronoUnit.MINUTES), resourceId)).isEqualTo(1);
        assertThat(sweep.sweepAt(start.minus(20, ChronoUnit.MINUTES), resourceId)).as("a second sweep").isZero();
        // a node that knows nothing of the first sweeps (a restart, another node) adds nothing either
        BookingReminderSweep restarted = new BookingReminderSweep(queries, store, emitter, Clock.systemUTC(),
                Duration.ofMinutes(30), "127.0.0.1");
        assertThat(restarted.sweepAt(start.minus(1, ChronoUnit.MINUTES), resourceId)).isZero();

        MimeMessage reminder = awaitOne("Reminder: “Standup” starts at 09:00");
        assertThat(text(reminder)).contains("“Standup”").contains("starts soon")
                .contains("09:00–10:00 (UTC)").contains("Reminder room");
        Calendar invitation = calendar(reminder);
        assertThat(invitation.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
        VEvent event = CalendarFeedIT.event(invitation, id);
        assertThat(CalendarFeedIT.property(event, Property.UID)).contains(id + "@aura")
                .isEqualTo(CalendarFeedIT.property(confirmed, Property.UID));
        assertThat(CalendarFeedIT.sequence(event)).isEqualTo(CalendarFeedIT.sequence(confirmed));
        assertThat(start(event)).isEqualTo(start);
        assertThat(invitation.toString()).doesNotContain("VALARM");
        // the outbox polls every 0.2 s: a second mail would arrive within this time
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> reminders().size() == 1);
        assertThat(reminders()).hasSize(1);
        // and the requester's inbox lists it
        assertThat(http.get("/api/notifications", alice).body().valueStream()
                .filter(n -> "BOOKING_REMINDER".equals(n.get("type").asString()))).hasSize(1);
    }

    @Test
    void a_cancelled_booking_and_a_date_already_begun_are_not_reminded() throws Exception {
        Instant start = at(0, 9 * 60);
        String cancelled = book("Cancelled", start, at(0, 10 * 60), null);
        awaitOne("Your booking is confirmed");
        assertThat(http.post("/events/" + cancelled + "/cancel", alice, Map.of()).status()).isEqualTo(200);
        awaitOne("Your booking is cancelled");
        book("Begun", at(0, 11 * 60), at(0, 12 * 60), null);
        await().atMost(WAIT).until(() -> received("Your booking is confirmed").size() == 2);

        assertThat(sweep.sweepAt(start.minus(10, ChronoUnit.MINUTES), resourceId)).isZero();
        assertThat(sweep.sweepAt(at(0, 11 * 60 + 1), resourceId)).isZero();

        // a reminder already in the outbox when its booking was cancelled is not sent either
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String queued = BookingReminders.key(cancelled, start) + ":" + username;
        assertThat(store.add(new InboxEntry(queued, username, BookingReminders.TYPE, cancelled, null, null, null,
                "Reminder: “Cancelled” starts at 09:00\n\nsoon", now, email, MailStatus.PENDING, 0, now, null)))
                .isTrue();
        await().atMost(WAIT).until(() -> store.entry(queued).orElseThrow().mailStatus() == MailStatus.DROPPED);
        assertThat(reminders()).isEmpty();
    }

    @Test
    void a_series_is_reminded_date_by_date_but_not_of_a_date_cancelled_and_a_moved_booking_at_its_new_time()
            throws Exception {
        String series = book("Weekly", at(1, 11 * 60), at(1, 12 * 60), "RRULE:FREQ=WEEKLY;COUNT=3");
        awaitOne("Your booking is confirmed");
        assertThat(http.post("/events/" + series + "/cancel", alice, Map.of("occurrenceStart",
                at(15, 11 * 60).toString())).status()).isEqualTo(200);
        awaitOne("A date of your booking is cancelled");

        assertThat(sweep.sweepAt(at(1, 11 * 60 - 5), resourceId)).isEqualTo(1);
        assertThat(sweep.sweepAt(at(8, 11 * 60 - 5), resourceId)).isEqualTo(1);
        assertThat(sweep.sweepAt(at(15, 11 * 60 - 5), resourceId)).as("the cancelled date").isZero();
        await().atMost(WAIT).until(() -> received("Reminder: “Weekly” starts at 11:00").size() == 2);
        for (MimeMessage mail : received("Reminder: “Weekly” starts at 11:00")) {
            Calendar invitation = calendar(mail);
            assertThat(invitation.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
            assertThat(invitation.<VEvent>getComponents(Component.VEVENT)).hasSize(1);
            CalendarFeedIT.event(invitation, series);
        }
        assertThat(received("Reminder: “Weekly” starts at 11:00").stream().map(m -> {
            try {
                return text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList()).anySatisfy(t -> assertThat(t).contains(dayOf(at(1, 0)) + ", 11:00–12:00 (UTC)"))
                .anySatisfy(t -> assertThat(t).contains(dayOf(at(8, 0)) + ", 11:00–12:00 (UTC)"));

        String moved = book("Review", at(2, 9 * 60), at(2, 10 * 60), null);
        await().atMost(WAIT).until(() -> received("Your booking is confirmed").size() == 2);
        assertThat(http.post("/events/" + moved + "/reschedule", alice, Map.of("start", at(2, 13 * 60).toString(),
                "end", at(2, 14 * 60).toString())).status()).isEqualTo(201);
        awaitOne("Your booking was moved");
        assertThat(sweep.sweepAt(at(2, 9 * 60 - 10), resourceId)).as("its old time").isZero();
        assertThat(sweep.sweepAt(at(2, 13 * 60 - 10), resourceId)).as("its new time").isEqualTo(1);
        assertThat(start(CalendarFeedIT.event(calendar(awaitOne("Reminder: “Review” starts at 13:00")), moved)))
                .isEqualTo(at(2, 13 * 60));
        assertThat(reminders()).hasSize(3);
    }

    @Test
    void a_requester_who_chose_german_is_reminded_in_german() throws Exception {
        assertThat(http.put("/api/users/me/language", alice, Map.of("language", "de")).status()).isEqualTo(200);
        Instant start = at(0, 15 * 60);
        String id = book("Planung", start, at(0, 16 * 60), null);
        awaitOne("Your booking is confirmed");

        assertThat(sweep.sweepAt(start.minus(15, ChronoUnit.MINUTES), resourceId)).isEqualTo(1);

        MimeMessage reminder = awaitOne("Erinnerung: „Planung“ beginnt um 15:00");
        assertThat(text(reminder)).contains("Ihre Buchung „Planung“").contains("beginnt bald")
                .contains("15:00–16:00 (UTC)");
        assertThat(calendar(reminder).getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
        CalendarFeedIT.event(calendar(reminder), id);
    }

    @Test
    void the_scheduled_sweep_reminds_of_a_date_starting_soon_on_its_own() throws Exception {
        Instant start = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        String id = book("Soon", start, start.plus(30, ChronoUnit.MINUTES), null);

        MimeMessage reminder = await().atMost(Duration.ofSeconds(30)).until(() -> reminders(), r -> r.size() == 1)
                .getFirst();

        assertThat(reminder.getSubject()).startsWith("Reminder: “Soon” starts at");
        assertThat(CalendarFeedIT.event(calendar(reminder), id)).isNotNull();
    }

    // ---- helpers --------------------------------------------------------------------------------

    String book(String title, Instant start, Instant end, String recurrence) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "resourceId", resourceId,
                "start", start.toString(), "end", end.toString()));
        if (recurrence != null) {
            body.put("recurrence", recurrence);
        }
        var created = http.post("/events/create", alice, body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("bookingId").asString();
    }

    Instant at(int dayOffset, int minute) {
        return day.plus(dayOffset, ChronoUnit.DAYS).plusSeconds(60L * minute);
    }

    static String dayOf(Instant at) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).format(at.atZone(ZoneOffset.UTC));
    }

    /** The mails to this test's requester with this subject. */
    List<MimeMessage> received(String subject) {
        return mailsTo().stream().filter(m -> subject.equals(subject(m))).toList();
    }

    /** The reminder mails to this test's requester, in either language. */
    List<MimeMessage> reminders() {
        return mailsTo().stream().filter(m -> subject(m).startsWith("Reminder:") || subject(m).startsWith("Erinnerung:"))
                .toList();
    }

    /** The one mail with this subject to this test's requester, once it is there. */
    MimeMessage awaitOne(String subject) {
        return await().atMost(WAIT).until(() -> received(subject), found -> found.size() == 1).getFirst();
    }

    private List<MimeMessage> mailsTo() {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
