package io.aura.app.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Past bookings leave the live views after the retention period (two years by default) and stay in the audit
 * (ADR 0047). The sweep is run as of an instant two years ahead, on this test's room only, so the other tests'
 * bookings in the shared application are left alone.
 */
class PastBookingRetentionIT extends IntegrationTest {
    @Autowired
    PastBookingSweep sweep;

    String room;
    String aliceName;
    String alice;
    Instant day;
    String past;
    String kept;
    Instant whileBooked;

    @BeforeEach
    void aRoomWithABookingSoonAndOneTenDaysLater() {
        room = http.post("/api/resources", adminToken, Map.of("name", unique("Retention room"), "capacity", 4,
                "timeZone", "UTC")).body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        past = book(day.plus(Duration.ofHours(9)), "Old review");
        kept = book(day.plus(Duration.ofDays(10)).plus(Duration.ofHours(9)), "Later review");
        whileBooked = Instant.now();
        // the heatmap is its own projection: both bookings are counted there before the sweep
        await().atMost(Duration.ofSeconds(10)).until(() -> bookedMinutes() == 120);
    }

    String book(Instant start, String title) {
        var created = http.post("/events/create", alice, Map.of("title", title, "resourceId", room,
                "start", start.toString(), "end", start.plus(Duration.ofHours(1)).toString()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("bookingId").asString();
    }

    /** Two years and five days after the first booking: it is past retention, the one ten days later is not. */
    Instant twoYearsOn() {
        return day.atOffset(ZoneOffset.UTC).plusYears(2).plusDays(5).toInstant();
    }

    @Test
    void a_booking_past_retention_leaves_the_live_views_and_one_within_it_stays() {
        assertThat(calendar("")).containsExactly(past, kept);
        assertThat(timesheet()).containsExactly(2L, 120L);
        assertThat(feed()).contains(past + "@aura", kept + "@aura");

        assertThat(sweep.sweepAt(twoYearsOn(), room)).isEqualTo(1);

        assertThat(http.get("/events/status?bookingId=" + past, alice).status()).isEqualTo(404);
        assertThat(http.get("/events/status?bookingId=" + kept, alice).status()).isEqualTo(200);
        assertThat(calendar("")).containsExactly(kept);
        assertThat(timesheet()).containsExactly(1L, 60L);
        assertThat(feed()).doesNotContain(past + "@aura").contains(kept + "@aura");
        assertThat(http.post("/events/" + past + "/cancel", alice, Map.of()).status())
                .as("a booking no longer in the views cannot be changed through them").isEqualTo(404);
        // aggregated counts stay: the heatmap and the contention model learn from them (ADR 0047)
        assertThat(bookedMinutes()).isEqualTo(120);
    }

    @Test
    void the_audit_keeps_a_removed_bookings_events_its_chain_stays_valid_and_the_past_calendar_still_shows_it() {
        assertThat(sweep.sweepAt(twoYearsOn(), room)).isEqualTo(1);

        JsonNode events = http.get("/api/audit?aggregateId=" + past, adminToken).body();
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).contains("BookingRequested", "BookingConfirmed");
        JsonNode verified = http.get("/api/audit/verify?aggregateId=" + past, adminToken).body();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checkedEvents").asLong()).isEqualTo(events.size());
        // "what did we know then" is folded from the events, not the views
        assertThat(calendar("asOf=" + enc(whileBooked) + "&")).containsExactly(past, kept);
    }

    @Test
    void a_second_sweep_finds_nothing_more_and_a_sweep_before_the_period_is_over_removes_nothing() {
        assertThat(sweep.sweepAt(day.plus(Duration.ofDays(365)), room)).isZero();
        assertThat(calendar("")).containsExactly(past, kept);

        assertThat(sweep.sweepAt(twoYearsOn(), room)).isEqualTo(1);
        assertThat(sweep.sweepAt(twoYearsOn(), room)).isZero();
        assertThat(calendar("")).containsExactly(kept);
    }

    List<String> calendar(String asOf) {
        JsonNode body = http.get("/dashboard/calendar?" + asOf + "from=" + enc(day) + "&to="
                + enc(day.plus(Duration.ofDays(11))) + "&resourceId=" + room, adminToken).body();
        List<String> ids = new ArrayList<>();
        body.get("events").forEach(e -> ids.add(e.get("bookingId").asString()));
        return ids;
    }

    /** Alice's bookings and minutes in the timesheet over both dates. */
    List<Long> timesheet() {
        JsonNode rows = http.get("/api/timesheets?from=" + enc(day) + "&to=" + enc(day.plus(Duration.ofDays(12))),
                alice).body();
        long bookings = 0;
        long minutes = 0;
        for (JsonNode r : rows) {
            if (r.get("key").asString().equals(aliceName)) {
                bookings += r.get("bookings").asLong();
                minutes += r.get("minutes").asLong();
            }
        }
        return List.of(bookings, minutes);
    }

    String feed() {
        URI url = URI.create(http.get("/api/ical/links", alice).body().get("mine").asString());
        return http.get(url.getRawPath(), null).raw().body();
    }

    long bookedMinutes() {
        JsonNode cells = http.get("/dashboard/heatmap?from=" + enc(day) + "&to=" + enc(day.plus(Duration.ofDays(11)))
                + "&resourceId=" + room, adminToken).body().get("cells");
        long minutes = 0;
        for (JsonNode c : cells) {
            minutes += c.get("bookedMinutes").asLong();
        }
        return minutes;
    }

    static String enc(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }
}
