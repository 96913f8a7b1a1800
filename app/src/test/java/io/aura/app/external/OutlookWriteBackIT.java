package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.graph.FakeGraph.Fault;
import io.aura.graph.FakeGraph.Write;
import io.aura.graph.FakeGraph.Written;
import io.aura.kernel.schedule.ExternalEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Confirmed bookings on a resource linked to a room mailbox are written into its Outlook calendar
 * through the Graph SDK, against a local server that answers like Graph (ADR 0043): created at their
 * times, moved, deleted; once, whatever Graph does meanwhile (500s, 429, a lost answer).
 */
class OutlookWriteBackIT extends IntegrationTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    String room;
    String mailbox;
    String alice;
    Instant day;

    @BeforeEach
    void roomWithAMailbox() {
        room = http.post("/api/resources", adminToken, Map.of("name", unique("Outlook write room"), "capacity", 8,
                "timeZone", "UTC", "bookingWindowDays", 90)).body().get("id").asString();
        mailbox = unique("write-room") + "@contoso.com";
        alice = userWithRoles(unique("alice"), "REQUESTER");
        day = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        GRAPH.calendar(mailbox);
        var linked = http.put("/api/resources/" + room + "/external-calendar", adminToken, Map.of("mailbox", mailbox));
        assertThat(linked.status()).as(String.valueOf(linked.body())).isEqualTo(200);
    }

    Instant at(int hour) {
        return day.plusSeconds(3600L * hour);
    }

    String book(String title, int fromHour, int toHour) {
        var booked = http.post("/events/create", alice, Map.of("title", title, "resourceId", room,
                "start", at(fromHour).toString(), "end", at(toHour).toString()));
        assertThat(booked.status()).as(String.valueOf(booked.body())).isEqualTo(201);
        return booked.body().get("bookingId").asString();
    }

    JsonNode status(String bookingId) {
        return http.get("/events/status?bookingId=" + bookingId, alice).body();
    }

    Written outlookEventOf(String bookingId, Instant date) {
        String tx = ExternalEvents.transactionId(bookingId, date);
        await().atMost(PATIENCE).until(() -> GRAPH.events(mailbox).stream().anyMatch(w -> tx.equals(w.transactionId())));
        return GRAPH.events(mailbox).stream().filter(w -> tx.equals(w.transactionId())).findFirst().orElseThrow();
    }

    @Test
    void a_confirmed_booking_is_created_in_the_room_calendar_at_its_times_moved_and_cancelled() {
        String booking = book("Board meeting", 9, 10);

        Written created = outlookEventOf(booking, at(9));
        assertThat(created.subject()).isEqualTo("Board meeting");
        assertThat(created.start()).isEqualTo(at(9));
        assertThat(created.end()).isEqualTo(at(10));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(booking).path("externalEventId").asString(""))
                .as("the booking view shows it").isEqualTo(created.id()));
        assertThat(http.get("/api/audit?aggregateId=" + booking, adminToken).body().toString())
                .as("kept in the booking's history").contains("ExternalEventRecorded").contains(created.id());

        var moved = http.post("/events/" + booking + "/reschedule", alice, Map.of("start", at(14).toString(),
                "end", at(15).toString()));
        assertThat(moved.status()).isEqualTo(201);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(GRAPH.events(mailbox))
                .containsExactly(new Written(created.id(), created.transactionId(), "Board meeting", at(14), at(15))));
        assertThat(status(booking).path("externalEventId").asString("")).as("the same event, moved").isEqualTo(created.id());

        assertThat(http.post("/events/" + booking + "/cancel", alice, Map.of()).status()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(GRAPH.events(mailbox)).isEmpty());
        assertThat(GRAPH.writes(mailbox)).extracting(Write::method).containsExactly("POST", "PATCH", "DELETE");
    }

    @Test
    void each_date_of_a_series_is_its_own_outlook_event_and_a_date_cancelled_leaves_the_others() {
        var booked = http.post("/events/create", alice, Map.of("title", "Weekly", "resourceId", room,
                "start", at(9).toString(), "end", at(10).toString(), "recurrence", "RRULE:FREQ=DAILY;COUNT=2"));
        assertThat(booked.status()).as(String.valueOf(booked.body())).isEqualTo(201);
        String booking = booked.body().get("bookingId").asString();
        Instant second = at(9).plus(Duration.ofDays(1));

        Written first = outlookEventOf(booking, at(9));
        Written next = outlookEventOf(booking, second);
        assertThat(next.start()).isEqualTo(second);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(booking).get("occurrences"))
                .extracting(o -> o.path("externalEventId").asString("")).containsExactly(first.id(), next.id()));

        var cancelled = http.post("/events/" + booking + "/cancel", alice, Map.of("occurrenceStart", second.toString()));
        assertThat(cancelled.status()).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(GRAPH.events(mailbox)).extracting(Written::id)
                .containsExactly(first.id()));
    }

    @Test
    void a_graph_outage_delays_the_write_but_never_loses_it_nor_the_booking() {
        GRAPH.failNextWrites(mailbox, Fault.status(500), Fault.status(503), Fault.status(500));

        String booking = book("Through the outage", 9, 10);

        assertThat(status(booking).get("status").asString()).as("the booking does not wait for Graph").isEqualTo("CONFIRMED");
        Written created = outlookEventOf(booking, at(9));
        assertThat(GRAPH.events(mailbox)).containsExactly(created);
        assertThat(GRAPH.writes(mailbox)).extracting(Write::status).containsExactly(500, 503, 500, 201);
    }

    @Test
    void a_throttled_write_waits_as_long_as_graph_asks() {
        GRAPH.failNextWrites(mailbox, Fault.throttled(2));

        String booking = book("Throttled", 9, 10);

        outlookEventOf(booking, at(9));
        List<Write> writes = GRAPH.writes(mailbox);
        assertThat(writes).extracting(Write::status).containsExactly(429, 201);
        assertThat(Duration.between(writes.get(0).at(), writes.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void a_create_whose_answer_was_lost_is_sent_again_and_makes_one_outlook_event() {
        GRAPH.failNextWrites(mailbox, Fault.answerLate(Duration.ofSeconds(4)));

        String booking = book("Answer lost", 9, 10);

        Written created = outlookEventOf(booking, at(9));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(booking).path("externalEventId").asString(""))
                .isEqualTo(created.id()));
        assertThat(GRAPH.writes(mailbox)).extracting(Write::method).as("sent twice").containsExactly("POST", "POST");
        assertThat(GRAPH.events(mailbox)).as("one event").containsExactly(created);
        long recorded = java.util.stream.StreamSupport.stream(http.get("/api/audit?aggregateId=" + booking, adminToken)
                .body().spliterator(), false).filter(e -> e.toString().contains("ExternalEventRecorded")).count();
        assertThat(recorded).as("recorded once").isEqualTo(1);
    }

    @Test
    void the_events_aura_wrote_are_not_read_back_as_outlook_busy_times() {
        String booking = book("Ours", 9, 10);
        outlookEventOf(booking, at(9));

        JsonNode read = http.post("/api/resources/" + room + "/external-calendar/sync", adminToken, Map.of()).body();

        assertThat(read.get("busyTimes").asInt()).as("its own booking is not in its way").isZero();
        assertThat(read.get("writesWaiting").asLong()).isZero();
        assertThat(read.get("writesFailed").asLong()).isZero();
    }
}
