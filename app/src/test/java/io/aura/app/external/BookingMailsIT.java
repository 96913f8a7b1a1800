package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A booking's mails carry it for the requester's own calendar (iTIP, ADR 0035): the in-process SMTP
 * server receives them, and the calendar part is read back with ical4j — METHOD, the feeds' UID, a
 * SEQUENCE that grows with each change, the booking's times.
 */
class BookingMailsIT extends IntegrationTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    String resourceId;
    String alice;
    String email;
    Instant day;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Mail room"), "capacity", 8,
                "timeZone", "UTC", "bufferMinutes", 0, "minDurationMinutes", 15, "maxDurationMinutes", 240,
                "bookingWindowDays", 60)).body().get("id").asString();
        String name = unique("alice");
        email = name + "@itip.test";
        alice = userWithEmail(name, email, "REQUESTER");
        day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    @Test
    void the_confirmation_and_the_cancellation_carry_the_booking_as_itip_request_and_cancel_with_one_uid() throws Exception {
        String id = book("Standup", at(0, 9 * 60), at(0, 10 * 60), null);

        MimeMessage confirmation = awaitMail("Your booking is confirmed");
        assertThat(http.post("/events/" + id + "/cancel", alice, Map.of("reason", "moved online")).status())
                .isEqualTo(200);
        MimeMessage cancellation = awaitMail("Your booking is cancelled");

        assertThat(confirmation.getContentType()).startsWith("multipart/alternative");
        assertThat(text(confirmation)).contains("“Standup”").contains("is confirmed");
        assertThat(calendarPart(confirmation).getContentType()).contains("method=REQUEST");
        Calendar request = calendar(confirmation);
        Calendar cancel = calendar(cancellation);
        assertThat(request.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
        assertThat(cancel.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
        VEvent booked = CalendarFeedIT.event(request, id);
        VEvent cancelled = CalendarFeedIT.event(cancel, id);
        assertThat(CalendarFeedIT.sequence(cancelled)).isGreaterThan(CalendarFeedIT.sequence(booked));
        assertThat(CalendarFeedIT.property(cancelled, Property.STATUS)).contains("CANCELLED");
        for (VEvent event : List.of(booked, cancelled)) {
            assertThat(start(event)).isEqualTo(at(0, 9 * 60));
            assertThat(end(event)).isEqualTo(at(0, 10 * 60));
            assertThat(CalendarFeedIT.property(event, Property.ORGANIZER)).contains("mailto:aura-scheduler@localhost");
            assertThat(CalendarFeedIT.property(event, Property.ATTENDEE)).contains("mailto:" + email);
        }
        // the same entry the subscribed feed shows
        String feed = http.get(CalendarFeedIT.path(http.get("/api/ical/links", alice).body().get("mine").asString()),
                null).raw().body();
        assertThat(CalendarFeedIT.sequence(CalendarFeedIT.event(CalendarFeedIT.parse(feed), id)))
                .isEqualTo(CalendarFeedIT.sequence(cancelled));
    }

    @Test
    void a_move_is_a_new_request_and_a_cancelled_date_of_a_series_a_cancel_of_that_date() throws Exception {
        String single = book("Review", at(0, 9 * 60), at(0, 10 * 60), null);
        int first = CalendarFeedIT.sequence(CalendarFeedIT.event(calendar(awaitMail("Your booking is confirmed")),
                single));
        assertThat(http.post("/events/" + single + "/reschedule", alice, Map.of("start", at(0, 13 * 60).toString(),
                "end", at(0, 14 * 60).toString())).status()).isEqualTo(201);
        VEvent moved = CalendarFeedIT.event(calendar(awaitMail("Your booking was moved")), single);
        assertThat(CalendarFeedIT.sequence(moved)).isGreaterThan(first);
        assertThat(start(moved)).isEqualTo(at(0, 13 * 60));
        assertThat(end(moved)).isEqualTo(at(0, 14 * 60));

        String series = book("Weekly", at(1, 11 * 60), at(1, 12 * 60), "RRULE:FREQ=WEEKLY;COUNT=3");
        assertThat(http.post("/events/" + series + "/cancel", alice, Map.of("occurrenceStart",
                at(8, 11 * 60).toString())).status()).isEqualTo(200);

        Calendar cancel = calendar(awaitMail("A date of your booking is cancelled"));
        assertThat(cancel.getProperty(Property.METHOD).map(Property::getValue)).contains("CANCEL");
        VEvent date = CalendarFeedIT.event(cancel, series);
        assertThat(CalendarFeedIT.property(date, Property.RECURRENCE_ID)).isPresent();
        assertThat(start(date)).isEqualTo(at(8, 11 * 60));
        assertThat(cancel.<VEvent>getComponents(Component.VEVENT)).hasSize(1);
    }

    // ---- helpers --------------------------------------------------------------------------------

    String book(String title, Instant start, Instant end, String recurrence) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "resourceId", resourceId,
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

    /** The one mail with this subject to this test's requester, once it is there. */
    MimeMessage awaitMail(String subject) {
        return await().atMost(WAIT).until(() -> Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email))
                        && subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList(), found -> found.size() == 1).getFirst();
    }

    static BodyPart calendarPart(MimeMessage mail) throws MessagingException, IOException {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no text/calendar part");
    }

    static String text(MimeMessage mail) throws MessagingException, IOException {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no text/plain part");
    }

    static Calendar calendar(MimeMessage mail) throws Exception {
        Object content = calendarPart(mail).getContent();
        String ics = content instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : content.toString();
        return CalendarFeedIT.parse(ics);
    }

    static Instant start(VEvent event) {
        Optional<DtStart<Temporal>> date = event.getStartDate();
        return Instant.from(date.orElseThrow().getDate());
    }

    static Instant end(VEvent event) {
        Optional<DtEnd<Temporal>> date = event.getEndDate(false);
        return Instant.from(date.orElseThrow().getDate());
    }
}
