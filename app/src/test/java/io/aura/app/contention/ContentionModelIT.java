package io.aura.app.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.query.booking.HeatmapStore;
import io.aura.query.booking.HeatmapStore.Share;
import io.aura.query.booking.HeatmapStore.ShareKey;
import io.aura.query.booking.HeatmapStore.ShareKind;
import io.aura.query.booking.HeatmapStore.Zone;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Given twelve weeks of a room's history in the heatmap's buckets (weekday mornings mostly booked),
 * the contention model trains on it and the suggestions say what it expects.
 */
class ContentionModelIT extends IntegrationTest {
    @Autowired
    HeatmapStore heatmap;

    @AfterEach
    void forgetTheModel() {
        // the other tests' suggestions rank by the history alone
        http.delete("/api/admin/contention-model", adminToken);
    }

    @Test
    void trained_on_a_history_of_busy_weekday_mornings_suggestions_name_the_mornings_contended_and_the_evenings_quiet() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Busy room"), "capacity", 8,
                "timeZone", "UTC", "bookingWindowDays", 60)).body().get("id").asString();
        // the history no request could make now (bookings start in the future): written as the projection would,
        // once the projection has seen the room (it would otherwise write its registration over the one set here)
        await().atMost(Duration.ofSeconds(10)).until(() -> heatmap.zone(room).isPresent());
        heatmap.saveZone(new Zone(room, "UTC", Instant.now().minus(100, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Random random = new Random(7);
        List<Share> history = new ArrayList<>();
        for (LocalDate day = today.minusWeeks(12); day.isBefore(today); day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek().getValue() <= 5;
            for (int hour = 0; hour < 24; hour++) {
                boolean taken = random.nextDouble() < (weekday && hour >= 9 && hour < 12 ? 0.9 : 0.03);
                if (taken) {
                    history.add(new Share(new ShareKey(room, day, hour, ShareKind.BOOKED, "seed"), 60));
                }
            }
        }
        heatmap.saveShares(history);

        var trained = http.post("/api/admin/contention-model/train", adminToken, Map.of());

        assertThat(trained.status()).isEqualTo(200);
        assertThat(trained.body().get("trained").asBoolean()).as(trained.body().toString()).isTrue();
        assertThat(trained.body().get("validationAccuracy").asDouble())
                .isGreaterThan(trained.body().get("alwaysGuessingAccuracy").asDouble());
        assertThat(http.get("/api/admin/contention-model", adminToken).body().get("rows").asInt()).isPositive();

        LocalDate tuesday = today.plusWeeks(1).with(DayOfWeek.TUESDAY);
        Instant from = tuesday.atTime(8, 0).toInstant(ZoneOffset.UTC);
        JsonNode slots = http.get("/api/suggestions?resourceId=" + room + "&durationMinutes=60&count=50&from=" + from
                + "&to=" + from.plus(14, ChronoUnit.HOURS), adminToken).body();
        String tenAm = reasonsAt(slots, tuesday.atTime(10, 0).toInstant(ZoneOffset.UTC));
        String sevenPm = reasonsAt(slots, tuesday.atTime(19, 0).toInstant(ZoneOffset.UTC));
        assertThat(tenAm).contains("likely contended at this hour (contention model");
        assertThat(sevenPm).contains("likely quiet at this hour (contention model");
    }

    @Test
    void the_model_is_for_admins() {
        String requester = userWithRoles(unique("req"), "REQUESTER");
        assertThat(http.post("/api/admin/contention-model/train", requester, Map.of()).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/contention-model", requester).status()).isEqualTo(403);
    }

    private static String reasonsAt(JsonNode slots, Instant start) {
        for (JsonNode s : slots) {
            if (Instant.parse(s.get("start").asString()).equals(start)) {
                return s.get("reasons").toString();
            }
        }
        throw new AssertionError("no suggestion at " + start + " in " + slots);
    }
}
