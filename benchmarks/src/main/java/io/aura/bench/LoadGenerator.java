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
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives POST /events/create over HTTP with N concurrent clients against a running server and
 * prints bookings/s, p50/p99 latency and accepted/refused counts per run, each run's throughput
 * as a ratio to the one-client run measured first and to the PostgreSQL baseline with the same number
 * of clients, and a final overlap check over the calendar.
 *
 * <pre>java -cp ... io.aura.bench.LoadGenerator http://localhost:8080 admin PASSWORD [seconds] [clients,...] [baseline]</pre>
 *
 * Several servers of one deployment (the {@code postgres} profile's nodes) are given comma-separated
 * ({@code http://localhost:18081,http://localhost:18082}): client i sends to server i modulo their number.
 *
 * {@code baseline} is what {@code benchmarks/pg-baseline.sh} measured, inserts/s per number of clients
 * ({@code 1:3751.2,16:7504.3}), or {@code none} (the default) when PostgreSQL could not be installed or run:
 * the table then says "no baseline".
 */
public final class LoadGenerator {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SPREAD_RESOURCES = 20;
    private static final int BUFFER_MINUTES = 10;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final List<String> nodes;
    private final String token;

    private LoadGenerator(String bases, String user, String password) throws Exception {
        this.nodes = List.of(bases.split(","));
        this.base = nodes.get(0);
        this.token = post("/api/auth/token", null, Map.of("username", user, "password", password)).body()
                .get("access_token").asString();
    }

    record Answer(int status, JsonNode body) {}

    record Run(String scenario, int clients, int accepted, int refused, int failed, double seconds, long p50, long p99) {
        double perSecond() {
            return (accepted + refused) / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        LoadGenerator generator = new LoadGenerator(base, args.length > 1 ? args[1] : "admin",
                args.length > 2 ? args[2] : System.getenv("AURA_ADMIN_PASSWORD"));
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int[] clients = args.length > 4
                ? java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 4, 16};
        Map<Integer, Double> baseline = baseline(args.length > 5 ? args[5] : "none");

        List<String> spread = new ArrayList<>();
        for (int i = 0; i < SPREAD_RESOURCES; i++) {
            spread.add(generator.resource("Load room " + i));
        }
        String hot = generator.resource("Hot room");
        List<Run> runs = new ArrayList<>();
        for (int n : clients) {
            runs.add(generator.run("spread over " + SPREAD_RESOURCES + " resources", spread, n, seconds, 60));
        }
        for (int n : clients) {
            runs.add(generator.run("one hot resource", List.of(hot), n, seconds, 3));
        }
        System.out.printf("%n%-32s %7s %10s %9s %8s %7s %8s %8s %10s %13s%n", "scenario", "clients", "requests/s",
                "accepted", "refused", "failed", "p50 ms", "p99 ms", "vs 1 client", "vs PostgreSQL");
        for (Run r : runs) {
            Run first = runs.stream().filter(x -> x.scenario().equals(r.scenario())).findFirst().orElseThrow();
            Double pg = baseline.get(r.clients());
            System.out.printf("%-32s %7d %10.1f %9d %8d %7d %8d %8d %9.2fx %13s%n", r.scenario(), r.clients(),
                    r.perSecond(), r.accepted(), r.refused(), r.failed(), r.p50(), r.p99(),
                    r.perSecond() / first.perSecond(),
                    pg == null ? "no baseline" : String.format("%.3gx", r.perSecond() / pg));
        }
        if (baseline.isEmpty()) {
            System.out.printf("%nPostgreSQL baseline: no baseline (PostgreSQL could not be installed or run)%n");
        } else {
            StringBuilder figures = new StringBuilder();
            baseline.forEach((n, perSecond) -> figures.append(figures.isEmpty() ? "" : ", ")
                    .append(String.format("%d client%s %.1f/s", n, n == 1 ? "" : "s", perSecond)));
            System.out.printf("%nPostgreSQL baseline (pgbench, exclusion-constraint insert of random 30-minute slots"
                    + " on 1,000 resources, refusals counted): %s%n", figures);
        }
        List<String> all = new ArrayList<>(spread);
        all.add(hot);
        int overlaps = generator.overlaps(all);
        System.out.printf("%noverlap check: %d overlapping pairs of active bookings over %d resources%n", overlaps,
                all.size());
        if (overlaps > 0) {
            System.exit(1);
        }
    }

    /** "1:3751.2,16:7504.3" to {1=3751.2, 16=7504.3}; "none" or "" to an empty map. */
    static Map<Integer, Double> baseline(String arg) {
        Map<Integer, Double> baseline = new java.util.TreeMap<>();
        if (arg.isBlank() || arg.equals("none")) {
            return baseline;
        }
        for (String pair : arg.split(",")) {
            String[] parts = pair.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("baseline: expected clients:inserts-per-second, got " + pair);
            }
            baseline.put(Integer.parseInt(parts[0]), Double.parseDouble(parts[1]));
        }
        return baseline;
    }

    private String resource(String name) throws Exception {
        return post("/api/resources", token, Map.of("name", name, "capacity", 20, "timeZone", "Europe/Berlin",
                "bufferMinutes", BUFFER_MINUTES, "bookingWindowDays", 365)).body().get("id").asString();
    }

    private Run run(String scenario, List<String> resources, int clients, int seconds, int days) throws Exception {
        Instant firstDay = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Instant stopAt = Instant.now().plusSeconds(seconds);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(clients * 1000L + c + scenario.hashCode());
            String node = nodes.get(c % nodes.size());
            threads.add(Thread.ofPlatform().start(() -> {
                while (Instant.now().isBefore(stopAt)) {
                    Instant start = firstDay.plus(Duration.ofDays(random.nextInt(days)))
                            .plus(Duration.ofMinutes(7 * 60 + 15L * random.nextInt(48)));
                    Instant end = start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(4))));
                    long t0 = System.nanoTime();
                    try {
                        Answer a = post(node, "/events/create", token, Map.of("title", "load", "resourceId",
                                resources.get(random.nextInt(resources.size())), "start", start.toString(),
                                "end", end.toString()));
                        latencies.add((System.nanoTime() - t0) / 1_000_000);
                        switch (a.status()) {
                            case 201 -> accepted.incrementAndGet();
                            case 409 -> refused.incrementAndGet();
                            default -> failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        Run run = new Run(scenario, clients, accepted.get(), refused.get(), failed.get(), elapsed, p50, p99);
        System.out.printf("%s, %d clients: %.1f requests/s, p50 %d ms, p99 %d ms%n", scenario, clients,
                run.perSecond(), p50, p99);
        return run;
    }

    private int overlaps(List<String> resources) throws Exception {
        int overlaps = 0;
        Instant from = Instant.now();
        for (String resource : resources) {
            JsonNode events = get("/dashboard/calendar?resourceId=" + resource + "&from=" + from + "&to="
                    + from.plus(Duration.ofDays(90))).body().get("events");
            List<Instant[]> ranges = new ArrayList<>();
            events.forEach(e -> ranges.add(new Instant[] {Instant.parse(e.get("start").asString()),
                    Instant.parse(e.get("end").asString())}));
            ranges.sort((a, b) -> a[0].compareTo(b[0]));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i)[0].isBefore(ranges.get(i - 1)[1].plus(Duration.ofMinutes(BUFFER_MINUTES)))) {
                    overlaps++;
                }
            }
        }
        return overlaps;
    }

    private Answer post(String path, String bearer, Object body) throws Exception {
        return post(base, path, bearer, body);
    }

    private Answer post(String server, String path, String bearer, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request, bearer);
    }

    private Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    private Answer send(HttpRequest.Builder request, String bearer) throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

}
