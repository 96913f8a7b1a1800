package io.aura.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long an approval decision takes end to end: from POSTing an approval token to
 * {@code /approvals/authorize} until {@code GET /events/status} shows the booking CONFIRMED (polled
 * every 2 ms), over N bookings one after another. The baseline, measured in the same run, is a
 * booking on a resource without approval: POST /events/create until it answers CONFIRMED.
 *
 * <pre>java -cp ... io.aura.bench.DecisionLatency http://localhost:8080 admin PASSWORD [decisions]</pre>
 */
public final class DecisionLatency {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private DecisionLatency(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        DecisionLatency bench = new DecisionLatency(args.length > 0 ? args[0] : "http://localhost:8080");
        String admin = bench.token(args.length > 1 ? args[1] : "admin",
                args.length > 2 ? args[2] : System.getenv("AURA_ADMIN_PASSWORD"));
        int decisions = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        bench.post("/api/users", admin, Map.of("username", "bench-approver", "password", "bench-approver-pw-1",
                "roles", List.of("APPROVER")));
        String approver = bench.token("bench-approver", "bench-approver-pw-1");
        String gated = bench.post("/api/resources", admin, Map.of("name", "Gated room", "capacity", 10, "timeZone",
                "UTC", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of("bench-approver"))),
                "bookingWindowDays", 3650)).get("id").asString();
        String open = bench.post("/api/resources", admin, Map.of("name", "Open room", "capacity", 10, "timeZone",
                "UTC", "bookingWindowDays", 3650)).get("id").asString();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS);

        List<Long> baseline = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        List<Long> postOnly = new ArrayList<>();
        for (int i = 0; i < decisions + 20; i++) { // the first 20 of each warm the JVM up and are not counted
            Instant start = day.plus(Duration.ofMinutes(90L * i));
            long t0 = System.nanoTime();
            JsonNode plain = bench.post("/events/create", admin, booking(open, start));
            long plainNanos = System.nanoTime() - t0;
            if (!"CONFIRMED".equals(plain.get("status").asString())) {
                throw new IllegalStateException("baseline booking not confirmed: " + plain);
            }
            String bookingId = bench.post("/events/create", admin, booking(gated, start)).get("bookingId").asString();
            String token = bench.approvalToken(approver, bookingId);
            long d0 = System.nanoTime();
            bench.post("/approvals/authorize", null, Map.of("token", token, "decision", "APPROVE"));
            long posted = System.nanoTime() - d0;
            while (!"CONFIRMED".equals(bench.get("/events/status?bookingId=" + bookingId, admin).get("status").asString())) {
                Thread.sleep(2);
            }
            long decided = System.nanoTime() - d0;
            if (i >= 20) {
                baseline.add(plainNanos);
                postOnly.add(posted);
                endToEnd.add(decided);
            }
        }
        System.out.printf("decisions: %d, one after another%n", decisions);
        report("baseline: create on an open resource until CONFIRMED", baseline, baseline);
        report("token POST until its answer", postOnly, baseline);
        report("token POST until the booking shows CONFIRMED", endToEnd, baseline);
    }

    private static Map<String, Object> booking(String resource, Instant start) {
        return Map.of("title", "bench", "resourceId", resource, "start", start.toString(),
                "end", start.plus(Duration.ofHours(1)).toString());
    }

    private static void report(String what, List<Long> nanos, List<Long> baseline) {
        System.out.printf("%-50s p50 %6.1f ms  p99 %6.1f ms  (p50 %.2fx baseline)%n", what, pct(nanos, 50) / 1e6,
                pct(nanos, 99) / 1e6, (double) pct(nanos, 50) / pct(baseline, 50));
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private String approvalToken(String approver, String bookingId) throws Exception {
        while (true) {
            for (JsonNode n : get("/api/notifications", approver)) {
                if (bookingId.equals(n.path("bookingId").asString(null)) && n.path("token").isString()) {
                    return n.get("token").asString();
                }
            }
            Thread.sleep(2);
        }
    }

    private String token(String user, String password) throws Exception {
        return post("/api/auth/token", null, Map.of("username", user, "password", password)).get("access_token")
                .asString();
    }

    private JsonNode get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return JSON.readTree(client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String path, String token, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) request.header("Authorization", "Bearer " + token);
        String text = client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    }
}
