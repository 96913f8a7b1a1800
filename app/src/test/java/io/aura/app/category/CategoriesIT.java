package io.aura.app.category;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Booking categories over HTTP (ADR 0040): an administrators' list with colours, each change an event. */
class CategoriesIT extends IntegrationTest {

    List<String> listedNames(String token) {
        List<String> names = new ArrayList<>();
        http.get("/api/categories", token).body().forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    @Test
    void an_administrator_defines_and_removes_a_category_anyone_lists_it_and_the_audit_shows_both() {
        String name = unique("Training");
        long before = storedEvents();

        var created = http.post("/api/categories", adminToken, Map.of("name", name, "colour", "#1a6fd6"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("categoryId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/categories/" + id);
        assertThat(created.body().get("colour").asString()).isEqualTo("#1A6FD6");
        assertThat(storedEvents()).isEqualTo(before + 1);
        String requester = userWithRoles(unique("rita"), "REQUESTER");
        assertThat(listedNames(requester)).contains(name);

        assertThat(http.delete("/api/categories/" + id, adminToken).status()).isEqualTo(204);
        assertThat(listedNames(requester)).doesNotContain(name);
        assertThat(http.delete("/api/categories/" + id, adminToken).status()).isEqualTo(404);
        String audit = http.get("/api/audit?aggregateId=categories&type=CategoryRemoved", adminToken).raw().body();
        assertThat(audit).contains(name);
    }

    @Test
    void a_taken_name_in_any_case_a_bad_colour_or_no_name_is_400_naming_the_field_and_records_nothing() {
        String name = unique("Interview");
        assertThat(http.post("/api/categories", adminToken, Map.of("name", name, "colour", "#2E7D32")).status())
                .isEqualTo(201);
        long before = storedEvents();

        assertThat(field(http.post("/api/categories", adminToken, Map.of("name", name.toUpperCase(java.util.Locale.ROOT),
                "colour", "#2E7D32")).body())).isEqualTo("name");
        assertThat(field(http.post("/api/categories", adminToken, Map.of("name", unique("x"), "colour", "green"))
                .body())).isEqualTo("colour");
        assertThat(field(http.post("/api/categories", adminToken, Map.of("name", unique("x"), "colour", "#12345"))
                .body())).isEqualTo("colour");
        assertThat(field(http.post("/api/categories", adminToken, Map.of("colour", "#123456")).body()))
                .isEqualTo("name");
        assertThat(field(http.post("/api/categories", adminToken, Map.of("name", "tab\there", "colour", "#123456"))
                .body())).isEqualTo("name");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void only_an_administrator_defines_or_removes_categories() {
        String requester = userWithRoles(unique("rick"), "REQUESTER");
        String id = http.post("/api/categories", adminToken, Map.of("name", unique("Lab"), "colour", "#6A1B9A"))
                .body().get("categoryId").asString();

        assertThat(http.post("/api/categories", requester, Map.of("name", unique("Mine"), "colour", "#6A1B9A"))
                .status()).isEqualTo(403);
        assertThat(http.delete("/api/categories/" + id, requester).status()).isEqualTo(403);
        assertThat(http.get("/api/categories", null).status()).isEqualTo(401);
    }

    @Test
    void a_booking_carries_a_category_by_its_defined_name_keeps_it_when_the_category_is_removed_and_an_unknown_one_is_400() {
        String name = unique("Workshop");
        String categoryId = http.post("/api/categories", adminToken, Map.of("name", name, "colour", "#B35900"))
                .body().get("categoryId").asString();
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Category room"), "capacity", 4,
                "timeZone", "Europe/Berlin")).body().get("id").asString();
        String requester = userWithRoles(unique("ruth"), "REQUESTER");
        Instant day = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);

        var booked = http.post("/events/create", requester, Map.of("title", "Kick-off", "resourceId", room,
                "start", day.plusSeconds(9 * 3600).toString(), "end", day.plusSeconds(10 * 3600).toString(),
                "category", name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(booked.status()).isEqualTo(201);
        String status = "/events/status?bookingId=" + booked.body().get("bookingId").asString();
        assertThat(http.get(status, requester).body().get("category").asString()).isEqualTo(name);
        http.delete("/api/categories/" + categoryId, adminToken);
        assertThat(http.get(status, requester).body().get("category").asString()).isEqualTo(name);
        JsonNode onCalendar = http.get("/dashboard/calendar?resourceId=" + room + "&from=" + day + "&to="
                + day.plus(1, ChronoUnit.DAYS), requester).body().get("events").get(0);
        assertThat(onCalendar.get("category").asString()).isEqualTo(name);

        long before = storedEvents();
        var unknown = http.post("/events/create", requester, Map.of("title", "Kick-off", "resourceId", room,
                "start", day.plusSeconds(11 * 3600).toString(), "end", day.plusSeconds(12 * 3600).toString(),
                "category", name));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(field(unknown.body())).isEqualTo("category");
        assertThat(storedEvents()).isEqualTo(before);
    }

    static String field(JsonNode problem) {
        assertThat(problem.has("errors")).as(problem.toString()).isTrue();
        return problem.get("errors").get(0).get("field").asString();
    }
}
