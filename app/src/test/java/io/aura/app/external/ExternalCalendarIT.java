package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.graph.FakeGraph.Entry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A room's Outlook calendar, read through the Graph SDK from a local server that answers like
 * Graph, refuses bookings over its busy times and frees them when they go.
 */
class ExternalCalendarIT extends IntegrationTest {
    String room;
    String mailbox;
    String alice;
    Instant day;

    @BeforeEach
    void roomWithAMailbox() {
        room = http.post("/api/resources", adminToken, Map.of("name", unique("Outlook room"), "capacity", 8,
                "timeZone", "UTC", "bookingWindowDays", 90)).body().get("id").asString();
        mailbox = unique("room") + "@contoso.com";
        alice = userWithRoles(unique("alice"), "REQUESTER");
        day = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    @AfterEach
    void graphBack() {
        GRAPH.failing(false);
    }

    Instant at(int hour) {
        return day.plusSeconds(3600L * hour);
    }

    int book(int fromHour, int toHour) {
        return http.post("/events/create", alice, Map.of("title", "Meeting", "resourceId", room,
                "start", at(fromHour).toString(), "end", at(toHour).toString())).status();
    }

    JsonNode link(String box) {
        var answer = http.put("/api/resources/" + room + "/external-calendar", adminToken, Map.of("mailbox", box));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        return answer.body();
    }

    @Test
    void outlook_busy_times_refuse_bookings_as_external_and_free_them_when_they_go() {
        GRAPH.calendar(mailbox, new Entry(at(9), at(10), "busy", false), new Entry(at(11), at(12), "free", false));

        JsonNode linked = link(mailbox.toUpperCase());

        assertThat(linked.get("mailbox").asString()).isEqualTo(mailbox);
        assertThat(linked.get("lastRead").get("busyTimes").asInt()).isEqualTo(1);
        assertThat(http.get("/api/resources/" + room, alice).body().get("externalCalendar").asString()).isEqualTo(mailbox);
        var refused = http.post("/events/create", alice, Map.of("title", "Clash", "resourceId", room,
                "start", at(9).plusSeconds(1800).toString(), "end", at(10).plusSeconds(1800).toString()));
        assertThat(refused.status()).isEqualTo(409);
        JsonNode conflict = refused.body().get("conflicts").get(0);
        assertThat(conflict.get("source").asString()).isEqualTo("EXTERNAL");
        assertThat(conflict.get("start").asString()).isEqualTo(at(9).toString());
        assertThat(conflict.has("bookingId") && !conflict.get("bookingId").isNull()).isFalse();
        assertThat(book(11, 12)).as("a free Outlook entry takes no time").isEqualTo(201);
        // the read side follows (suggestions are read from the views, eventually consistent with the schedule)
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/api/suggestions?resourceId="
                + room + "&durationMinutes=60&from=" + at(8) + "&to=" + at(11) + "&count=10", alice).body()).allSatisfy(s ->
                assertThat(Instant.parse(s.get("end").asString()).isAfter(at(9))
                        && Instant.parse(s.get("start").asString()).isBefore(at(10))).as("suggested over Outlook").isFalse()));

        // the meeting moved in Outlook: 9-10 is free now, 14-15 is taken
        GRAPH.calendar(mailbox, new Entry(at(14), at(15), "busy", false));
        var read = http.post("/api/resources/" + room + "/external-calendar/sync", adminToken, Map.of());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("busyTimes").asInt()).isEqualTo(1);
        assertThat(book(9, 10)).isEqualTo(201);
        assertThat(book(14, 15)).isEqualTo(409);

        // unlinked: Outlook no longer counts
        var unlinked = http.put("/api/resources/" + room + "/external-calendar", adminToken, Map.of("mailbox", ""));
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(book(14, 15)).isEqualTo(201);
    }

    @Test
    void an_unreadable_calendar_changes_nothing_and_says_why() {
        GRAPH.calendar(mailbox, new Entry(at(9), at(10), "busy", false));
        link(mailbox);
        long before = storedEvents();

        GRAPH.failing(true);
        JsonNode read = http.post("/api/resources/" + room + "/external-calendar/sync", adminToken, Map.of()).body();

        assertThat(read.get("error").asString()).contains(mailbox);
        assertThat(storedEvents()).as("nothing recorded").isEqualTo(before);
        assertThat(book(9, 10)).as("what was known still counts").isEqualTo(409);
    }

    @Test
    void reading_the_same_calendar_again_records_nothing_new() {
        GRAPH.calendar(mailbox, new Entry(at(9), at(10), "busy", false));
        link(mailbox);
        long before = storedEvents();

        http.post("/api/resources/" + room + "/external-calendar/sync", adminToken, Map.of());

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void linking_is_for_admins_with_a_mailbox_address_and_a_resource_that_exists() {
        long before = storedEvents();
        var notAMailbox = http.put("/api/resources/" + room + "/external-calendar", adminToken, Map.of("mailbox", "room a"));
        assertThat(notAMailbox.status()).isEqualTo(400);
        assertThat(notAMailbox.body().get("errors").get(0).get("field").asString()).isEqualTo("mailbox");
        assertThat(http.put("/api/resources/no-such-room/external-calendar", adminToken, Map.of("mailbox", mailbox))
                .status()).isEqualTo(404);
        assertThat(http.put("/api/resources/" + room + "/external-calendar", alice, Map.of("mailbox", mailbox)).status())
                .isEqualTo(403);
        assertThat(http.post("/api/resources/" + room + "/external-calendar/sync", adminToken, Map.of()).status())
                .as("nothing linked").isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
