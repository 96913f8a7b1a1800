package io.aura.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md "Hardening": hostile input is a fast 400 problem naming its field and records nothing;
 * every error under the API's paths is a problem; the answers carry the browser's protections.
 */
class HardeningIT extends IntegrationTest {

    String room() {
        var created = http.post("/api/resources", adminToken, Map.of("name", unique("Hardened"), "capacity", 10,
                "timeZone", "Europe/Berlin", "approvalRequired", false));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    Map<String, Object> booking(String room, String title) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("resourceId", room);
        body.put("start", start.toString());
        body.put("end", start.plus(1, ChronoUnit.HOURS).toString());
        return body;
    }

    /** A refusal: 400, a problem naming {@code field}, within a second, and nothing stored. */
    void refusedNaming(String field, Runnable nothing, java.util.function.Supplier<Http.Response> request) {
        long before = storedEvents();
        long started = System.nanoTime();
        Http.Response answer = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(400);
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
        assertThat(answer.body().get("errors").findValuesAsString("field")).as(String.valueOf(answer.body()))
                .contains(field);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(storedEvents()).isEqualTo(before);
        nothing.run();
    }

    static final Runnable NOTHING_ELSE = () -> {};

    @Test
    void instants_outside_the_years_1970_to_2200_are_refused_naming_the_field() {
        String room = room();
        for (String start : List.of("0001-01-01T00:00:00Z", "2201-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T00:00:00Z")) {
            Map<String, Object> body = booking(room, "Far away");
            body.put("start", start);
            refusedNaming("start", NOTHING_ELSE, () -> http.post("/events/create", adminToken, body));
            refusedNaming("start", NOTHING_ELSE, () -> http.post("/api/resources/" + room + "/blackouts", adminToken,
                    Map.of("start", start, "end", "2026-12-31T00:00:00Z")));
        }
        refusedNaming("from", NOTHING_ELSE, () -> http.get("/dashboard/calendar?from=-999999999-01-01T00:00:00Z",
                adminToken));
        refusedNaming("to", NOTHING_ELSE, () -> http.get("/dashboard/heatmap?to=%2B999999999-01-01T00:00:00Z",
                adminToken));
    }

    @Test
    void titles_with_control_characters_or_direction_overrides_and_descriptions_past_their_limit_are_refused() {
        String room = room();
        for (String title : List.of("Stand\u0000up", "Stand\nup", "\u202Epu-dnats", "Stand\u2066up")) {
            refusedNaming("title", NOTHING_ELSE, () -> http.post("/events/create", adminToken, booking(room, title)));
        }
        Map<String, Object> longDescription = booking(room, "Planning");
        longDescription.put("description", "x".repeat(1_000_000));
        refusedNaming("description", NOTHING_ELSE, () -> http.post("/events/create", adminToken, longDescription));
        refusedNaming("reason", NOTHING_ELSE, () -> http.post("/api/resources/" + room + "/blackouts", adminToken,
                Map.of("start", "2030-01-01T00:00:00Z", "end", "2030-01-02T00:00:00Z", "reason", "a\u0007b")));
    }

    @Test
    void integers_past_their_range_are_refused_naming_the_field() {
        refusedNaming("capacity", NOTHING_ELSE, () -> http.post("/api/resources", adminToken,
                "{\"name\":\"Huge\",\"capacity\":99999999999,\"timeZone\":\"UTC\",\"approvalRequired\":false}"));
        String room = room();
        Map<String, Object> body = booking(room, "Crowd");
        body.put("attendees", 99999999999L);
        refusedNaming("attendees", NOTHING_ELSE, () -> http.post("/events/create", adminToken, body));
    }

    @Test
    void numbers_flags_and_texts_are_read_as_written_not_coerced() {
        refusedNaming("capacity", NOTHING_ELSE, () -> http.post("/api/resources", adminToken,
                "{\"name\":\"Coerced\",\"capacity\":\"12\",\"timeZone\":\"UTC\"}"));
        refusedNaming("capacity", NOTHING_ELSE, () -> http.post("/api/resources", adminToken,
                "{\"name\":\"Truncated\",\"capacity\":1.5,\"timeZone\":\"UTC\"}"));
        refusedNaming("approvalRequired", NOTHING_ELSE, () -> http.post("/api/resources", adminToken,
                "{\"name\":\"Flag\",\"capacity\":2,\"timeZone\":\"UTC\",\"approvalRequired\":\"true\"}"));
        String room = room();
        Map<String, Object> body = booking(room, "ignored");
        body.put("title", 12);
        refusedNaming("title", NOTHING_ELSE, () -> http.post("/events/create", adminToken, body));
    }

    @Test
    void unbounded_or_hidden_text_is_refused_wherever_it_would_be_kept() {
        String megabyte = "m".repeat(1_000_000);
        refusedNaming("displayName", NOTHING_ELSE, () -> http.post("/api/users", adminToken, Map.of("username",
                unique("big"), "password", "long-enough-pass-1", "roles", List.of("REQUESTER"), "displayName", megabyte)));
        refusedNaming("email", NOTHING_ELSE, () -> http.post("/api/users", adminToken, Map.of("username", unique("mail"),
                "password", "long-enough-pass-1", "roles", List.of("REQUESTER"), "email", megabyte + "@example.com")));
        refusedNaming("name", NOTHING_ELSE, () -> http.post("/api/resources", adminToken, Map.of("name",
                "Board\u202eroom", "capacity", 4, "timeZone", "UTC")));
        refusedNaming("url", NOTHING_ELSE, () -> http.post("/api/webhooks", adminToken, Map.of("url",
                "https://example.com/" + megabyte, "secret", "0123456789abcdef0123")));
        String room = room();
        refusedNaming("mailbox", NOTHING_ELSE, () -> http.put("/api/resources/" + room + "/external-calendar",
                adminToken, Map.of("mailbox", megabyte + "@contoso.com")));
    }

    @Test
    void degenerate_rrules_are_refused_naming_the_recurrence_quickly() {
        String room = room();
        for (String rule : List.of("RRULE:FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31;COUNT=3",
                "RRULE:FREQ=DAILY;INTERVAL=2147483647;COUNT=3", "RRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=500;COUNT=2",
                "RRULE:FREQ=YEARLY;BYYEARDAY=400;COUNT=2", "RRULE:FREQ=SECONDLY;COUNT=100000")) {
            Map<String, Object> body = booking(room, "Repeating");
            body.put("recurrence", rule);
            refusedNaming("recurrence", NOTHING_ELSE, () -> http.post("/events/create", adminToken, body));
        }
    }

    @Test
    void a_password_past_what_bcrypt_reads_is_refused_naming_it() {
        refusedNaming("password", NOTHING_ELSE, () -> http.post("/api/users", adminToken, Map.of("username",
                unique("longpw"), "password", "é".repeat(40), "roles", List.of("REQUESTER"))));
    }

    @Test
    void an_unknown_path_of_the_api_is_a_404_problem_not_the_ui() {
        for (String path : List.of("/api/no-such-thing", "/events/no-such-thing", "/dashboard/no-such-thing",
                "/approvals/no-such-thing")) {
            var answer = http.get(path, adminToken);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.header("Content-Type")).as(path).contains("application/problem+json");
        }
    }

    @Test
    void a_malformed_escape_in_a_query_string_is_a_400_problem() throws Exception {
        String base = http.base().replace("http://", "");
        String host = base.substring(0, base.indexOf(':'));
        int port = Integer.parseInt(base.substring(base.indexOf(':') + 1));
        try (Socket socket = new Socket(host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /dashboard/calendar?from=%ZZ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + adminToken + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            String headers = in.lines().takeWhile(l -> !l.isEmpty()).reduce("", (a, b) -> a + b.toLowerCase() + "\n");
            String body = in.lines().collect(java.util.stream.Collectors.joining("\n"));
            assertThat(status).as(headers).contains(" 400");
            assertThat(headers).as(status).contains("content-type: application/problem+json");
            assertThat(body).contains("\"field\":\"from\"");
        }
    }

    @Test
    void answers_carry_a_content_security_policy_and_a_referrer_policy() {
        var answer = http.get("/api/resources", adminToken);
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(answer.header("Referrer-Policy")).isNotBlank();
        var login = http.get("/login", null);
        assertThat(login.header("Content-Security-Policy")).isNotBlank();
    }

    @Test
    void behind_https_answers_carry_hsts_and_over_plain_http_they_do_not() throws Exception {
        var raw = new io.aura.app.web.fuzz.RawHttp(Integer.parseInt(environment.getProperty("local.server.port")));

        var viaProxy = raw.send("GET", "/api/resources", Map.of("Authorization", "Bearer " + adminToken,
                "X-Forwarded-Proto", "https"), null);
        var plain = raw.send("GET", "/api/resources", Map.of("Authorization", "Bearer " + adminToken), null);

        assertThat(viaProxy.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void the_ui_session_cookie_is_same_site_lax_and_out_of_scripts_reach() {
        var page = http.get("/login", null);

        String cookie = page.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.raw().headers()));
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_422_and_books_nothing() {
        String room = room();
        String key = unique("idem");
        var first = http.postWithHeader("/events/create", adminToken, booking(room, "First"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        long before = storedEvents();

        var other = http.postWithHeader("/events/create", adminToken, booking(room, "Something else"),
                "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).contains("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
        var again = http.postWithHeader("/events/create", adminToken, booking(room, "First"), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("bookingId").asString()).isEqualTo(first.body().get("bookingId").asString());
    }

    @Test
    void an_idempotency_key_past_its_length_is_refused_naming_it() {
        String room = room();
        refusedNaming("Idempotency-Key", NOTHING_ELSE, () -> http.postWithHeader("/events/create", adminToken,
                booking(room, "Keyed"), "Idempotency-Key", "k".repeat(1000)));
    }
}
