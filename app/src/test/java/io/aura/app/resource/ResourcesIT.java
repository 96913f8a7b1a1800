package io.aura.app.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourcesIT extends IntegrationTest {

    @Test
    void an_admin_registers_a_room_and_finds_it_in_the_list() {
        String name = unique("Boardroom");
        var created = http.post("/api/resources", adminToken, Map.of("name", name, "capacity", 12,
                "timeZone", "Europe/Berlin", "approvalRequired", false, "bufferMinutes", 15,
                "minDurationMinutes", 30, "maxDurationMinutes", 240, "bookingWindowDays", 60));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/resources/" + id);

        var list = http.get("/api/resources", adminToken);
        assertThat(list.status()).isEqualTo(200);
        var found = new ArrayList<Map<String, Object>>();
        list.body().forEach(r -> {
            if (r.get("id").asString().equals(id)) {
                found.add(Map.of("name", r.get("name").asString(), "capacity", r.get("capacity").asInt(),
                        "timeZone", r.get("timeZone").asString(), "bufferMinutes", r.get("bufferMinutes").asInt(),
                        "maxDurationMinutes", r.get("maxDurationMinutes").asInt()));
            }
        });
        assertThat(found).containsExactly(Map.of("name", name, "capacity", 12, "timeZone", "Europe/Berlin",
                "bufferMinutes", 15, "maxDurationMinutes", 240));
    }

    @Test
    void defaults_fill_the_optional_rules() {
        var created = http.post("/api/resources", adminToken, Map.of("name", unique("Projector"), "capacity", 1,
                "timeZone", "America/New_York"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("approvalRequired").asBoolean()).isFalse();
        assertThat(created.body().get("minDurationMinutes").asInt()).isEqualTo(15);
        assertThat(created.body().get("bookingWindowDays").asInt()).isEqualTo(365);
    }

    @ParameterizedTest(name = "{0}={1} is refused naming {0}")
    @CsvSource(delimiter = '|', value = {
        "name|''",
        "capacity|0",
        "capacity|-3",
        "capacity|'\"many\"'",
        "timeZone|'\"Mars/Olympus\"'",
        "timeZone|'\"+02:00\"'",
        "bufferMinutes|-1",
        "minDurationMinutes|0",
        "maxDurationMinutes|5",
        "bookingWindowDays|0",
        "approvers|'[\"nobody-here\"]'",
        "approvalRequired|'\"perhaps\"'",
        "colour|'\"blue\"'"
    })
    void invalid_resource_input_is_400_naming_the_field_and_records_nothing(String field, String json) {
        Map<String, String> body = new HashMap<>(Map.of("name", "\"Room\"", "capacity", "10",
                "timeZone", "\"Europe/Berlin\"", "minDurationMinutes", "15"));
        body.put(field, json.isEmpty() ? "\"\"" : json); // CsvSource turns '' into an empty string
        StringBuilder raw = new StringBuilder("{");
        body.forEach((k, v) -> raw.append(raw.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        raw.append('}');
        long before = storedEvents();

        var response = http.post("/api/resources", adminToken, raw.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_missing_required_field_is_named() {
        var response = http.post("/api/resources", adminToken, Map.of("name", "Room"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").toString()).contains("capacity", "timeZone");
    }

    @Test
    void malformed_json_is_400_not_500() {
        var response = http.post("/api/resources", adminToken, "{\"name\": ");
        assertThat(response.status()).isEqualTo(400);
    }
}
