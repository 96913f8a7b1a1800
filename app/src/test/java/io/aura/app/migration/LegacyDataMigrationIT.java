package io.aura.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A data directory written by the release before views moved into SQL (c3f0f4d: events, tokens and
 * sagas in axon.db, views, password hashes and idempotency keys in views.mv) opens in this one: the
 * people can still sign in, the views are rebuilt from the events, a retried request with an old
 * Idempotency-Key gets its first answer, and the old file is set aside. The server runs in a child JVM
 * on a copy of that directory, as a user upgrading would start it.
 */
class LegacyDataMigrationIT {
    static final String CONFIRMED = "9386b931-f622-40b4-8863-4a22bf42a1e6";
    static final String AWAITING_APPROVAL = "f399a8e4-3745-4d86-9a94-7c8288c4a194";
    static final String REFUSED = "2149cc12-770b-4419-a3e1-a18a493f694c";
    static final String BOARDROOM = "d5e312c3-23c8-43e5-ac7b-409cc73eb2f7";

    private final Path dataDir = Path.of("target", "legacy-data", java.util.UUID.randomUUID().toString());
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void a_data_directory_of_the_previous_release_opens_with_its_people_bookings_and_answers() throws Exception {
        Files.createDirectories(dataDir);
        LegacyViewStoreTest.unzipLegacyDataDir(dataDir);
        int port = freePort();
        server = start(port);
        Http http = new Http(port);

        // the password hashes came across: the people sign in with the passwords they had
        String alice = http.token("alice", "alice-password-1");
        String admin = http.token("admin", "legacy-admin-password");

        // the views are rebuilt from the events
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                "CONFIRMED".equals(status(http, admin, CONFIRMED)) && "REJECTED".equals(status(http, admin, REFUSED)));
        // an approval deadline may have passed since the fixture was written (it is a wall-clock one)
        assertThat(status(http, admin, AWAITING_APPROVAL)).isIn("PENDING_APPROVAL", "EXPIRED");
        assertThat(http.get("/api/resources", admin).body()).extracting(r -> r.get("name").asString())
                .containsExactlyInAnyOrder("Boardroom", "Main hall");
        List<String> onCalendar = new ArrayList<>();
        http.get("/dashboard/calendar?resourceId=" + BOARDROOM + "&from=2027-03-01T00:00:00Z&to=2027-03-04T00:00:00Z",
                admin).body().get("events").forEach(e -> onCalendar.add(e.get("bookingId").asString()));
        assertThat(onCalendar).containsExactly(CONFIRMED);
        JsonNode bobsInbox = http.get("/api/notifications", http.token("bob", "bob-password-12")).body();
        assertThat(bobsInbox).extracting(n -> n.get("bookingId").asString()).contains(AWAITING_APPROVAL);

        // the idempotency key of the old store still answers the retried request with its first booking
        var retried = http.postWithHeader("/events/create", alice, Map.of("title", "Quarterly review", "resourceId",
                BOARDROOM, "start", "2027-03-02T09:00:00Z", "end", "2027-03-02T10:00:00Z", "attendees", 6),
                "Idempotency-Key", "legacy-key-1");
        assertThat(retried.body().get("bookingId").asString()).isEqualTo(CONFIRMED);

        assertThat(dataDir.resolve("views.mv")).doesNotExist();
        assertThat(dataDir.resolve("views.mv.migrated")).exists();
    }

    private static String status(Http http, String token, String bookingId) {
        return http.get("/events/status?bookingId=" + bookingId, token).body().get("status").asString();
    }

    private Process start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Daxoniq.update-checker.disabled=true", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.aura.app.AuraApplication",
                "--server.port=" + port, "--aura.data-dir=" + dataDir.toAbsolutePath(),
                "--aura.contention.train-cron=-", "--logging.level.aura.requests=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().remove("AURA_ADMIN_PASSWORD");
        Process process = builder.start();
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("server exited; see " + log);
                    }
                    return http.get("/actuator/health", null).status() == 200;
                });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
