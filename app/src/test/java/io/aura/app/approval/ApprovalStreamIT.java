package io.aura.app.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An approver's open {@code /api/approvals/stream} acts with their account as it is at each send (docs/security.md):
 * a revoked role or a disabled account ends it before it shows anything more, and it never shows an approval that
 * is not theirs.
 */
class ApprovalStreamIT extends IntegrationTest {
    static final String END = "(the stream ended)";

    String olgaName;
    String olga;
    String carol;
    String alice;
    String room;
    final List<Stream<String>> open = new ArrayList<>();

    @BeforeEach
    void givenARoomOlgaApproves() {
        olgaName = unique("olga");
        olga = userWithRoles(olgaName, "APPROVER");
        carol = userWithRoles(unique("carol"), "APPROVER");
        alice = userWithRoles(unique("alice"), "REQUESTER");
        var r = http.post("/api/resources", adminToken, Map.of("name", unique("Board room"), "capacity", 40,
                "timeZone", "Europe/Berlin", "approvalLevels", List.of(Map.of("name", "room owner", "approvers",
                        List.of(olgaName))), "approvalDeadline", "PT1H"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        room = r.body().get("id").asString();
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    @Test
    void an_approver_whose_role_is_revoked_while_watching_is_shown_no_more_approvals() throws Exception {
        BlockingQueue<String> olgas = stream(olga);
        assertThat(http.delete("/api/users/" + olgaName + "/roles/APPROVER", adminToken).status()).isEqualTo(200);

        String booking = bookNeedingApproval(1);

        assertThat(linesUntilTheEnd(olgas)).noneMatch(line -> line.contains(booking)).endsWith(END);
    }

    @Test
    void an_approver_disabled_while_watching_is_shown_no_more_approvals() throws Exception {
        BlockingQueue<String> olgas = stream(olga);
        assertThat(http.post("/api/users/" + olgaName + "/disable", adminToken, Map.of()).status()).isEqualTo(200);

        String booking = bookNeedingApproval(2);

        assertThat(linesUntilTheEnd(olgas)).noneMatch(line -> line.contains(booking)).endsWith(END);
    }

    @Test
    void an_approval_reaches_its_approvers_stream_and_not_another_approvers() throws Exception {
        BlockingQueue<String> olgas = stream(olga);
        BlockingQueue<String> carols = stream(carol);

        String booking = bookNeedingApproval(3);

        String shown = null;
        for (String line; shown == null && (line = olgas.poll(10, TimeUnit.SECONDS)) != null; ) {
            shown = line.startsWith("data:") && line.contains(booking) ? line : null;
        }
        assertThat(shown).as("olga is shown the approval asked of her").isNotNull();
        List<String> carolSaw = new ArrayList<>();
        for (String line; (line = carols.poll(1, TimeUnit.SECONDS)) != null; ) {
            carolSaw.add(line);
        }
        assertThat(carolSaw).noneMatch(line -> line.contains(booking));
    }

    String bookNeedingApproval(int inDays) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(10 + inDays, ChronoUnit.DAYS)
                .plus(9, ChronoUnit.HOURS);
        var r = http.post("/events/create", alice, Map.of("title", "Board meeting", "resourceId", room,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        return r.body().get("bookingId").asString();
    }

    /** The lines of {@code token}'s approvals stream, once it is open; {@link #END} once it ends. */
    BlockingQueue<String> stream(String token) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + "/api/approvals/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        open.add(response.body());
        // read on a thread of its own (not the common pool, which Axon's processors need to stop: see LiveStreamIT)
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // closed at the end
            }
            lines.add(END);
        }, "approval-stream-reader");
        reader.setDaemon(true);
        reader.start();
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("event:ready")) {
                return lines;
            }
        }
        throw new AssertionError("the stream did not open");
    }

    /** What the stream says until it ends (or 10 seconds pass). */
    static List<String> linesUntilTheEnd(BlockingQueue<String> lines) throws InterruptedException {
        List<String> said = new ArrayList<>();
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            said.add(line);
            if (line.equals(END)) {
                break;
            }
        }
        return said;
    }
}
