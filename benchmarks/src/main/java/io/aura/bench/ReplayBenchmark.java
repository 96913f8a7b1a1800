package io.aura.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replay speed of the projections against a raw read of the same event store.
 *
 * <ul>
 *   <li>{@code generate <dataDir> <events>}: appends synthetic bookings (BookingRequested, HoldPlaced,
 *       BookingConfirmed on 50 resources, no overlaps) to a stopped server's SQLite store, and moves
 *       every processor's token to the new head, so that nothing (above all no saga) reacts to them.</li>
 *   <li>{@code raw <dataDir>}: reads every stored event in order (the baseline), then reads and
 *       parses every payload as JSON.</li>
 *   <li>{@code replay <baseUrl> <admin> <password> <label> [one-pass|processors]}: POST
 *       /api/admin/replay?mode= on a running server and times it until every projection has caught up
 *       with the head.</li>
 * </ul>
 * {@code ./aura bench-replay [events]} runs them in order, replaying once with Axon's default processor
 * settings and once with the shipped ones.
 */
public final class ReplayBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RESOURCES = 50;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(args[1], Integer.parseInt(args[2]));
            case "raw" -> raw(args[1]);
            case "replay" -> replay(args[1], args[2], args[3], args.length > 4 ? args[4] : "",
                    args.length > 5 ? args[5] : "one-pass");
            case "queries" -> queries(args[1], args[2], args[3]);
            default -> throw new IllegalArgumentException("generate | raw | replay");
        }
    }

    static void generate(String dataDir, int events) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir + "/axon.db")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier, "
                    + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            String[] resources = new String[RESOURCES];
            long[] resourceSequence = new long[RESOURCES];
            Instant now = Instant.now();
            int written = 0;
            for (int r = 0; r < RESOURCES; r++) {
                resources[r] = UUID.randomUUID().toString();
                String spec = "{\"name\":\"Bench room " + r + "\",\"capacity\":10,\"timeZone\":\"Europe/Berlin\","
                        + "\"approvalRequired\":false,\"approvers\":[],\"bufferMinutes\":0,\"minDurationMinutes\":15,"
                        + "\"maxDurationMinutes\":720,\"bookingWindowDays\":3650,\"approvalLevels\":[],\"approvalDeadline\":null}";
                add(insert, "Resource", resources[r], resourceSequence[r]++, "io.aura.kernel.resource.ResourceEvents$ResourceRegistered",
                        "2", "{\"resourceId\":\"" + resources[r] + "\",\"spec\":" + spec + "}", now);
                written++;
            }
            Instant firstSlot = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.DAYS);
            for (int b = 0; written < events; b++) {
                int r = b % RESOURCES;
                Instant start = firstSlot.plus(Duration.ofHours(b / RESOURCES));
                String range = "{\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofMinutes(45)) + "\"}";
                String booking = UUID.randomUUID().toString();
                add(insert, "Booking", booking, 0, "io.aura.kernel.booking.BookingEvents$BookingRequested", "2",
                        "{\"bookingId\":\"" + booking + "\",\"resourceId\":\"" + resources[r] + "\",\"title\":\"bench " + b
                                + "\",\"range\":" + range + ",\"occurrences\":[" + range + "],\"recurrence\":null,"
                                + "\"policy\":\"ALL_OR_NOTHING\",\"attendees\":4,\"attendeeNames\":[],\"description\":null,"
                                + "\"requester\":\"bench\"}", now);
                add(insert, "Resource", resources[r], resourceSequence[r]++, "io.aura.kernel.schedule.ScheduleEvents$HoldPlaced",
                        "2", "{\"resourceId\":\"" + resources[r] + "\",\"bookingId\":\"" + booking + "\",\"occurrences\":["
                                + range + "],\"skipped\":[],\"skippedConflicts\":[],\"approvalRequired\":false,"
                                + "\"requestedAt\":\"" + now + "\",\"approvalLevels\":[],\"approvalDeadline\":null}", now);
                add(insert, "Booking", booking, 1, "io.aura.kernel.booking.BookingEvents$BookingConfirmed", "2",
                        "{\"bookingId\":\"" + booking + "\",\"resourceId\":\"" + resources[r] + "\",\"held\":[" + range
                                + "],\"skipped\":[],\"skippedConflicts\":[]}", now);
                written += 3;
                if (b % 2000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            long head;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
                rs.next();
                head = rs.getLong(1);
            }
            // nothing may react to these events as if they had just happened: every processor starts at the head
            try (PreparedStatement tokens = c.prepareStatement("UPDATE TokenEntry SET token = ?, "
                    + "tokenType = 'org.axonframework.eventhandling.GapAwareTrackingToken'")) {
                tokens.setBytes(1, ("{\"index\":" + head + ",\"gaps\":[]}").getBytes(StandardCharsets.UTF_8));
                tokens.executeUpdate();
            }
            c.commit();
            System.out.printf("generated %d events (%d bookings on %d resources) in %.1f s; head %d%n", written,
                    (written - RESOURCES) / 3, RESOURCES, (System.nanoTime() - started) / 1e9, head);
        }
    }

    private static void add(PreparedStatement insert, String type, String aggregate, long sequence, String payloadType,
                            String revision, String payload, Instant at) throws Exception {
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, type);
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, "{\"actor\":\"bench\",\"actorRoles\":\"REQUESTER\"}".getBytes(StandardCharsets.UTF_8));
        insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(7, revision);
        insert.setString(8, payloadType);
        insert.setString(9, at.toString());
        insert.addBatch();
    }

    static void raw(String dataDir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir + "/axon.db")) {
            for (boolean parse : new boolean[] {false, true}) {
                long started = System.nanoTime();
                long count = 0;
                long bytes = 0;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT globalIndex, aggregateIdentifier, "
                        + "sequenceNumber, eventIdentifier, payloadType, payloadRevision, timeStamp, metaData, payload "
                        + "FROM DomainEventEntry ORDER BY globalIndex")) {
                    while (rs.next()) {
                        byte[] payload = rs.getBytes(9);
                        bytes += payload.length + rs.getBytes(8).length;
                        if (parse) {
                            JsonNode node = JSON.readTree(payload);
                            bytes += node.size();
                        }
                        count++;
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("raw read%-18s %,9d events in %6.2f s = %,10.0f events/s%n",
                        parse ? " + JSON parse" : "", count, seconds, count / seconds);
            }
        }
    }

    /** Dashboard query times on the store as generated: median and p99 of 30 calls each, after 5 warm-ups. */

    static void queries(String base, String admin, String password) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = signIn(client, base, admin, password);
        JsonNode resources = JSON.readTree(get(client, base + "/api/resources", token));
        String resource = resources.get(0).get("id").asString();
        Instant week = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(8, ChronoUnit.DAYS);
        Instant month = week.plus(30, ChronoUnit.DAYS);
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("calendar, one resource, one week", "/dashboard/calendar?resourceId=" + resource + "&from=" + week
                + "&to=" + week.plus(7, ChronoUnit.DAYS));
        queries.put("calendar, all resources, one day", "/dashboard/calendar?from=" + week + "&to=" + week.plus(1, ChronoUnit.DAYS));
        queries.put("heatmap, one resource, 30 days", "/dashboard/heatmap?resourceId=" + resource + "&from=" + week + "&to=" + month);
        queries.put("heatmap, all resources, 30 days", "/dashboard/heatmap?from=" + week + "&to=" + month);
        for (var q : queries.entrySet()) {
            long[] nanos = new long[30];
            int size = 0;
            for (int i = -5; i < nanos.length; i++) {
                long started = System.nanoTime();
                String body = get(client, base + q.getValue(), token);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - started;
                }
                size = body.length();
            }
            java.util.Arrays.sort(nanos);
            System.out.printf("%-36s p50 %7.1f ms  p99 %7.1f ms  (%,d bytes)%n", q.getKey(), nanos[15] / 1e6,
                    nanos[29] / 1e6, size);
        }
    }

    private static String get(HttpClient client, String url, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String signIn(HttpClient client, String base, String admin, String password) throws Exception {
        return JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", admin,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("access_token").asString();
    }

    static void replay(String base, String admin, String password, String label, String mode) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = signIn(client, base, admin, password);
        long started = System.nanoTime();
        JsonNode progress = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/replay?mode=" + mode))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long signedIn = System.nanoTime();
        while (!progress.get("finished").asBoolean()) {
            // each poll is a signed-in request (an ES256 check): polled gently, it takes little from the replay
            Thread.sleep(250);
            if (System.nanoTime() - signedIn > 10L * 60 * 1_000_000_000) {
                // access tokens live 15 minutes; a 1 M-event replay takes longer
                token = signIn(client, base, admin, password);
                signedIn = System.nanoTime();
            }
            var answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/replay"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("progress answered " + answer.statusCode() + ": " + answer.body());
            }
            progress = JSON.readTree(answer.body());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long head = progress.get("headIndex").asLong();
        System.out.printf("replay %-20s %,9d events in %6.2f s = %,10.0f events/s (every projection)%n", label, head,
                seconds, head / seconds);
    }
}
