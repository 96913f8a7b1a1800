package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 during a stream of writes, then a start on the same data directory: every acknowledged
 * command is still there, and the resource projection equals what a fresh replay of the stored
 * events gives. The server runs in a child JVM so it can really be killed.
 */
class CrashRecoveryIT {
    private static final String ADMIN_PASSWORD = "crash-test-password";
    private static final int WRITERS = 4;

    private final Path dataDir = Path.of("target", "crash-data", java.util.UUID.randomUUID().toString());
    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void acknowledged_writes_survive_kill_9_and_views_equal_a_replay() throws Exception {
        int port = freePort();
        server = start(port, "first");
        Http http = new Http(port);
        String token = http.token("admin", ADMIN_PASSWORD);

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; writing.get(); i++) {
                    String name = "Room " + writer + "-" + i;
                    try {
                        var r = http.post("/api/resources", token,
                                Map.of("name", name, "capacity", 4, "timeZone", "Europe/Berlin"));
                        if (r.status() == 201) {
                            acknowledged.put(r.body().get("id").asString(), name);
                        } else {
                            throw new AssertionError("unexpected answer " + r.status() + " " + r.body());
                        }
                    } catch (java.io.UncheckedIOException connectionLost) {
                        return; // the server is gone: what was not acknowledged may be lost
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 60);
        server.destroyForcibly().waitFor(); // SIGKILL, in the middle of the writes
        writing.set(false);
        for (Thread t : writers) {
            t.join();
        }
        Map<String, String> acknowledgedBeforeKill = new HashMap<>(acknowledged);

        server = start(port, "second");
        String token2 = http.token("admin", ADMIN_PASSWORD);
        Map<String, String> replayed = resourcesInEventStore();
        await().atMost(Duration.ofSeconds(60)).until(() -> listed(http, token2).size() >= replayed.size());

        assertThat(replayed).containsAllEntriesOf(acknowledgedBeforeKill);
        assertThat(listed(http, token2)).isEqualTo(replayed);

        long bytes = Files.size(dataDir.resolve("axon.db")) + sizeIfExists(dataDir.resolve("axon.db-wal"));
        long events = countEvents();
        assertThat(bytes).as("event store size for %d events", events).isLessThan(8L * 1024 * 1024 + events * 2048);
    }

    @Test
    void bookings_acknowledged_before_kill_9_stay_booked_none_overlap_and_none_stays_undecided() throws Exception {
        int port = freePort();
        server = start(port, "bookings-first");
        Http http = new Http(port);
        String token = http.token("admin", ADMIN_PASSWORD);
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rooms.add(http.post("/api/resources", token, Map.of("name", "Crash room " + i, "capacity", 10,
                    "timeZone", "Europe/Berlin", "bufferMinutes", 5)).body().get("id").asString());
        }
        java.time.Instant day = java.time.Instant.now().plus(java.time.Duration.ofDays(3))
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            java.util.Random random = new java.util.Random(w);
            writers.add(Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    java.time.Instant start = day.plus(java.time.Duration.ofMinutes(15L * random.nextInt(40)));
                    try {
                        var r = http.post("/events/create", token, Map.of("title", "crash", "resourceId",
                                rooms.get(random.nextInt(rooms.size())), "start", start.toString(),
                                "end", start.plus(java.time.Duration.ofMinutes(30)).toString()));
                        if (r.status() == 201) {
                            confirmed.add(r.body().get("bookingId").asString());
                        }
                    } catch (java.io.UncheckedIOException connectionLost) {
                        return;
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> confirmed.size() >= 20);
        server.destroyForcibly().waitFor();
        writing.set(false);
        for (Thread t : writers) {
            t.join();
        }
        Set<String> confirmedBeforeKill = Set.copyOf(confirmed);

        server = start(port, "bookings-second");
        String token2 = http.token("admin", ADMIN_PASSWORD);
        Set<String> requested = bookingsInEventStore();
        // every booking the store knows is shown decided after the restart: none stays REQUESTED, none is missing
        // (a refused one is on no calendar, so the calendars settling below does not wait for it)
        await().atMost(Duration.ofSeconds(60)).until(() -> requested.stream().allMatch(id -> {
            var status = http.get("/events/status?bookingId=" + id, token2);
            return status.status() == 200 && !"REQUESTED".equals(status.body().get("status").asString());
        }));

        Set<String> onCalendar = new java.util.HashSet<>();
        for (String room : rooms) {
            List<JsonNode> events = new ArrayList<>();
            http.get("/dashboard/calendar?resourceId=" + room + "&from=" + day + "&to=" + day.plus(Duration.ofDays(1)),
                    token2).body().get("events").forEach(events::add);
            for (int a = 1; a < events.size(); a++) {
                java.time.Instant previousEnd = java.time.Instant.parse(events.get(a - 1).get("end").asString());
                java.time.Instant start = java.time.Instant.parse(events.get(a).get("start").asString());
                assertThat(start).as("no overlap on %s", room).isAfterOrEqualTo(previousEnd.plus(Duration.ofMinutes(5)));
            }
            events.forEach(e -> onCalendar.add(e.get("bookingId").asString()));
        }
        assertThat(onCalendar).containsAll(confirmedBeforeKill);
        // the hash chain over everything written around the kill is whole
        JsonNode chain = http.get("/api/audit/verify", token2).body();
        assertThat(chain.get("valid").asBoolean()).as("%s", chain).isTrue();

        // the processors were killed in the middle of their batches: every view they kept after the restart
        // equals what a fresh replay of the stored events gives
        java.util.concurrent.atomic.AtomicReference<List<JsonNode>> settled = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> views(http, token2, day).equals(settled.getAndSet(views(http, token2, day))));
        List<JsonNode> afterRestart = settled.get();
        List<JsonNode> bookingViews = bookingViews(http, token2, requested);
        assertThat(http.post("/api/admin/replay", token2, Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/api/admin/replay", token2).body().get("finished").asBoolean());
        assertThat(views(http, token2, day)).isEqualTo(afterRestart);
        assertThat(bookingViews(http, token2, requested)).isEqualTo(bookingViews);
    }

    /** Each booking's view, without its proof (a token signed at each read, so never the same twice). */
    private static List<JsonNode> bookingViews(Http http, String token, Set<String> ids) {
        return ids.stream().sorted().map(id -> {
            var view = (tools.jackson.databind.node.ObjectNode) http.get("/events/status?bookingId=" + id, token).body();
            view.remove(List.of("token", "bookingToken"));
            return (JsonNode) view;
        }).toList();
    }

    /**
     * kill -9 in the middle of a one-pass rebuild (the views already emptied, the pass half done):
     * after the restart the tokens are still at the start, the processors rebuild on their own, and
     * every view equals what it was before the replay (ADR 0018).
     */
    @Test
    void kill_9_during_a_one_pass_rebuild_leaves_views_that_rebuild_to_what_they_were() throws Exception {
        int port = freePort();
        server = start(port, "rebuild-first");
        Http http = new Http(port);
        String token = http.token("admin", ADMIN_PASSWORD);
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            rooms.add(http.post("/api/resources", token, Map.of("name", "Rebuild room " + i, "capacity", 10,
                    "timeZone", "Europe/Berlin")).body().get("id").asString());
        }
        java.time.Instant day = java.time.Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        List<Thread> writers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger booked = new java.util.concurrent.atomic.AtomicInteger();
        for (int w = 0; w < WRITERS; w++) {
            String room = rooms.get(w);
            writers.add(Thread.ofPlatform().start(() -> {
                for (int slot = 0; slot < 350; slot++) { // a quarter of an hour each: a room's next 3½ days
                    java.time.Instant start = day.plus(Duration.ofMinutes(15L * slot));
                    var r = http.post("/events/create", token, Map.of("title", "rebuilt", "resourceId", room,
                            "start", start.toString(), "end", start.plus(Duration.ofMinutes(15)).toString()));
                    assertThat(r.status()).isEqualTo(201);
                    booked.incrementAndGet();
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(booked.get()).isEqualTo(WRITERS * 350);
        await().atMost(Duration.ofSeconds(30)).until(() -> views(http, token, day).get(0).get("events").size()
                == WRITERS * 350);
        List<JsonNode> before = views(http, token, day);

        assertThat(http.post("/api/admin/replay", token, Map.of()).status()).isEqualTo(202);
        java.util.concurrent.atomic.AtomicReference<JsonNode> progress = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> {
                    progress.set(http.get("/api/admin/replay", token).body());
                    return progress.get().get("onePass").get("eventsRead").asLong() > 0
                            || progress.get().get("finished").asBoolean();
                });
        server.destroyForcibly().waitFor(); // SIGKILL while the pass folds
        assertThat(progress.get().get("onePass").get("finished").asBoolean()).as("killed mid-pass: %s", progress.get())
                .isFalse();

        server = start(port, "rebuild-second");
        String token2 = http.token("admin", ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/api/admin/replay", token2).body().get("finished").asBoolean()
                        && views(http, token2, day).equals(before));
    }

    private static List<JsonNode> views(Http http, String token, java.time.Instant day) {
        String window = "from=" + day + "&to=" + day.plus(Duration.ofDays(5));
        return List.of(http.get("/dashboard/calendar?" + window, token).body(),
                http.get("/dashboard/heatmap?" + window, token).body(),
                http.get("/api/resources", token).body());
    }

    private Set<String> bookingsInEventStore() throws SQLException {
        Set<String> ids = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("axon.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT aggregateIdentifier FROM DomainEventEntry WHERE payloadType LIKE '%BookingRequested'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private Map<String, String> listed(Http http, String token) {
        Map<String, String> byId = new HashMap<>();
        for (JsonNode r : http.get("/api/resources", token).body()) {
            byId.put(r.get("id").asString(), r.get("name").asString());
        }
        return byId;
    }

    /** What a fresh replay gives: every ResourceRegistered in the store, read from SQLite itself. */
    private Map<String, String> resourcesInEventStore() throws SQLException {
        Map<String, String> byId = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("axon.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT payload FROM DomainEventEntry WHERE payloadType LIKE '%ResourceRegistered'")) {
            while (rs.next()) {
                JsonNode event = Http.JSON.readTree(rs.getBytes(1));
                byId.put(event.get("resourceId").asString(), event.get("spec").get("name").asString());
            }
        }
        return byId;
    }

    private long countEvents() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("axon.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_pending_approval_deadline_still_fires_after_kill_9_and_a_restart() throws Exception {
        int port = freePort();
        server = start(port, "deadline-first");
        Http http = new Http(port);
        String token = http.token("admin", ADMIN_PASSWORD);
        assertThat(http.post("/api/users", token, Map.of("username", "olga", "password", "olga-password-1",
                "roles", List.of("APPROVER"))).status()).isEqualTo(201);
        String room = http.post("/api/resources", token, Map.of("name", "Deadline room", "capacity", 10,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of("olga"))),
                "approvalDeadline", "PT15S")).body().get("id").asString();
        java.time.Instant start = java.time.Instant.now().plus(Duration.ofDays(2))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        var booked = http.post("/events/create", token, Map.of("title", "deadline", "resourceId", room,
                "start", start.toString(), "end", start.plus(Duration.ofHours(1)).toString()));
        assertThat(booked.body().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String bookingId = booked.body().get("bookingId").asString();

        // killed long before its 15-second deadline: the deadline this node had in memory is gone
        server.destroyForcibly().waitFor();
        server = start(port, "deadline-second");
        String token2 = http.token("admin", ADMIN_PASSWORD);

        await().atMost(Duration.ofSeconds(60)).until(() -> "EXPIRED".equals(
                http.get("/events/status?bookingId=" + bookingId, token2).body().get("status").asString()));
        // and it expired once, however often the sweep asked
        assertThat(storedEventsOfType("%ApprovalExpired")).isEqualTo(1);
    }

    @Test
    void a_booking_not_checked_in_becomes_a_no_show_once_after_kill_9_and_a_restart_and_its_time_is_free() throws Exception {
        int port = freePort();
        server = start(port, "no-show-first");
        Http http = new Http(port);
        String token = http.token("admin", ADMIN_PASSWORD);
        String room = http.post("/api/resources", token, Map.of("name", "Check-in room", "capacity", 4,
                "timeZone", "UTC", "checkIn", Map.of("required", true, "windowMinutes", 1))).body().get("id").asString();
        java.time.Instant start = java.time.Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.Instant end = start.plus(Duration.ofHours(1));
        var booked = http.post("/events/create", token, Map.of("title", "never came", "resourceId", room,
                "start", start.toString(), "end", end.toString()));
        assertThat(booked.body().get("status").asString()).isEqualTo("CONFIRMED");
        String bookingId = booked.body().get("bookingId").asString();

        // killed before its check-in window ends (start + 1 minute): the deadline this node had in memory is gone
        server.destroyForcibly().waitFor();
        server = start(port, "no-show-second");
        String token2 = http.token("admin", ADMIN_PASSWORD);

        await().atMost(Duration.ofSeconds(120)).until(() -> "NO_SHOW".equals(
                http.get("/events/status?bookingId=" + bookingId, token2).body().get("status").asString()));
        assertThat(storedEventsOfType("%OccurrenceMarkedNoShow")).isEqualTo(1);
        // the rest of the slot is free at once: someone else books it
        java.time.Instant later = java.time.Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var rest = http.post("/events/create", token2, Map.of("title", "walk-in", "resourceId", room,
                "start", later.toString(), "end", end.toString()));
        assertThat(rest.status()).as(rest.body().toString()).isEqualTo(201);
        assertThat(rest.body().get("status").asString()).isEqualTo("CONFIRMED");
    }

    private int storedEventsOfType(String payloadTypePattern) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("axon.db"));
             var statement = c.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE ?")) {
            statement.setString(1, payloadTypePattern);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Process start(int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Daxoniq.update-checker.disabled=true", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.aura.app.AuraApplication",
                "--server.port=" + port, "--aura.data-dir=" + dataDir.toAbsolutePath(),
                "--aura.admin-password=" + ADMIN_PASSWORD, "--logging.level.aura.requests=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process = builder.start();
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("server exited; see " + log);
                    }
                    var health = http.get("/actuator/health", null);
                    return health.status() == 200
                            && http.post("/api/auth/token", null, Map.of("username", "admin", "password",
                                    ADMIN_PASSWORD)).status() == 200;
                });
        return process;
    }

    private static long sizeIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
