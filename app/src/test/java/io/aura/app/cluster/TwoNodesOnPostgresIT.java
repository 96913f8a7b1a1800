package io.aura.app.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.aura.app.Http;
import io.aura.app.ui.Chromium;
import io.aura.query.PostgresTestServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
    private static final int OUTBOX_BOOKINGS = 10;
    private static final int APPROVALS = 5;

    /** The SMTP server both nodes send through (in-process). */
    static GreenMail smtp;
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
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
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
        if (smtp != null) {
            smtp.stop();
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
        // B's audit of the booking: its own events, read from its rows with their places in the store (ADR 0052)
        JsonNode audit = b.get("/api/audit?aggregateId=" + id, tokenB).body();
        assertThat(audit).extracting(e -> e.get("type").asString()).contains("BookingRequested", "BookingConfirmed");
        assertThat(audit).allSatisfy(e -> assertThat(e.get("globalIndex").asLong()).isPositive());
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
    @Order(3)
    void a_booking_accepted_on_one_node_appears_in_a_browser_open_on_the_other_within_a_second() throws Exception {
        org.openqa.selenium.chrome.ChromeDriver browser = Chromium.open("1400,1000", null, "en-GB");
        try {
            browser.get(b.base() + "/login");
            Chromium.waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("admin");
            browser.findElement(By.cssSelector("vaadin-login-form input[name='password']"))
                    .sendKeys(ADMIN_PASSWORD, Keys.ENTER);
            Chromium.waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#calendar .fc-view")));
            Instant start = day.minus(Duration.ofDays(3)).plus(Duration.ofHours(9));
            Chromium.js(browser, "document.getElementById('calendar')._cal.gotoDate(arguments[0])", start.toString());
            Chromium.settled(browser); // the calendar has fetched its week: what follows comes by push

            var accepted = a.post("/events/create", tokenA, Map.of("title", "seen in B's browser",
                    "resourceId", rooms.get(1), "start", start.toString(),
                    "end", start.plus(Duration.ofMinutes(30)).toString()));
            long answeredAt = System.nanoTime();
            assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);

            Chromium.waitUpTo(browser, 1).pollingEvery(Duration.ofMillis(20)).until(d -> String.valueOf(Chromium.js(d,
                    "return Array.from(document.querySelectorAll('#calendar .aura-booking'))"
                            + ".map(e => e.textContent).join('\\n')")).contains("seen in B's browser"));
            System.out.printf("A's 201 to B's open browser: %d ms%n", (System.nanoTime() - answeredAt) / 1_000_000);
            Chromium.screenshot(browser, "two-nodes-browser-on-b");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void each_event_reaches_a_webhook_once_and_each_mail_goes_once_though_both_nodes_send() throws Exception {
        Map<String, Integer> deliveries = new ConcurrentHashMap<>(); // by X-Aura-Delivery
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // a slow receiver: while one node waits for its answer the other claims the next delivery, so two send at once
        // (each node sends one at a time: its scheduler has one thread)
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        receiver.createContext("/hook", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                deliveries.merge(exchange.getRequestHeaders().getFirst("X-Aura-Delivery"), 1, Integer::sum);
                received.add(Http.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
                Thread.sleep(200);
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        var hook = a.post("/api/webhooks", tokenA, Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", "secret", "a-webhook-secret-of-some-length"));
        assertThat(hook.status()).as("%s", hook.body()).isEqualTo(201);
        String hookId = hook.body().get("id").asString();
        try {
            String olive = "olive@example.test";
            assertThat(a.post("/api/users", tokenA, Map.of("username", "olive", "password", "olive-password-1",
                    "roles", List.of("REQUESTER"), "email", olive)).status()).isEqualTo(201);
            String oliveToken = a.token("olive", "olive-password-1");
            String room = a.post("/api/resources", tokenA, Map.of("name", "Room of the outboxes", "capacity", 4,
                    "timeZone", "UTC")).body().get("id").asString();
            Set<String> bookings = new HashSet<>();
            Instant first = day.plus(Duration.ofDays(2)).plus(Duration.ofHours(8));
            for (int i = 0; i < OUTBOX_BOOKINGS; i++) {
                Http node = i % 2 == 0 ? a : b;
                Instant start = first.plus(Duration.ofMinutes(30L * i));
                var booked = node.post("/events/create", oliveToken, Map.of("title", "Outbox [" + i + "]",
                        "resourceId", room, "start", start.toString(),
                        "end", start.plus(Duration.ofMinutes(30)).toString()));
                assertThat(booked.status()).as("%s", booked.body()).isEqualTo(201);
                bookings.add(booked.body().get("bookingId").asString());
            }

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    ofBookings(received, bookings, "BookingConfirmed").size() == OUTBOX_BOOKINGS
                            && mailsTo(olive).size() == OUTBOX_BOOKINGS);
            Thread.sleep(2_000); // ten more rounds of both nodes' outboxes: nothing more may come

            List<JsonNode> ours = received.stream().filter(r -> r.has("aggregateId")
                    && bookings.contains(r.get("aggregateId").asString())).toList();
            assertThat(mostInFlight.get()).as("deliveries sent at the same time (by both nodes)").isGreaterThan(1);
            assertThat(deliveries.values()).as("deliveries sent more than once").allMatch(times -> times == 1);
            assertThat(ours.stream().map(r -> r.get("eventId").asString()).toList()).doesNotHaveDuplicates();
            for (String type : List.of("BookingRequested", "BookingConfirmed")) {
                assertThat(ofBookings(received, bookings, type)).as(type).hasSize(OUTBOX_BOOKINGS)
                        .doesNotHaveDuplicates();
            }
            List<MimeMessage> mails = mailsTo(olive);
            List<String> titles = new ArrayList<>();
            for (MimeMessage mail : mails) {
                assertThat(mail.getSubject()).isEqualTo("Your booking is confirmed");
                Matcher title = Pattern.compile("Outbox \\[\\d+]").matcher(GreenMailUtil.getBody(mail));
                assertThat(title.find()).as("the booking in the mail").isTrue();
                titles.add(title.group());
            }
            assertThat(titles).hasSize(OUTBOX_BOOKINGS).doesNotHaveDuplicates();
            System.out.printf("outboxes on two nodes: %d bookings, %d webhook deliveries of theirs (%d in all, none "
                    + "twice, up to %d at once), %d mails to their requester (none twice)%n", OUTBOX_BOOKINGS,
                    ours.size(), deliveries.size(), mostInFlight.get(), mails.size());
        } finally {
            a.delete("/api/webhooks/" + hookId, tokenA);
            receiver.stop(0);
            ((ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    @Test
    @Order(3)
    void an_approval_requested_on_one_node_is_in_the_live_inbox_on_the_other_and_its_verdict_in_the_bell()
            throws Exception {
        assertThat(a.post("/api/users", tokenA, Map.of("username", "quinn", "password", "quinn-password-1",
                "roles", List.of("APPROVER"), "email", "quinn@example.test")).status()).isEqualTo(201);
        assertThat(a.post("/api/users", tokenA, Map.of("username", "robin", "password", "robin-password-1",
                "roles", List.of("REQUESTER"))).status()).isEqualTo(201);
        String quinn = a.token("quinn", "quinn-password-1");
        String robin = a.token("robin", "robin-password-1");
        String hall = a.post("/api/resources", tokenA, Map.of("name", "Hall quinn approves", "capacity", 40,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of("quinn"))),
                "approvalDeadline", "PT1H")).body().get("id").asString();
        BlockingQueue<String> inboxOnB = stream(b, "/api/approvals/stream", quinn);
        BlockingQueue<String> bellOnB = stream(b, "/api/notifications/stream", robin);

        List<Long> toInbox = new ArrayList<>();
        List<Long> toBell = new ArrayList<>();
        Instant first = day.plus(Duration.ofDays(4)).plus(Duration.ofHours(8));
        for (int i = 0; i < APPROVALS; i++) {
            Instant start = first.plus(Duration.ofHours(i));
            var requested = a.post("/events/create", robin, Map.of("title", "Needs quinn " + i, "resourceId", hall,
                    "start", start.toString(), "end", start.plus(Duration.ofMinutes(45)).toString()));
            long answeredAt = System.nanoTime();
            assertThat(requested.status()).as("%s", requested.body()).isIn(201, 202);
            String bookingId = requested.body().get("bookingId").asString();
            assertThat(next(inboxOnB, line -> line.contains(bookingId) && line.contains("PENDING")))
                    .as("the approval of %s in quinn's inbox on B", bookingId).isNotNull();
            toInbox.add((System.nanoTime() - answeredAt) / 1_000);

            String approvalId = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> a.get("/events/status?bookingId=" + bookingId, robin).body()
                            .get("approval").get("approvalId").asString(), id -> id != null && !id.isBlank());
            var approved = a.post("/api/approvals/" + approvalId + "/decision", quinn, Map.of("decision", "APPROVE"));
            long decidedAt = System.nanoTime();
            assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
            assertThat(next(bellOnB, line -> line.contains(bookingId) && line.contains("BOOKING_APPROVED")))
                    .as("the verdict on %s in robin's bell on B", bookingId).isNotNull();
            toBell.add((System.nanoTime() - decidedAt) / 1_000);
        }
        toInbox.sort(null);
        toBell.sort(null);
        System.out.printf("A's answer to B's live inbox: p50 %.1f ms, max %.1f ms; A's verdict to B's bell: p50 %.1f "
                + "ms, max %.1f ms (%d approvals; the approvals and notifications processors run on %s)%n",
                toInbox.get(APPROVALS / 2) / 1000.0, toInbox.get(APPROVALS - 1) / 1000.0,
                toBell.get(APPROVALS / 2) / 1000.0, toBell.get(APPROVALS - 1) / 1000.0, APPROVALS,
                ownersOf("approvals", "notifications"));
    }

    /** The lines of a node's Server-Sent Events stream at {@code path}, once it said it is open. */
    private static BlockingQueue<String> stream(Http node, String path, String token) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.base() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body().forEach(lines::add);
            } catch (IOException | InterruptedException | UncheckedIOException closed) {
                // the test is over
            }
        });
        assertThat(next(lines, line -> line.startsWith("event:ready"))).as("%s opened", path).isNotNull();
        return lines;
    }

    /** The next line that {@code wanted}, within 5 seconds; null when none came. */
    private static String next(BlockingQueue<String> lines, Predicate<String> wanted) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (long left; (left = until - System.nanoTime()) > 0; ) {
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        return null;
    }

    /** Which node holds the processors' tokens: A, B or both. */
    private static String ownersOf(String... processors) throws Exception {
        Set<String> owners = new HashSet<>();
        try (Connection c = DriverManager.getConnection(databaseUrl, "aura", "");
             PreparedStatement owner = c.prepareStatement("SELECT owner FROM TokenEntry WHERE processorName = ?")) {
            for (String processor : processors) {
                owner.setString(1, processor);
                try (ResultSet rs = owner.executeQuery()) {
                    while (rs.next()) {
                        String pid = String.valueOf(rs.getString(1)).split("@")[0];
                        owners.add(pid.equals(String.valueOf(nodeA.pid())) ? "A"
                                : pid.equals(String.valueOf(nodeB.pid())) ? "B" : rs.getString(1));
                    }
                }
            }
        }
        return String.join(" and ", new java.util.TreeSet<>(owners));
    }

    /** The event ids of the webhook deliveries of {@code type} about {@code bookings}. */
    private static List<String> ofBookings(List<JsonNode> received, Set<String> bookings, String type) {
        return received.stream().filter(r -> r.has("aggregateId") && bookings.contains(r.get("aggregateId").asString())
                && r.get("type").asString().equals(type)).map(r -> r.get("eventId").asString()).toList();
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                mails.add(m);
            }
        }
        return mails;
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
                // both nodes poll both outboxes often: what one sends, the other must not send again
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--aura.mail.poll-interval=PT0.2S", "--aura.webhooks.poll-interval=PT0.2S",
                "--aura.webhooks.allowed-private-hosts=127.0.0.1", "--aura.public-url=http://aura.test",
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
