package io.aura.app.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import io.aura.app.IntegrationTest;
import io.aura.app.notify.WebhookOutbox;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What people and systems hear: mail through a real SMTP server (GreenMail, in-process) whose
 * link decides the approval, webhooks to a local HTTP server (signed, retried, deduplicable), and
 * deadlines that remind, escalate and expire in the running application.
 */
class NotificationsIT extends IntegrationTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern LINK = Pattern.compile("http://aura\\.test(/approvals/decide\\?token=[A-Za-z0-9%._-]+)");

    String bookFor(String requester, String resourceId, Instant start) {
        var r = http.post("/events/create", requester, Map.of("title", "Offsite", "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("bookingId").asString();
    }

    String room(String approver, String deadline) {
        var r = http.post("/api/resources", adminToken, Map.of("name", unique("Hall"), "capacity", 10,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(approver))),
                "approvalDeadline", deadline));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asString();
    }

    String status(String bookingId) {
        return http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("status").asString();
    }

    List<String> typesIn(String token) {
        return http.get("/api/notifications", token).body().valueStream().map(n -> n.get("type").asString()).toList();
    }

    @Test
    void the_approver_gets_a_mail_whose_link_opens_a_page_that_decides_the_approval() throws Exception {
        String approverName = unique("mia");
        String approverMail = approverName + "@example.test";
        userWithEmail(approverName, approverMail, "APPROVER");
        String requester = userWithRoles(unique("req"), "REQUESTER");
        String bookingId = bookFor(requester, room(approverName, "PT1H"),
                Instant.now().truncatedTo(ChronoUnit.DAYS).plus(5, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS));

        MimeMessage mail = await().atMost(WAIT).until(() -> {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(approverMail)) {
                    return m;
                }
            }
            return null;
        }, m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("Approval requested");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a decision link in the mail").isTrue();
        String path = link.group(1);
        String token = URLDecoder.decode(path.substring(path.indexOf("token=") + 6), StandardCharsets.UTF_8);

        // opening the link decides nothing: it shows a form
        var page = http.get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("<form").contains("APPROVE").contains(approverName);
        assertThat(status(bookingId)).isEqualTo("PENDING_APPROVAL");

        var decided = http.postForm("/approvals/authorize", Map.of("token", token, "decision", "APPROVE"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.raw().body()).contains("APPROVED");
        await().atMost(WAIT).until(() -> status(bookingId).equals("CONFIRMED"));
        // the same link again: refused
        assertThat(http.postForm("/approvals/authorize", Map.of("token", token, "decision", "REJECT")).status())
                .isEqualTo(401);
    }

    @Test
    void an_undecided_approval_reminds_escalates_to_administrators_and_expires_freeing_the_slot() {
        String approverName = unique("ned");
        String approver = userWithRoles(approverName, "APPROVER");
        String requester = userWithRoles(unique("req"), "REQUESTER");
        String resourceId = room(approverName, "PT10S");
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(6, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
        String bookingId = bookFor(requester, resourceId, start);

        await().atMost(WAIT).until(() -> status(bookingId).equals("EXPIRED"));

        assertThat(typesIn(approver)).contains("APPROVAL_REQUEST", "APPROVAL_REMINDER");
        assertThat(typesIn(adminToken)).contains("APPROVAL_ESCALATED");
        await().atMost(WAIT).until(() -> typesIn(requester).contains("APPROVAL_EXPIRED"));
        var audit = http.get("/api/audit?type=ApprovalExpired", adminToken).body().toString();
        assertThat(audit).contains(bookingId);
        // the hold is gone with it
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.post("/events/create", requester, Map.of(
                "title", "Again", "resourceId", resourceId, "start", start.toString(),
                "end", start.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201));
    }

    @Test
    void members_of_an_approver_role_are_told_with_a_link_to_their_inbox_and_one_of_them_decides_there()
            throws Exception {
        String memberName = unique("rosa");
        String memberMail = memberName + "@example.test";
        String member = userWithEmail(memberName, memberMail, "APPROVER");
        String requester = userWithRoles(unique("req"), "REQUESTER", "APPROVER");
        var room = http.post("/api/resources", adminToken, Map.of("name", unique("Role hall"), "capacity", 10,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "any approver", "approverRole", "APPROVER")),
                "approvalDeadline", "PT1H"));
        assertThat(room.status()).as(String.valueOf(room.body())).isEqualTo(201);
        String bookingId = bookFor(requester, room.body().get("id").asString(),
                Instant.now().truncatedTo(ChronoUnit.DAYS).plus(8, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS));

        await().atMost(WAIT).until(() -> typesIn(member).contains("APPROVAL_REQUEST"));
        JsonNode request = http.get("/api/notifications", member).body().valueStream()
                .filter(n -> bookingId.equals(n.get("bookingId").asString())).findFirst().orElseThrow();
        assertThat(request.get("link").asString()).isEqualTo("http://aura.test/inbox");
        // the link opens the web inbox (a person follows it: sign-in first), not an API path that answers 401
        var followed = http.get("/inbox", null);
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.raw().headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(request.get("token").isNull()).as("no token for a role member").isTrue();
        MimeMessage mail = await().atMost(WAIT).until(() -> java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> { try { return m.getAllRecipients()[0].toString().equals(memberMail); }
                               catch (jakarta.mail.MessagingException e) { return false; } })
                .findFirst().orElse(null), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("Approval requested");
        // the requester holds the role too, but is not asked to approve their own booking
        assertThat(http.get("/api/notifications", requester).body().valueStream()
                .filter(n -> "APPROVAL_REQUEST".equals(n.get("type").asString()))
                .noneMatch(n -> bookingId.equals(n.get("bookingId").asString()))).isTrue();

        String approvalId = request.get("approvalId").asString();
        assertThat(http.post("/api/approvals/" + approvalId + "/decision", member, Map.of("decision", "APPROVE"))
                .status()).isBetween(200, 204);
        await().atMost(WAIT).until(() -> status(bookingId).equals("CONFIRMED"));
    }

    record Received(String delivery, String event, String timestamp, String signature, String body) {}

    @Test
    void webhooks_receive_signed_events_at_least_once_and_a_failed_delivery_is_retried_with_the_same_id()
            throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst(WebhookOutbox.DELIVERY), h.getFirst(WebhookOutbox.EVENT),
                    h.getFirst(WebhookOutbox.TIMESTAMP), h.getFirst(WebhookOutbox.SIGNATURE), body));
            // the very first delivery fails: it must come again, with the same id
            exchange.sendResponseHeaders(calls.getAndIncrement() == 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        String secret = "a-webhook-secret-of-some-length";
        String hookId = null;
        try {
            String requester = userWithRoles(unique("req"), "REQUESTER");
            assertThat(http.post("/api/webhooks", requester, Map.of("url", "http://x.test/", "secret", secret))
                    .status()).isEqualTo(403);
            var invalid = http.post("/api/webhooks", adminToken, Map.of("url", "ftp://nope", "secret", "short"));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body().toString()).contains("url").contains("secret");
            var hook = http.post("/api/webhooks", adminToken, Map.of("url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", secret));
            assertThat(hook.status()).isEqualTo(201);
            assertThat(hook.body().toString()).doesNotContain(secret);
            hookId = hook.body().get("id").asString();

            String open = http.post("/api/resources", adminToken, Map.of("name", unique("Open room"), "capacity", 4,
                    "timeZone", "UTC")).body().get("id").asString();
            String bookingId = bookFor(requester, open,
                    Instant.now().truncatedTo(ChronoUnit.DAYS).plus(7, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS));

            await().atMost(WAIT).until(() -> received.stream().anyMatch(r -> "BookingConfirmed".equals(r.event())
                    && r.body().contains(bookingId)));
            for (Received r : received) {
                assertThat(r.signature()).isEqualTo("sha256=" + WebhookOutbox.sign(secret, r.timestamp() + "." + r.body()));
                JsonNode body = io.aura.app.Http.JSON.readTree(r.body());
                assertThat(body.get("id").asString()).isEqualTo(r.delivery());
            }
            Received first = received.get(0);
            await().atMost(WAIT).until(() -> received.stream().filter(r -> r.delivery().equals(first.delivery()))
                    .count() >= 2);
        } finally {
            receiver.stop(0);
            if (hookId != null) {
                http.delete("/api/webhooks/" + hookId, adminToken);
            }
        }
    }
}
