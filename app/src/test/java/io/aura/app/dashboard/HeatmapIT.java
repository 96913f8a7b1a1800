package io.aura.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The heatmap counts booked minutes per day of week and local hour, in the resource's own time zone. */
class HeatmapIT extends IntegrationTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void a_booking_fills_its_local_hours_and_a_cancellation_empties_them() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Tokyo room"), "capacity", 4,
                "timeZone", TOKYO.getId(), "maxDurationMinutes", 600)).body().get("id").asString();
        String alice = userWithRoles(unique("alice"), "REQUESTER");
        LocalDate monday = LocalDate.now(TOKYO).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        ZonedDateTime start = monday.atTime(9, 0).atZone(TOKYO);
        String booking = http.post("/events/create", alice, Map.of("title", "heat", "resourceId", room,
                "start", start.toOffsetDateTime().toString(),
                "end", start.plusMinutes(90).toOffsetDateTime().toString())).body().get("bookingId").asString();
        String window = "from=" + monday.atStartOfDay(TOKYO).toOffsetDateTime() + "&to="
                + monday.plusDays(7).atStartOfDay(TOKYO).toOffsetDateTime() + "&resourceId=" + room;

        await().atMost(Duration.ofSeconds(10)).until(() -> cell(window, 1, 9).get("bookedMinutes").asLong() == 60);
        assertThat(cell(window, 1, 9).get("utilization").asDouble()).isEqualTo(1.0);
        assertThat(cell(window, 1, 10).get("bookedMinutes").asLong()).isEqualTo(30);
        assertThat(cell(window, 1, 10).get("utilization").asDouble()).isEqualTo(0.5);
        assertThat(cell(window, 2, 9).get("bookedMinutes").asLong()).isZero();
        assertThat(cell(window, 2, 9).get("bookableMinutes").asLong()).isEqualTo(60);

        // a blackout takes its minutes out of what could be booked
        ZonedDateTime closed = monday.plusDays(1).atTime(9, 0).atZone(TOKYO);
        assertThat(http.post("/api/resources/" + room + "/blackouts", adminToken, Map.of(
                "start", closed.toOffsetDateTime().toString(), "end", closed.plusMinutes(30).toOffsetDateTime().toString(),
                "reason", "inspection")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> cell(window, 2, 9).get("bookableMinutes").asLong() == 30);

        http.post("/events/" + booking + "/cancel", alice, Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> cell(window, 1, 9).get("bookedMinutes").asLong() == 0);
        assertThat(cell(window, 1, 10).get("bookedMinutes").asLong()).isZero();
    }

    @Test
    void a_window_ending_before_it_starts_is_400() {
        assertThat(http.get("/dashboard/heatmap?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", adminToken).status())
                .isEqualTo(400);
    }

    private JsonNode cell(String window, int dayOfWeek, int hour) {
        for (JsonNode cell : http.get("/dashboard/heatmap?" + window.replace("+", "%2B"), adminToken).body().get("cells")) {
            if (cell.get("dayOfWeek").asInt() == dayOfWeek && cell.get("hour").asInt() == hour) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + dayOfWeek + "/" + hour);
    }
}
