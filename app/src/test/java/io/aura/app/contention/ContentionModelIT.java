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
 * the contention model trains on it and is judged on a time-split hold-out of the last two weeks
 * (ADR 0050), and used only where it beats both the baseline and the heuristic; a refusal
 * followed by a booking elsewhere is a choice the hold-out ranks.
 */
class ContentionModelIT extends IntegrationTest {
    @Autowired
    HeatmapStore heatmap;

    @Autowired
    SharedContentionModel store;

    @AfterEach
    void forgetTheModel() {
        // the other tests' suggestions rank by the history alone
        http.delete("/api/admin/contention-model", adminToken);
    }

    @Test
    void trained_on_busy_weekday_mornings_it_is_judged_on_the_last_two_weeks_and_without_choices_stays_out_of_use() {
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
        JsonNode status = http.get("/api/admin/contention-model", adminToken).body();
        assertThat(status.get("rows").asInt()).isPositive();
        JsonNode evaluation = status.get("evaluation");
        assertThat(evaluation.get("holdOutFrom").asString()).isEqualTo(today.minusWeeks(2).toString());
        assertThat(evaluation.get("holdOutTo").asString()).isEqualTo(today.plusDays(1).toString());
        for (String figure : List.of("logLoss", "auc", "baselineLogLoss", "baselineAuc")) {
            assertThat(evaluation.get(figure).isNumber()).as(figure + " in " + evaluation).isTrue();
        }
        // the baseline learns this room's weekday mornings from the training weeks
        assertThat(evaluation.get("baselineAuc").asDouble()).isGreaterThan(0.8);
        // the rule, whatever choices the shared application's other tests left in the store
        boolean beatsBoth = evaluation.get("logLoss").asDouble() < evaluation.get("baselineLogLoss").asDouble()
                && evaluation.get("auc").asDouble() > evaluation.get("baselineAuc").asDouble()
                && evaluation.get("choices").asInt() >= 20 && evaluation.get("top3HitRate").isNumber()
                && evaluation.get("top3HitRate").asDouble() > evaluation.get("heuristicTop3HitRate").asDouble();
        assertThat(status.get("inUse").asBoolean()).as(status.toString()).isEqualTo(beatsBoth);
        assertThat(status.get("inUseReason").asString()).startsWith(beatsBoth ? "in use: " : "not in use: ");

        LocalDate tuesday = today.plusWeeks(1).with(DayOfWeek.TUESDAY);
        Instant from = tuesday.atTime(8, 0).toInstant(ZoneOffset.UTC);
        JsonNode slots = http.get("/api/suggestions?resourceId=" + room + "&durationMinutes=60&count=50&from=" + from
                + "&to=" + from.plus(14, ChronoUnit.HOURS), adminToken).body();
        String tenAm = reasonsAt(slots, tuesday.atTime(10, 0).toInstant(ZoneOffset.UTC));
        if (beatsBoth) {
            assertThat(tenAm).contains("likely contended at this hour (contention model");
        } else {
            assertThat(tenAm).contains("often busy at this hour").doesNotContain("contention model");
        }
    }

    @Test
    void refused_in_one_room_and_booking_the_same_time_in_another_is_a_choice_the_hold_out_ranks() {
        String first = http.post("/api/resources", adminToken, Map.of("name", unique("Room P"), "capacity", 8,
                "timeZone", "UTC")).body().get("id").asString();
        String second = http.post("/api/resources", adminToken, Map.of("name", unique("Room Q"), "capacity", 8,
                "timeZone", "UTC")).body().get("id").asString();
        String kim = userWithRoles(unique("kim"), "REQUESTER");
        String lou = userWithRoles(unique("lou"), "REQUESTER");
        Instant ten = LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC);
        Map<String, Object> meeting = Map.of("title", "Planning", "resourceId", first, "start", ten.toString(),
                "end", ten.plus(1, ChronoUnit.HOURS).toString());
        assertThat(http.post("/events/create", kim, meeting).status()).isEqualTo(201);
        assertThat(http.post("/events/create", lou, meeting).status()).isEqualTo(409);
        Map<String, Object> elsewhere = new java.util.HashMap<>(meeting);
        elsewhere.put("resourceId", second);
        assertThat(http.post("/events/create", lou, elsewhere).status()).isEqualTo(201);

        JsonNode evaluation = http.post("/api/admin/contention-model/train", adminToken, Map.of()).body()
                .get("evaluation");

        assertThat(evaluation.get("choices").asInt()).as(evaluation.toString()).isPositive();
        assertThat(evaluation.get("top3HitRate").isNumber()).as(evaluation.toString()).isTrue();
        assertThat(evaluation.get("heuristicTop3HitRate").isNumber()).as(evaluation.toString()).isTrue();
    }

    @Test
    void before_any_training_the_model_is_not_in_use_and_has_no_evaluation() {
        http.delete("/api/admin/contention-model", adminToken);

        JsonNode status = http.get("/api/admin/contention-model", adminToken).body();

        assertThat(status.get("inUse").asBoolean()).isFalse();
        assertThat(status.get("inUseReason").asString()).isEqualTo("not in use: not evaluated on a hold-out yet");
        assertThat(status.get("evaluation").isNull()).isTrue();
    }

    @Test
    void while_another_node_trains_an_administrators_training_or_forgetting_is_refused_at_once_naming_it() {
        assertThat(store.lease("node-elsewhere", Instant.now(), Duration.ofMinutes(30))).isTrue();
        try {
            long started = System.nanoTime();
            var trained = http.post("/api/admin/contention-model/train", adminToken, Map.of());
            var forgotten = http.delete("/api/admin/contention-model", adminToken);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within the admin wait, twice")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(trained.status()).isEqualTo(409);
            assertThat(trained.body().get("detail").asString()).contains("node-elsewhere");
            assertThat(forgotten.status()).isEqualTo(409);
            assertThat(forgotten.body().get("detail").asString()).contains("node-elsewhere");
        } finally {
            store.release("node-elsewhere");
        }
    }

    @Test
    void the_model_is_for_admins() {
        String requester = userWithRoles(unique("req"), "REQUESTER");
        assertThat(http.post("/api/admin/contention-model/train", requester, Map.of()).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/contention-model", requester).status()).isEqualTo(403);
        String auditor = userWithRoles(unique("aud"), "AUDITOR");
        assertThat(http.get("/api/admin/contention-model", auditor).status()).isEqualTo(403);
        assertThat(http.delete("/api/admin/contention-model", auditor).status()).isEqualTo(403);
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
