package io.aura.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Was this room booked when the complaint was filed?": the calendar as of an instant, from the events. */
class AsOfCalendarIT extends IntegrationTest {

    @Test
    void the_calendar_as_of_an_instant_shows_what_was_booked_then_not_now() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("As-of room"), "capacity", 4,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        String alice = userWithRoles(unique("alice"), "REQUESTER");
        Instant day = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Instant beforeBooking = Instant.now();
        String booking = http.post("/events/create", alice, Map.of("title", "then", "resourceId", room,
                "start", day.plusSeconds(9 * 3600).toString(), "end", day.plusSeconds(10 * 3600).toString()))
                .body().get("bookingId").asString();
        Instant whileBooked = Instant.now();
        http.post("/events/" + booking + "/cancel", alice, Map.of());
        String window = "&from=" + day + "&to=" + day.plus(1, ChronoUnit.DAYS) + "&resourceId=" + room;

        assertThat(ids("/dashboard/calendar?asOf=" + whileBooked + window)).containsExactly(booking);
        assertThat(ids("/dashboard/calendar?asOf=" + beforeBooking + window)).isEmpty();
        assertThat(ids("/dashboard/calendar?" + window.substring(1))).isEmpty();
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        http.get(path, adminToken).body().get("events").forEach(e -> ids.add(e.get("bookingId").asString()));
        return ids;
    }
}
