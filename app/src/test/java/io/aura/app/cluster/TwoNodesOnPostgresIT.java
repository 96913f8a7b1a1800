package io.aura.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.Http;
import io.aura.query.PostgresTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on one PostgreSQL database (the {@code postgres} profile, ADR 0053), each a JVM of its own
 * so that one can really be killed: clients racing on both nodes for the same slots, what one node accepts read on
 * the other at once, and one node killed under load with nothing acknowledged lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnPostgresIT {
    private static final String ADMIN_PASSWORD = "two-nodes-admin-password";
    private static final int CLIENTS_PER_NODE = 4;

    static Path dir;
    static String databaseUrl;
    static Map<String, String> sharedEnvironment;
    static Process nodeA;
    static Process nodeB;
    static Http a;
    static Http b;
    static String tokenA;
    static String tokenB;
    static List<String> rooms = new ArrayList<>();
    static Instant day = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.DAYS);

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        dir = Files.createTempDirectory("aura-two-nodes");
        PostgresTestServer postgres = PostgresTestServer.get();
        databaseUrl = postgres.url(postgres.newDatabase().getDatabaseName());
        String keysUrl = postgres.url(postgres.newDatabase().getDatabaseName()) + "?user=aura";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair signing = generator.generateKeyPair();
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        // what every node shares (ADR 0053): the database, the master key, the key store, the signing key
        sharedEnvironment = Map.of(
                "SPRING_DATASOURCE_URL", databaseUrl,
                "SPRING_DATASOURCE_USERNAME", "aura",
                "AURA_MASTER_KEY", Base64.getEncoder().encodeToString(master),
                "AURA_KEY_STORE_URL", keysUrl,
                "AURA_JWT_PRIVATE_KEY", Base64.getEncoder().encodeToString(signing.getPrivate().getEncoded()),
                "AURA_JWT_PUBLIC_KEY", Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()));
        int portA = freePort();
        nodeA = start(portA, "a");
        a = new Http(portA);
        int portB = freePort();
        nodeB = start(portB, "b");
        b = new Http(portB);
        tokenA = a.token("admin", ADMIN_PASSWORD);
        tokenB = b.token("admin", ADMIN_PASSWORD);
        for (int i = 0; i < 3; i++) {
            rooms.add(a.post("/api/resources", tokenA, Map.of("name", "Shared room " + i, "capacity", 8,
                    "timeZone", "Europe/Berlin", "bufferMinutes", 0)).body().get("id").asString());
        }
    }

    @AfterAll
    static void stop() {
        for (Process node : new Process[] {nodeA, nodeB}) {
            if (node != null) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void a_token_issued_by_one_node_is_accepted_by_the_other() {
        assertThat(b.get("/api/resources", tokenA).status()).isEqualTo(200);
        assertThat(a.get("/api/resources", tokenB).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void password_guesses_on_one_node_block_the_name_on_the_other() {
        assertThat(a.post("/api/users", tokenA, Map.of("username", "guessed", "password", "guessed-password-1",
                "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(a.post("/api/auth/token", null, Map.of("username", "guessed", "password", "wrong-" + i))
                    .status()).isEqualTo(401);
        }

        var onB = b.post("/api/auth/token", null, Map.of("username", "guessed", "password", "guessed-password-1"));

        assertThat(onB.status()).isEqualTo(429);
    }

    @Test
    @Order(2)
    void a_user_disabled_on_one_node_is_shut_out_of_the_other_at_once() {
        assertThat(a.post("/api/users", tokenA, Map.of("username", "leaver", "password", "leaver-password-1",
                "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        String leaverToken = b.token("leaver", "leaver-password-1");
        assertThat(b.get("/api/users/me", leaverToken).status()).isEqualTo(200);

        assertThat(a.post("/api/users/leaver/disable", tokenA, Map.of()).status()).isEqualTo(200);

        assertThat(b.get("/api/users/me", leaverToken).status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void a_booking_accepted_on_one_node_is_on_the_other_at_once() {
        Instant start = day.minus(Duration.ofDays(1)).plus(Duration.ofHours(9));
        var accepted = a.post("/events/create", tokenA, Map.of("title", "read on B", "resourceId", rooms.get(0),
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString()));
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
        String id = accepted.body().get("bookingId").asString();

        var onB = b.get("/events/status?bookingId=" + id, tokenB);

        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body().get("status").asString()).isEqualTo("CONFIRMED");
        // and B refuses the same slot: it decides against what A stored
        var refused = b.post("/events/create", tokenB, Map.of("title", "same slot", "resourceId", rooms.get(0),
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString()));
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void a_request_retried_on_the_other_node_with_its_idempotency_key_books_once() {
        Instant start = day.minus(Duration.ofDays(1)).plus(Duration.ofHours(14));
        Map<String, Object> body = Map.of("title", "retried", "resourceId", rooms.get(1), "start", start.toString(),
                "end", start.plus(Duration.ofMinutes(45)).toString());

        var first = a.postWithHeader("/events/create", tokenA, body, "Idempotency-Key", "two-nodes-retry-1");
        var again = b.postWithHeader("/events/create", tokenB, body, "Idempotency-Key", "two-nodes-retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("bookingId").asString()).isEqualTo(first.body().get("bookingId").asString());
    }

    @Test
    @Order(2)
    void an_approval_deadline_passes_once_though_both_nodes_sweep() throws Exception {
        assertThat(a.post("/api/users", tokenA, Map.of("username", "pat", "password", "pat-password-12",
                "roles", List.of("APPROVER"))).status()).isEqualTo(201);
        String hall = a.post("/api/resources", tokenA, Map.of("name", "Hall with a deadline", "capacity", 50,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of("pat"))),
                "approvalDeadline", "PT10S")).body().get("id").asString();
        Instant start = day.plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
        var requested = b.post("/events/create", tokenB, Map.of("title", "Gala", "resourceId", hall,
                "start", start.toString(), "end", start.plus(Duration.ofHours(1)).toString()));
        assertThat(requested.status()).as("%s", requested.body()).isIn(201, 202);
        String bookingId = requested.body().get("bookingId").asString();

        // both nodes sweep every 5 s, and the node running the saga holds the deadline in memory too
        for (Http node : List.of(a, b)) {
            String token = node == a ? tokenA : tokenB;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "EXPIRED".equals(
                    node.get("/events/status?bookingId=" + bookingId, token).body().get("status").asString()));
        }
        Thread.sleep(6_000); // another round of both sweeps
        String approvalId = a.get("/events/status?bookingId=" + bookingId, tokenA).body().get("approval")
                .get("approvalId").asString();
        try (Connection c = DriverManager.getConnection(databaseUrl, "aura", "");
             PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry "
                     + "WHERE aggregateIdentifier = ? AND payloadType LIKE ?")) {
            count.setString(1, approvalId);
            count.setString(2, "%$ApprovalExpired");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("ApprovalExpired events").isEqualTo(1);
            }
        }
    }

    @Test
    @Order(2)
    void both_nodes_use_the_contention_model_trained_once_and_a_retraining_on_one_reaches_the_other() {
        // A trained at its start (in the background); B, started later, loaded A's
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode onA = a.get("/api/admin/contention-model", tokenA).body();
            JsonNode onB = b.get("/api/admin/contention-model", tokenB).body();
            assertThat(onA.get("version").isNumber()).as("%s", onA).isTrue();
            assertThat(onB.get("version")).as("%s", onB).isEqualTo(onA.get("version"));
            assertThat(onB.get("trainedBy")).isEqualTo(onA.get("trainedBy"));
            assertThat(onB.get("trainedAt")).isEqualTo(onA.get("trainedAt"));
        });
        JsonNode first = a.get("/api/admin/contention-model", tokenA).body();
        assertThat(first.get("trainedBy").asString()).isEqualTo("node-a");

        var retrained = b.post("/api/admin/contention-model/train", tokenB, Map.of());
        long answeredAt = System.nanoTime();

        assertThat(retrained.status()).as("%s", retrained.body()).isEqualTo(200);
        long version = retrained.body().get("version").asLong();
        assertThat(version).isGreaterThan(first.get("version").asLong());
        assertThat(retrained.body().get("trainedBy").asString()).isEqualTo("node-b");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode onA = a.get("/api/admin/contention-model", tokenA).body();
            assertThat(onA.get("version").asLong()).isEqualTo(version);
            assertThat(onA.get("trainedBy").asString()).isEqualTo("node-b");
        });
        System.out.printf("B's retrained contention model (version %d) used on A %d ms after B's answer%n", version,
                (System.nanoTime() - answeredAt) / 1_000_000);
    }

    @Test
    @Order(3)
    void a_booking_accepted_on_one_node_reaches_the_live_stream_of_the_other_within_a_second() throws Exception {
        String room = rooms.get(2);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(b.base() + "/api/stream?resourceId=" + room))
                .header("Authorization", "Bearer " + tokenB).header("Accept", "text/event-stream").GET().build();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                client.send(request, HttpResponse.BodyHandlers.ofLines()).body().forEach(lines::add);
            } catch (IOException | InterruptedException | UncheckedIOException closed) {
                // the test is over
            }
        });
        String ready = null;
        for (String line; ready == null && (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            ready = line.startsWith("event:ready") ? line : null;
        }
        assertThat(ready).as("B's stream opened").isNotNull();

        List<Long> latencies = new ArrayList<>();
        Instant first = day.minus(Duration.ofDays(2)).plus(Duration.ofHours(8));
        for (int i = 0; i < 20; i++) {
            Instant start = first.plus(Duration.ofMinutes(30L * i));
            var accepted = a.post("/events/create", tokenA, Map.of("title", "live " + i, "resourceId", room,
                    "start", start.toString(), "end", start.plus(Duration.ofMinutes(30)).toString()));
            long answeredAt = System.nanoTime();
            assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
            String id = accepted.body().get("bookingId").asString();
            String seen = null;
            for (String line; seen == null && (line = lines.poll(1, TimeUnit.SECONDS)) != null; ) {
                seen = line.startsWith("data:") && line.contains(id) && line.contains("CONFIRMED") ? line : null;
            }
            assertThat(seen).as("booking %s on B's stream within a second of A's 201", id).isNotNull();
            latencies.add(Math.max(0, (System.nanoTime() - answeredAt) / 1_000));
        }
        reader.interrupt();
        latencies.sort(null);
        System.out.printf("A's 201 to B's stream: p50 %.1f ms, p99 %.1f ms (20 bookings; 0 when already there)%n",
                latencies.get(9) / 1000.0, latencies.get(19) / 1000.0);
    }

    @Test
    @Order(4)
    void clients_racing_on_both_nodes_for_the_same_slots_never_double_book() throws Exception {
        Set<String> acknowledged = race(Duration.ofSeconds(15), null);
        System.out.printf("two nodes racing: %d bookings acknowledged in 15 s (%.1f/s) by %d clients%n",
                acknowledged.size(), acknowledged.size() / 15.0, 2 * CLIENTS_PER_NODE);

        assertThat(acknowledged).hasSizeGreaterThan(10);
        Set<String> onA = calendarWithoutOverlaps(a, tokenA);
        Set<String> onB = calendarWithoutOverlaps(b, tokenB);
        assertThat(onA).containsAll(acknowledged);
        assertThat(onB).isEqualTo(onA);
    }

    @Test
    @Order(5)
    void one_node_killed_under_load_loses_no_acknowledged_booking_and_the_survivor_goes_on() throws Exception {
        day = day.plus(Duration.ofDays(1));
        Set<String> acknowledged = race(Duration.ofSeconds(20), Duration.ofSeconds(6));

        // the survivor takes over the killed node's processors (their claims time out) and decides everything
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(calendarWithoutOverlaps(a, tokenA)).containsAll(acknowledged));
        Instant later = day.plus(Duration.ofHours(20));
        var afterKill = a.post("/events/create", tokenA, Map.of("title", "after the kill", "resourceId", rooms.get(1),
                "start", later.toString(), "end", later.plus(Duration.ofMinutes(30)).toString()));
        assertThat(afterKill.status()).as("%s", afterKill.body()).isEqualTo(201);
        JsonNode chain = a.get("/api/audit/verify", tokenA).body();
        assertThat(chain.get("valid").asBoolean()).as("%s", chain).isTrue();
    }

    /**
     * {@link #CLIENTS_PER_NODE} clients on each node booking random 30-minute slots of {@link #day} on the shared
     * rooms for {@code length}; node B is killed ({@code kill -9}) after {@code killBAfter} when given.
     *
     * @return the bookings answered 201
     */
    private static Set<String> race(Duration length, Duration killBAfter) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2 * CLIENTS_PER_NODE; c++) {
            Http node = c % 2 == 0 ? a : b;
            String token = c % 2 == 0 ? tokenA : tokenB;
            Random random = new Random(c);
            clients.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    Instant start = day.plus(Duration.ofMinutes(15L * random.nextInt(48)));
                    try {
                        var r = node.post("/events/create", token, Map.of("title", "race", "resourceId",
                                rooms.get(random.nextInt(rooms.size())), "start", start.toString(),
                                "end", start.plus(Duration.ofMinutes(30)).toString()));
                        if (r.status() == 201) {
                            acknowledged.add(r.body().get("bookingId").asString());
                        }
                    } catch (UncheckedIOException nodeGone) {
                        return;
                    }
                }
            }));
        }
        if (killBAfter != null) {
            Thread.sleep(killBAfter.toMillis());
            nodeB.destroyForcibly().waitFor();
        }
        Thread.sleep(length.minus(killBAfter == null ? Duration.ZERO : killBAfter).toMillis());
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        return acknowledged;
    }

    /** Every active booking of {@link #day} on the shared rooms, as one node shows them, asserting none overlap. */
    private static Set<String> calendarWithoutOverlaps(Http node, String token) {
        Set<String> ids = new HashSet<>();
        for (String room : rooms) {
            List<JsonNode> events = new ArrayList<>();
            node.get("/dashboard/calendar?resourceId=" + room + "&from=" + day + "&to=" + day.plus(Duration.ofDays(1)),
                    token).body().get("events").forEach(events::add);
            for (int i = 1; i < events.size(); i++) {
                Instant previousEnd = Instant.parse(events.get(i - 1).get("end").asString());
                Instant start = Instant.parse(events.get(i).get("start").asString());
                assertThat(start).as("no overlap on %s", room).isAfterOrEqualTo(previousEnd);
            }
            events.forEach(e -> ids.add(e.get("bookingId").asString()));
        }
        return ids;
    }

    private static Process start(int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dataDir = dir.resolve("node-" + name);
        Path log = dir.resolve("node-" + name + ".log");
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Daxoniq.update-checker.disabled=true", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.aura.app.AuraApplication",
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--aura.data-dir=" + dataDir.toAbsolutePath(), "--aura.admin-password=" + ADMIN_PASSWORD,
                "--logging.level.aura.requests=warn", "--aura.node-id=node-" + name,
                // a node looks for a newer contention model every second here (every minute by default)
                "--aura.contention.poll=PT1S")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = new HashMap<>(sharedEnvironment);
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        environment.put("AURA_SECURE_COOKIE", "false");
        builder.environment().putAll(environment);
        Process process = builder.start();
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("node " + name + " exited; see " + log, () -> !process.isAlive())
                .until(() -> http.get("/actuator/health", null).status() == 200
                        && http.post("/api/auth/token", null, Map.of("username", "admin", "password",
                                ADMIN_PASSWORD)).status() == 200);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
