package io.aura.app.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.resource.ResourceEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the API fuzzer ({@link ApiFuzzIT}) found, each kept as a case of its own. */
class FuzzFindingsIT extends IntegrationTest {
    private RawHttp raw;

    @BeforeEach
    void raw() {
        raw = new RawHttp(Integer.parseInt(environment.getProperty("local.server.port")));
    }

    private Map<String, String> signedIn(String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + adminToken);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    @Test
    void a_header_with_a_control_character_is_a_400_problem_not_tomcats_page() throws Exception {
        var answer = raw.send("GET", "/api/resources", signedIn("Idempotency-Key", "Room \u0001\u0002"), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.body()).isTrue();
    }

    @Test
    void an_encoded_backslash_in_the_path_is_a_400_problem_not_tomcats_page() throws Exception {
        var answer = raw.send("DELETE", "/api/webhooks/%5C", signedIn(), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.body()).isTrue();
    }

    @Test
    void a_header_the_firewall_refuses_when_it_is_read_is_a_400_problem_not_a_500() throws Exception {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Fuzzed"), "capacity", 4,
                "timeZone", "Europe/Paris")).body().get("id").asString();
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        byte[] body = ("{\"title\":\"x\",\"resourceId\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\""
                + start.plus(1, ChronoUnit.HOURS) + "\"}").getBytes(StandardCharsets.UTF_8);
        long before = storedEvents();

        var answer = raw.send("POST", "/events/create", signedIn("Content-Type", "application/json",
                "Idempotency-Key", "ключ-ü"), body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void asking_for_error_by_name_is_a_404_problem() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            var answer = raw.send(method, "/error", signedIn(), null);
            assertThat(answer.status()).as(method).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(http.get("/v3/api-docs", null).body().get("paths").has("/error")).isFalse();
    }

    @Test
    void the_id_of_another_kind_of_thing_is_a_404_not_a_500() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Not a webhook"), "capacity", 4,
                "timeZone", "Europe/Paris")).body().get("id").asString();

        var answer = http.delete("/api/webhooks/" + room, adminToken);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void a_change_whose_accept_header_rules_out_json_is_refused_before_it_acts() throws Exception {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Accepting"), "capacity", 4,
                "timeZone", "Europe/Paris")).body().get("id").asString();
        Instant start = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var booked = http.post("/events/create", adminToken, Map.of("title", "Accept", "resourceId", room,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        String bookingId = booked.body().get("bookingId").asString();
        long before = storedEvents();
        byte[] move = ("{\"start\":\"" + start.plus(2, ChronoUnit.HOURS) + "\",\"end\":\"" + start.plus(3, ChronoUnit.HOURS)
                + "\"}").getBytes(StandardCharsets.UTF_8);

        var answer = raw.send("POST", "/events/" + bookingId + "/reschedule", signedIn("Content-Type",
                "application/json", "Accept", "image/png"), move);

        assertThat(answer.status()).isEqualTo(406);
        assertThat(storedEvents()).as("the booking was not moved").isEqualTo(before);
    }

    @Test
    void five_thousand_approvers_are_refused_at_once_without_looking_them_up() {
        List<String> names = IntStream.range(0, 5_000).mapToObj(i -> "x" + i).toList();
        long started = System.nanoTime();

        var answer = http.post("/api/approvals/no-such-approval/approvers", adminToken, Map.of("approvers", names));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("message").asString()).contains("at most 50");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);
    }

    @Test
    void a_refusal_never_sends_a_megabyte_of_the_callers_input_back() {
        var answer = http.post("/api/users", adminToken, Map.of("username", unique("big"), "password", "long-enough-pass-1",
                "roles", List.of("y".repeat(1_000_000))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw().body().length()).isLessThan(2_000);
    }

    @Test
    void a_request_is_traced_to_the_events_it_recorded_by_its_request_id() {
        String requestId = unique("trace");

        var answer = http.postWithHeader("/api/resources", adminToken, Map.of("name", unique("Traced"), "capacity", 4,
                "timeZone", "Europe/Paris"), "X-Request-Id", requestId);

        assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
        // registering a resource claims its name, then registers it (ADR 0028): both carry the request's id
        List<String> recorded = jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE CAST(metaData AS TEXT)"
                + " LIKE ? ORDER BY globalIndex", String.class, "%\"" + requestId + "\"%");
        assertThat(recorded).containsExactly(ResourceEvents.ResourceNameClaimed.class.getName(),
                ResourceEvents.ResourceRegistered.class.getName());
    }
}
