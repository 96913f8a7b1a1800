package io.aura.app.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import io.aura.app.web.fuzz.OpenApiOperations.Operation;
import io.aura.app.web.fuzz.OpenApiOperations.Parameter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI description, driven with hostile values of each parameter's type by
 * callers of every kind, and four properties held of every answer: no 5xx; every 4xx is
 * {@code application/problem+json}; headers within 1 s; and a refused request recorded nothing (no
 * stored event carries its {@code X-Request-Id}, checked after the run so late consequences count too).
 *
 * <p>An application of its own, in a JVM of its own (surefire execution {@code api-fuzzer}): the fuzzer
 * disables users, replays projections and forgets the contention model, which the shared application's
 * tests must not see, and a second Vaadin application in one JVM would replace the static security
 * context strategy under the first. {@code ./mvnw -pl app test -Dtest=ApiFuzzIT -Daura.fuzz.requests=30000
 * -Daura.fuzz.seed=...} for a long run; CI runs a short one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "aura.fuzz.own-jvm", matches = "true") // its execution sets it; -Dtest=... elsewhere too
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiFuzzIT {
    private static final int REQUESTS = Integer.getInteger("aura.fuzz.requests", 1200);
    // CI runs one seed, so a red build can be repeated as it was; long runs choose theirs (-Daura.fuzz.seed)
    private static final long SEED = Long.getLong("aura.fuzz.seed", 17017L);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(1);
    /** Opened from an approval e-mail in a browser: their refusals are pages a person can read. */
    private static final Set<String> PAGES_FOR_PEOPLE = Set.of("GET /approvals/decide", "POST /approvals/authorize");
    // A 409 from these is a decision, not a refused request: API.md records the request, as rejected, for the audit
    private static final Set<String> REFUSALS_RECORDED_FOR_THE_AUDIT = Set.of("POST /events/create",
            "POST /events/{bookingId}/reschedule");
    private static final String RUN = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IntegrationTest.embeddedDefault(registry, Path.of("target", "it-data", RUN), "aura-fuzz");
    }

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, List<String>> known = new ConcurrentHashMap<>();
    private HostileValues values;
    private OpenApiOperations api;

    record Sent(String requestId, String method, String target, Map<String, String> headers, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + ")" : body;
            return requestId + ": " + method + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target)
                    + " " + headers.keySet() + " " + shown;
        }
    }

    @Test
    void no_request_gets_a_5xx_a_non_problem_4xx_a_slow_answer_or_records_anything_when_refused() throws Exception {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        Http http = new Http(port);
        RawHttp raw = new RawHttp(port);
        values = new HostileValues(SEED);
        String admin = http.token("admin", IntegrationTest.ADMIN_PASSWORD);
        Map<String, String> callers = callers(http, admin);
        seed(http, callers.get("admin"));
        api = new OpenApiOperations(http.get("/v3/api-docs", null).body());
        List<Operation> operations = api.operations();
        assertThat(operations).hasSizeGreaterThan(40);

        List<String> failures = new ArrayList<>();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Map<String, Sent> sent = new LinkedHashMap<>();
        Map<String, int[]> statusesByOperation = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Long> millis = new ArrayList<>();
        long slowest = 0;
        String slowestRequest = "";
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = values.pick(operations);
            Sent request = request(operation, RUN + "-" + i, callers);
            RawHttp.Answer answer;
            try {
                answer = raw.send(request.method(), request.target(), request.headers(),
                        request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures.add("no answer (" + e.getMessage() + ") to " + request);
                continue;
            }
            sent.put(request.requestId(), request);
            statuses.merge(answer.status(), 1, Integer::sum);
            millis.add(answer.millisToHeaders());
            statusesByOperation.computeIfAbsent(operation.name(), k -> new int[6])[answer.status() / 100]++;
            if (answer.millisToHeaders() > slowest) {
                slowest = answer.millisToHeaders();
                slowestRequest = request.toString();
            }
            if (answer.status() >= 500) {
                failures.add(answer.status() + " " + cut(answer.body()) + " for " + request);
            } else if (answer.status() >= 400) {
                if (!(answer.status() == 409 && REFUSALS_RECORDED_FOR_THE_AUDIT.contains(operation.name()))) {
                    refused.add(request.requestId());
                }
                boolean pageForPeople = PAGES_FOR_PEOPLE.contains(operation.name()) && (request.method().equals("GET")
                        || !"application/json".equals(request.headers().get("Content-Type")))
                        && String.valueOf(answer.header("content-type")).startsWith("text/html");
                if (!answer.isProblem() && !pageForPeople) {
                    failures.add(answer.status() + " not a problem (" + answer.header("content-type") + ": "
                            + cut(answer.body()) + ") for " + request);
                }
            } else if (answer.status() < 300) {
                learn(answer.body());
            }
            if (answer.status() == 202 && operation.name().equals("POST /api/admin/replay")) {
                // While a rebuild stops the processors (up to Axon's 1 s wait for events), a write waits for its
                // view: that second is the administrator's choice, not an answer's slowness. The next request
                // goes once the views are back.
                untilReplayFinished(http, callers.get("admin"));
            }
            if (answer.millisToHeaders() > ANSWER_LIMIT.toMillis()) {
                failures.add("answered in " + answer.millisToHeaders() + " ms: " + request);
            }
        }
        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
        Thread.sleep(1_000); // what a request set going (sagas, outboxes) has had time to record
        for (String recorded : requestIdsInEventStore()) {
            if (refused.contains(recorded)) {
                failures.add("a refused request recorded events: " + sent.get(recorded));
            }
        }
        millis.sort(null);
        System.out.printf("API fuzzer: seed %d, %d requests over %d operations in %d s (%d/s), statuses %s, p50 %d ms, "
                        + "p99 %d ms, slowest %d ms (%s), %d failures%n", SEED, REQUESTS, statusesByOperation.size(), seconds,
                REQUESTS / seconds, statuses, millis.get(millis.size() / 2), millis.get(millis.size() * 99 / 100), slowest,
                cut(slowestRequest), failures.size());
        statusesByOperation.forEach((op, counts) -> System.out.printf("  %-60s 2xx %4d  3xx %3d  4xx %4d  5xx %3d%n", op,
                counts[2], counts[3], counts[4], counts[5]));
        assertThat(statusesByOperation.keySet()).as("every operation was tried").hasSameSizeAs(
                operations.stream().map(Operation::name).distinct().toList());
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    private static void untilReplayFinished(Http http, String admin) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get("/api/admin/replay", admin).body().path("finished").asBoolean(false));
    }

    // ---- callers and the data they find -------------------------------------------------------------

    private Map<String, String> callers(Http http, String admin) {
        Map<String, String> callers = new LinkedHashMap<>();
        for (String role : List.of("ADMIN", "REQUESTER", "APPROVER", "AUDITOR")) {
            String name = RUN + "-" + role.toLowerCase();
            List<String> roles = role.equals("ADMIN") ? List.of("ADMIN", "REQUESTER", "APPROVER") : List.of(role);
            var created = http.post("/api/users", admin, Map.of("username", name, "password", name + "-password-1",
                    "roles", roles, "email", name + "@example.com"));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            callers.put(role.toLowerCase(), http.token(name, name + "-password-1"));
        }
        // Users the fuzzer may grant, revoke and disable: not its callers, which must keep their roles to the end
        for (int i = 0; i < 3; i++) {
            String name = RUN + "-target-" + i;
            var created = http.post("/api/users", admin, Map.of("username", name, "password", name + "-password-1",
                    "roles", List.of("REQUESTER", "APPROVER")));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            remember("username", name);
        }
        return callers;
    }

    /** Something to point at: a resource with and without approval, a booking, a blackout, a webhook. */
    private void seed(Http http, String admin) {
        for (boolean approval : new boolean[] {false, true}) {
            var resource = http.post("/api/resources", admin, Map.of("name", "Fuzz room " + approval, "capacity", 10,
                    "timeZone", "Europe/Paris", "approvalRequired", approval));
            assertThat(resource.status()).isEqualTo(201);
            String id = resource.body().get("id").asString();
            remember("resourceId", id);
            Instant start = values.plausibleInstant();
            var booking = http.post("/events/create", admin, Map.of("title", "Seed", "resourceId", id,
                    "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString()));
            learn(booking.body());
            var blackout = http.post("/api/resources/" + id + "/blackouts", admin, Map.of("start",
                    start.plus(Duration.ofDays(1)).toString(), "end", start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))
                            .toString(), "reason", "Seed"));
            learn(blackout.body());
        }
        learn(http.get("/api/approvals", admin).body());
        learn(http.post("/api/webhooks", admin, Map.of("url", "http://127.0.0.1:9/hook", "secret", "0123456789abcdef0123"))
                .body());
    }

    private static final Set<String> ID_FIELDS = Set.of("id", "resourceId", "bookingId", "approvalId", "blackoutId",
            "webhookId");

    private void learn(JsonNode body) {
        if (body == null) {
            return;
        }
        if (body.isArray()) {
            int n = 0;
            for (JsonNode item : body) {
                if (n++ < 5) {
                    learn(item);
                }
            }
        } else if (body.isObject()) {
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (ID_FIELDS.contains(field.getKey()) && field.getValue().isString()) {
                    remember(field.getKey(), field.getValue().asString());
                } else if (field.getValue().isContainer()) {
                    learn(field.getValue());
                }
            }
        }
    }

    private void learn(String body) {
        try {
            learn(Http.JSON.readTree(body));
        } catch (RuntimeException notJson) {
            // an answer that is not JSON has no ids to learn
        }
    }

    private void remember(String kind, String id) {
        List<String> ids = known.computeIfAbsent(kind, k -> new ArrayList<>());
        synchronized (ids) {
            if (!ids.contains(id) && ids.size() < 40) {
                ids.add(id);
            }
        }
    }

    private String knownOr(String kind, String otherwise) {
        List<String> ids = known.getOrDefault(kind, List.of());
        return ids.isEmpty() ? otherwise : values.pick(ids);
    }

    // ---- one request ----------------------------------------------------------------------------------

    private Sent request(Operation operation, String requestId, Map<String, String> callers) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", requestId);
        double who = values.random().nextDouble();
        if (who < 0.55) {
            headers.put("Authorization", "Bearer " + callers.get("admin"));
        } else if (who < 0.85) {
            headers.put("Authorization", "Bearer " + callers.get(values.pick(List.of("requester", "approver", "auditor"))));
        } else if (who < 0.95) {
            headers.put("Authorization", "Bearer " + values.pick(List.of("", "not-a-token",
                    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.", callers.get("admin") + "x")));
        }
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", pathValue(parameter));
            } else if (parameter.in().equals("query") && values.chance(parameter.required() ? 0.9 : 0.5)) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=')
                        .append(queryValue(parameter));
            } else if (parameter.in().equals("header") && values.chance(0.5)) {
                headers.put(parameter.name(), headerSafe(values.text()));
            }
        }
        if (values.chance(0.05)) {
            query.append(query.isEmpty() ? "?" : "&").append(values.pick(List.of("%zz=1", "a=%", "x=%e0%80%80", "=",
                    "&&", "mode=%00", "limit=1&limit=2")));
        }
        if (values.chance(0.05)) {
            headers.put("Idempotency-Key", headerSafe(values.chance(0.5) ? "x".repeat(300) : values.text()));
        }
        if (values.chance(0.04)) {
            headers.put("Accept", values.pick(List.of("application/xml", "text/html", "*/*", "application/json;q=0",
                    "text/event-stream", "image/png")));
        }
        String body = null;
        if (operation.bodySchema() != null || values.chance(0.05)) {
            body = body(operation, headers);
        }
        return new Sent(requestId, operation.method(), path + query, headers, body);
    }

    private String body(Operation operation, Map<String, String> headers) {
        String type = operation.bodyType() == null ? "application/json" : operation.bodyType();
        if (values.chance(0.05)) {
            type = values.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/json; charset=utf-16", "multipart/form-data; boundary=x"));
        }
        headers.put("Content-Type", type);
        double shape = values.random().nextDouble();
        if (shape < 0.08) {
            return values.pick(List.of("", "{", "{\"a\":", "null", "[]", "\"x\"", "12", "{\"title\":\"\\ud800\"}",
                    "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "1".repeat(10_000) + "}", "{\"a\":1,\"a\":2}",
                    "{\"title\": NaN}", "\u00ff\u00fe{}"));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return "token=" + URLEncoder.encode(values.text(), StandardCharsets.UTF_8) + "&decision="
                    + values.pick(List.of("APPROVE", "REJECT", "MAYBE", ""));
        }
        JsonNode schema = operation.bodySchema() == null ? JsonNodeFactory.instance.objectNode() : operation.bodySchema();
        return Http.JSON.writeValueAsString(value(schema, "", 0));
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (values.chance(0.04)) {
            return values.pick(List.<JsonNode>of(json.nullNode(), json.stringNode(values.text()), json.booleanNode(true),
                    json.arrayNode(), json.objectNode(), json.numberNode(12)));
        }
        String type = OpenApiOperations.typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = json.objectNode();
                String start = null;
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (depth > 3 || !values.chance(0.85)) {
                        continue;
                    }
                    JsonNode propertySchema = resolve(property.getValue());
                    if (property.getKey().equals("end") && start != null && values.chance(0.7)) {
                        object.put("end", Instant.parse(start).plus(Duration.ofMinutes(30L * (values.random().nextInt(6) - 1)))
                                .toString());
                        continue;
                    }
                    JsonNode value = value(propertySchema, property.getKey(), depth + 1);
                    object.set(property.getKey(), value);
                    if (property.getKey().equals("start") && value.isString()) {
                        start = parsesAsInstant(value.asString()) ? value.asString() : null;
                    }
                }
                if (values.chance(0.05)) {
                    object.put("unexpected", values.text());
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = json.arrayNode();
                int size = values.chance(0.05) ? 5_000 : values.random().nextInt(4);
                JsonNode items = resolve(schema.path("items"));
                for (int i = 0; i < size; i++) {
                    array.add(size > 10 ? json.stringNode("x" + i) : value(items, singular(name), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                if (values.chance(0.6)) {
                    return json.numberNode(values.random().nextInt(name.equals("capacity") ? 200 : 12));
                }
                Object n = values.number();
                return n instanceof java.math.BigInteger b ? json.numberNode(b) : n instanceof java.math.BigDecimal d
                        ? json.numberNode(d) : n instanceof Double d ? json.numberNode(d) : n instanceof Long l
                        ? json.numberNode(l) : json.numberNode((Integer) n);
            }
            case "boolean" -> {
                return values.chance(0.8) ? json.booleanNode(values.chance(0.5))
                        : json.stringNode(values.pick(List.of("true", "yes", "1")));
            }
            default -> {
                return json.stringNode(values.chance(0.6) ? plausible(name, schema) : hostile(name, schema));
            }
        }
    }

    private static boolean parsesAsInstant(String text) {
        try {
            Instant parsed = Instant.parse(text);
            return parsed.isAfter(Instant.EPOCH) && parsed.getEpochSecond() < 10_000_000_000L;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private JsonNode resolve(JsonNode schema) {
        return api.resolve(schema);
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** A value a real caller might send for a field of this name: gets past the first check to the deeper ones. */
    private String plausible(String name, JsonNode schema) {
        String lower = name.toLowerCase();
        if (schema.path("format").asString().equals("date-time") || lower.equals("start") || lower.equals("end")
                || lower.equals("from") || lower.equals("to") || lower.equals("asof") || lower.endsWith("start")) {
            return values.plausibleInstant().toString();
        }
        return switch (lower) {
            case "resourceid", "id" -> knownOr("resourceId", "no-such-resource");
            case "bookingid" -> knownOr("bookingId", "no-such-booking");
            case "approvalid" -> knownOr("approvalId", "no-such-approval");
            case "blackoutid" -> knownOr("blackoutId", "no-such-blackout");
            case "username", "approver", "actor" -> values.chance(0.4) ? knownOr("username", "nobody")
                    : values.chance(0.2) ? knownOr("bookingId", "nobody") // an id another aggregate already holds
                    : RUN + "-u" + values.random().nextInt(1000);
            case "role", "approverrole" -> values.pick(List.of("REQUESTER", "APPROVER", "ADMIN", "AUDITOR", "ROOT"));
            case "password", "secret" -> "pass-" + UUID.randomUUID();
            case "timezone" -> values.pick(HostileValues.ZONES);
            case "recurrence" -> values.chance(0.5) ? "RRULE:FREQ=DAILY;COUNT=" + (1 + values.random().nextInt(5))
                    : values.rrule();
            case "decision" -> values.pick(List.of("APPROVE", "REJECT", "approve", "MAYBE"));
            case "email" -> RUN + "@example.com";
            case "url" -> values.pick(List.of("http://127.0.0.1:9/hook", "https://example.com/hook", "http://0x7f.1/",
                    "http://0177.0.0.1/", "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
                    "http://[fe80::1%25eth0]/", "http://localhost./", "file:///etc/passwd", "gopher://127.0.0.1:25/",
                    "http://user:pass@example.com/", "http://169.254.169.254/latest/meta-data/", "javascript:alert(1)"));
            case "mode" -> values.pick(List.of("one-pass", "processors", "fast"));
            case "format" -> values.pick(List.of("json", "csv", "ndjson", "xml"));
            case "status" -> values.pick(List.of("PENDING", "APPROVED", "REJECTED", "pending", "CONFIRMED"));
            case "limit", "count", "attendees", "durationminutes", "afterindex", "capacity" ->
                    Integer.toString(values.random().nextInt(100));
            case "mailbox" -> values.pick(List.of("room@example.com", "not-an-address"));
            case "events", "event", "type" -> values.pick(List.of("BookingConfirmed", "booking.confirmed", "*"));
            default -> "Fuzz " + values.random().nextInt(10_000);
        };
    }

    private String hostile(String name, JsonNode schema) {
        String lower = name.toLowerCase();
        if (lower.equals("recurrence")) {
            return values.rrule();
        }
        if (schema.path("format").asString().equals("date-time") || lower.equals("start") || lower.equals("end")
                || lower.equals("from") || lower.equals("to")) {
            return values.instant();
        }
        return values.text();
    }

    private String pathValue(Parameter parameter) {
        double r = values.random().nextDouble();
        if (r < 0.6) {
            return encode(plausible(parameter.name(), parameter.schema()));
        }
        if (r < 0.95) {
            String text = values.text();
            return encode(text.length() > 5_000 ? text.substring(0, 5_000) : text);
        }
        return values.pick(List.of("%zz", "%", "..", "%2e%2e", "%2F", "a%00b", "%c0%ae", ";jsessionid=x", "a;b=c"));
    }

    private String queryValue(Parameter parameter) {
        String value = values.chance(0.5) ? plausible(parameter.name(), parameter.schema())
                : hostile(parameter.name(), parameter.schema());
        if (values.chance(0.05)) {
            return values.pick(List.of("%zz", "%", "%e0%80", "%ff%fe"));
        }
        return encode(value.length() > 6_000 ? value.substring(0, 6_000) : value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Header values travel as written, but a newline would end the header: keep them on one line. */
    private static String headerSafe(String value) {
        String oneLine = value.replaceAll("[\\r\\n]", " ");
        return oneLine.length() > 4_000 ? oneLine.substring(0, 4_000) : oneLine;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // ---- what the event store holds ---------------------------------------------------------------------

    private static final Pattern REQUEST_ID = Pattern.compile("(" + Pattern.quote(RUN) + "-\\d+)");

    private Set<String> requestIdsInEventStore() {
        Set<String> ids = new java.util.HashSet<>();
        jdbc.query("SELECT metaData FROM DomainEventEntry WHERE CAST(metaData AS TEXT) LIKE ?", row -> {
            Matcher m = REQUEST_ID.matcher(new String(row.getBytes(1), StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }, "%" + RUN + "-%");
        return ids;
    }
}
