package io.aura.app.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import io.aura.app.security.ApprovalTokens;
import io.aura.command.approval.Approval;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The approval workflow over HTTP, as approvers and attackers meet it: tokens from the inbox,
 * every way to abuse one (each answered 401 with nothing changed), the inbox, overrides,
 * reassignment, levels, and what a verdict does to the booking and its slot.
 */
class ApprovalsIT extends IntegrationTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    ApprovalTokens approvalTokens;

    String olga;
    String olgaName;
    String carol;
    String carolName;
    String alice;
    String bob;
    String resourceId;
    int day;

    @BeforeEach
    void givenARoomWhoseOwnerApproves() {
        olgaName = unique("olga");
        carolName = unique("carol");
        olga = userWithEmail(olgaName, olgaName + "@example.test", "APPROVER");
        carol = userWithRoles(carolName, "APPROVER");
        alice = userWithRoles(unique("alice"), "REQUESTER");
        bob = userWithRoles(unique("bob"), "REQUESTER");
        resourceId = room(List.of(Map.of("name", "room owner", "approvers", List.of(olgaName))), "PT1H");
        day = 0;
    }

    String room(List<Map<String, Object>> levels, String deadline) {
        var r = http.post("/api/resources", adminToken, Map.of("name", unique("Board room"), "capacity", 40,
                "timeZone", "Europe/Berlin", "approvalLevels", levels, "approvalDeadline", deadline));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        return r.body().get("id").asString();
    }

    Instant slot() {
        day++;
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(3 + day, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
    }

    String book(String token, String resource, Instant start, int attendees) {
        var r = http.post("/events/create", token, Map.of("title", "Board meeting", "resourceId", resource,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString(), "attendees", attendees));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        return r.body().get("bookingId").asString();
    }

    String bookingStatus(String bookingId) {
        return http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("status").asString();
    }

    JsonNode approvalOf(String bookingId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            var r = http.get("/api/approvals", adminToken);
            for (JsonNode a : r.body()) {
                if (a.get("bookingId").asString().equals(bookingId)) {
                    found[0] = a;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    String approvalStatus(String approvalId) {
        return http.get("/api/approvals/" + approvalId, adminToken).body().get("status").asString();
    }

    /** The approval token from the user's in-app inbox. */
    String tokenFromInbox(String userToken, String approvalId) {
        String[] token = new String[1];
        await().atMost(WAIT).until(() -> {
            for (JsonNode n : http.get("/api/notifications", userToken).body()) {
                if ("APPROVAL_REQUEST".equals(n.get("type").asString())
                        && approvalId.equals(n.get("approvalId").asString())) {
                    token[0] = n.get("token").asString();
                    return true;
                }
            }
            return false;
        });
        return token[0];
    }

    Http.Response authorize(String token, String decision) {
        return http.post("/approvals/authorize", null, Map.of("token", token, "decision", decision));
    }

    long eventsOf(String aggregateId, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND "
                + "payloadType LIKE ?", Long.class, aggregateId, "%$" + type);
    }

    void expectNothingChanged(String approvalId, String bookingId) {
        assertThat(approvalStatus(approvalId)).isEqualTo("PENDING");
        assertThat(bookingStatus(bookingId)).isEqualTo("PENDING_APPROVAL");
        assertThat(eventsOf(approvalId, "ApprovalLevelApproved") + eventsOf(approvalId, "ApprovalRejected"))
                .isZero();
    }

    // ---- the happy path and the proof ---------------------------------------------------------

    @Test
    void the_approver_approves_with_the_token_from_the_inbox_and_the_booking_is_confirmed_with_a_verifiable_proof()
            throws Exception {
        Instant start = slot();
        String bookingId = book(alice, resourceId, start, 12);
        JsonNode approval = approvalOf(bookingId);
        String approvalId = approval.get("approvalId").asString();
        assertThat(approval.get("approvers").toString()).contains(olgaName);
        // the booking view names its approval (API.md: approval: {approvalId, status, approvers})
        JsonNode pending = http.get("/events/status?bookingId=" + bookingId, alice).body();
        assertThat(pending.get("approval").get("approvalId").asString()).isEqualTo(approvalId);
        assertThat(pending.get("approval").get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("approval").get("approvers").toString()).contains(olgaName);
        assertThat(pending.has("token")).as("no proof before it is confirmed").isFalse();

        var r = authorize(tokenFromInbox(olga, approvalId), "APPROVE");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("APPROVED");
        assertThat(r.body().get("bookingId").asString()).isEqualTo(bookingId);
        // the audit names the approver the token was issued to (the caller is not signed in), and the token's id
        JsonNode decided = http.get("/api/audit?aggregateId=" + approvalId + "&type=ApprovalLevelApproved", adminToken)
                .body().get(0);
        assertThat(decided.get("actor").asString()).isEqualTo(olgaName);
        assertThat(decided.get("payload").get("tokenId").asString()).isEqualTo(Approval.tokenId(approvalId, 0));
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("CONFIRMED"));
        // the booking token proves id, resource and time to anyone holding only the public keys
        JsonNode confirmed = http.get("/events/status?bookingId=" + bookingId, alice).body();
        String bookingToken = confirmed.get("token").asString();
        assertThat(confirmed.get("approval").get("status").asString()).isEqualTo("APPROVED");
        Claims proof = Jwts.parser().verifyWith(publicKeyFromJwks()).build().parseSignedClaims(bookingToken)
                .getPayload();
        assertThat(proof.getSubject()).isEqualTo(bookingId);
        assertThat(proof.get("resourceId", String.class)).isEqualTo(resourceId);
        assertThat(proof.get("start", String.class)).isEqualTo(start.toString());
        // the requester hears of it
        await().atMost(WAIT).until(() -> http.get("/api/notifications", alice).body().toString()
                .contains("BOOKING_APPROVED"));
    }

    PublicKey publicKeyFromJwks() {
        String json = http.get("/.well-known/jwks.json", null).raw().body();
        Jwk<?> jwk = Jwks.setParser().build().parse(json).getKeys().iterator().next();
        return (PublicKey) jwk.toKey();
    }

    // ---- token attacks: 401, and nothing changes ----------------------------------------------

    @Test
    void a_replayed_token_is_refused_and_the_refusal_is_recorded() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String token = tokenFromInbox(olga, approvalId);
        assertThat(authorize(token, "REJECT").status()).isEqualTo(200);
        long before = eventsOf(approvalId, "ApprovalLevelApproved") + eventsOf(approvalId, "ApprovalRejected");

        var again = authorize(token, "APPROVE");

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body().get("detail").asString()).contains("already used");
        await().atMost(WAIT).until(() -> approvalStatus(approvalId).equals("REJECTED"));
        assertThat(eventsOf(approvalId, "ApprovalLevelApproved") + eventsOf(approvalId, "ApprovalRejected"))
                .isEqualTo(before);
        assertThat(eventsOf(approvalId, "ApprovalTokenRefused")).isEqualTo(1);
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("REJECTED"));
    }

    @Test
    void a_token_with_a_forged_signature_is_refused() throws Exception {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String genuine = tokenFromInbox(olga, approvalId);
        // the same claims, signed with a key that is not ours
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Claims claims = Jwts.parser().unsecured().build().parseUnsecuredClaims(unsignedCopy(genuine)).getPayload();
        String forged = Jwts.builder().claims(claims).signWith(generator.generateKeyPair().getPrivate(), Jwts.SIG.ES256)
                .compact();

        assertThat(authorize(forged, "APPROVE").status()).isEqualTo(401);
        expectNothingChanged(approvalId, bookingId);
    }

    @Test
    void an_unsigned_token_alg_none_is_refused() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();

        assertThat(authorize(unsignedCopy(tokenFromInbox(olga, approvalId)), "APPROVE").status()).isEqualTo(401);
        expectNothingChanged(approvalId, bookingId);
    }

    @Test
    void a_token_altered_to_name_another_approval_is_refused() {
        String first = book(alice, resourceId, slot(), 4);
        String firstApproval = approvalOf(first).get("approvalId").asString();
        String second = book(alice, resourceId, slot(), 4);
        String secondApproval = approvalOf(second).get("approvalId").asString();
        String[] parts = tokenFromInbox(olga, firstApproval).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(firstApproval, secondApproval);
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(authorize(altered, "APPROVE").status()).isEqualTo(401);
        expectNothingChanged(secondApproval, second);
        expectNothingChanged(firstApproval, first);
    }

    @Test
    void an_expired_token_is_refused_and_the_refusal_is_recorded_on_its_approval() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String expired = approvalTokens.sign(Approval.tokenId(approvalId, 0), approvalId, olgaName, 0,
                Instant.now().minusSeconds(60));

        var r = authorize(expired, "APPROVE");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("detail").asString()).contains("expired");
        expectNothingChanged(approvalId, bookingId);
        assertThat(eventsOf(approvalId, "ApprovalTokenRefused")).isEqualTo(1);
    }

    @Test
    void a_token_of_an_approver_who_was_then_disabled_is_refused_and_the_refusal_is_recorded() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String olgasToken = tokenFromInbox(olga, approvalId);
        assertThat(http.post("/api/users/" + olgaName + "/disable", adminToken, Map.of()).status()).isEqualTo(200);

        var r = authorize(olgasToken, "APPROVE");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("detail").asString()).contains("disabled");
        expectNothingChanged(approvalId, bookingId);
        assertThat(eventsOf(approvalId, "ApprovalTokenRefused")).isEqualTo(1);
    }

    @Test
    void a_token_of_an_approver_who_was_reassigned_is_refused_and_the_new_approver_decides() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String olgasToken = tokenFromInbox(olga, approvalId);

        var reassigned = http.post("/api/approvals/" + approvalId + "/approvers", adminToken,
                Map.of("approvers", List.of(carolName), "reason", "olga is on leave"));
        assertThat(reassigned.status()).as(String.valueOf(reassigned.body())).isEqualTo(200);

        assertThat(authorize(olgasToken, "APPROVE").status()).isEqualTo(401);
        expectNothingChanged(approvalId, bookingId);
        assertThat(http.post("/api/approvals/" + approvalId + "/decision", olga, Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);
        assertThat(authorize(tokenFromInbox(carol, approvalId), "APPROVE").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("CONFIRMED"));
    }

    @Test
    void a_token_for_an_approval_already_decided_in_the_inbox_is_refused() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String token = tokenFromInbox(olga, approvalId);
        var decided = http.post("/api/approvals/" + approvalId + "/decision", olga,
                Map.of("decision", "APPROVE", "comment", "ok"));
        assertThat(decided.status()).isEqualTo(200);

        var r = authorize(token, "REJECT");

        assertThat(r.status()).isEqualTo(401);
        await().atMost(WAIT).until(() -> approvalStatus(approvalId).equals("APPROVED"));
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("CONFIRMED"));
    }

    @Test
    void an_access_token_is_no_approval_token_and_an_approval_token_is_no_access_token() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        String approvalToken = tokenFromInbox(olga, approvalId);

        assertThat(authorize(olga, "APPROVE").status()).isEqualTo(401);
        assertThat(http.get("/api/approvals", approvalToken).status()).isEqualTo(401);
        expectNothingChanged(approvalId, bookingId);
    }

    @Test
    void garbage_and_missing_fields_are_told_apart_from_bad_tokens() {
        assertThat(authorize("not-a-jwt", "APPROVE").status()).isEqualTo(401);
        var missing = http.post("/approvals/authorize", null, Map.of("decision", "APPROVE"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("token");
        var wrongDecision = http.post("/approvals/authorize", null, Map.of("token", "x", "decision", "MAYBE"));
        assertThat(wrongDecision.status()).isEqualTo(400);
        assertThat(wrongDecision.body().toString()).contains("decision");
    }

    static String unsignedCopy(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    // ---- the inbox, overrides, levels, verdicts on the slot -----------------------------------

    @Test
    void the_inbox_shows_an_approver_their_pending_approvals_and_refuses_requesters() {
        String bookingId = book(alice, resourceId, slot(), 4);
        approvalOf(bookingId);
        var inbox = http.get("/api/approvals?status=PENDING", olga);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body().toString()).contains(bookingId);
        assertThat(http.get("/api/approvals?status=PENDING", carol).body().toString()).doesNotContain(bookingId);
        assertThat(http.get("/api/approvals", alice).status()).isEqualTo(403);
        assertThat(http.get("/api/approvals?status=SOON", olga).status()).isEqualTo(400);
    }

    @Test
    void a_rejection_declines_the_booking_and_frees_its_slot() {
        Instant start = slot();
        String bookingId = book(alice, resourceId, start, 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        var r = http.post("/api/approvals/" + approvalId + "/decision", olga,
                Map.of("decision", "REJECT", "comment", "the room is being painted"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("REJECTED");
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("REJECTED"));
        // gone from the calendar, the calendar as of now (folded from the events) and the heatmap
        String window = "from=" + start.minus(1, ChronoUnit.DAYS) + "&to=" + start.plus(1, ChronoUnit.DAYS)
                + "&resourceId=" + resourceId;
        assertThat(http.get("/dashboard/calendar?" + window, adminToken).body().toString()).doesNotContain(bookingId);
        assertThat(http.get("/dashboard/calendar?" + window + "&asOf=" + Instant.now(), adminToken).body().toString())
                .doesNotContain(bookingId);
        await().atMost(WAIT).until(() -> http.get("/dashboard/heatmap?" + window, adminToken).body().get("cells")
                .valueStream().allMatch(c -> c.get("bookedMinutes").asLong() == 0));
        // the slot is free again: the next request for it is held (and waits for approval itself)
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.post("/events/create", bob, Map.of(
                "title", "Retry", "resourceId", resourceId, "start", start.toString(),
                "end", start.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201));
    }

    @Test
    void while_pending_the_hold_blocks_the_slot() {
        Instant start = slot();
        book(alice, resourceId, start, 4);
        var r = http.post("/events/create", bob, Map.of("title", "Clash", "resourceId", resourceId,
                "start", start.plus(30, ChronoUnit.MINUTES).toString(), "end", start.plus(90, ChronoUnit.MINUTES).toString()));
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void an_administrator_overrides_only_with_a_reason_and_others_may_not_decide() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        assertThat(http.post("/api/approvals/" + approvalId + "/decision", carol, Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);
        assertThat(http.post("/api/approvals/" + approvalId + "/decision", alice, Map.of("decision", "APPROVE"))
                .status()).isEqualTo(403);
        var noReason = http.post("/api/approvals/" + approvalId + "/decision", adminToken, Map.of("decision", "APPROVE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().toString()).contains("comment");
        assertThat(approvalStatus(approvalId)).isEqualTo("PENDING");

        var override = http.post("/api/approvals/" + approvalId + "/decision", adminToken,
                Map.of("decision", "APPROVE", "comment", "board meeting moved up"));

        assertThat(override.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("CONFIRMED"));
        var audit = http.get("/api/audit?aggregateId=" + approvalId + "&type=ApprovalLevelApproved", adminToken);
        assertThat(audit.body().toString()).contains("OVERRIDE").contains("admin");
    }

    @Test
    void an_administrator_cancels_a_pending_approval_and_its_booking() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        assertThat(http.post("/api/approvals/" + approvalId + "/cancel", olga, Map.of("reason", "x")).status())
                .isEqualTo(403);
        var r = http.post("/api/approvals/" + approvalId + "/cancel", adminToken, Map.of("reason", "called off"));
        assertThat(r.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("CANCELLED"));
        await().atMost(WAIT).until(() -> approvalStatus(approvalId).equals("CANCELLED"));
    }

    @Test
    void cancelling_a_booking_awaiting_approval_cancels_the_approval() {
        String bookingId = book(alice, resourceId, slot(), 4);
        String approvalId = approvalOf(bookingId).get("approvalId").asString();
        assertThat(http.post("/events/" + bookingId + "/cancel", alice, Map.of()).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> approvalStatus(approvalId).equals("CANCELLED"));
    }

    @Test
    void a_large_event_goes_through_the_owner_and_then_facilities() {
        String fredName = unique("fred");
        String fred = userWithRoles(fredName, "APPROVER");
        String hall = room(List.of(Map.of("name", "room owner", "approvers", List.of(olgaName)),
                Map.of("name", "facilities", "approvers", List.of(fredName), "minAttendees", 20)), "PT1H");
        String small = book(alice, hall, slot(), 5);
        String large = book(alice, hall, slot(), 30);
        String smallApproval = approvalOf(small).get("approvalId").asString();
        String largeApproval = approvalOf(large).get("approvalId").asString();

        assertThat(authorize(tokenFromInbox(olga, smallApproval), "APPROVE").body().get("status").asString())
                .isEqualTo("APPROVED");
        var first = authorize(tokenFromInbox(olga, largeApproval), "APPROVE");
        assertThat(first.body().get("status").asString()).isEqualTo("PENDING");
        await().atMost(WAIT).until(() -> http.get("/api/approvals/" + largeApproval, adminToken).body()
                .get("level").asInt() == 1);
        assertThat(bookingStatus(large)).isEqualTo("PENDING_APPROVAL");
        assertThat(authorize(tokenFromInbox(fred, largeApproval), "APPROVE").body().get("status").asString())
                .isEqualTo("APPROVED");
        await().atMost(WAIT).until(() -> bookingStatus(large).equals("CONFIRMED") && bookingStatus(small).equals("CONFIRMED"));
    }

    @Test
    void moving_an_approved_booking_needs_a_new_approval_while_the_old_slot_stays_held() {
        Instant start = slot();
        String bookingId = book(alice, resourceId, start, 4);
        String first = approvalOf(bookingId).get("approvalId").asString();
        authorize(tokenFromInbox(olga, first), "APPROVE");
        await().atMost(WAIT).until(() -> bookingStatus(bookingId).equals("CONFIRMED"));
        Instant to = start.plus(4, ChronoUnit.HOURS);

        var moved = http.post("/events/" + bookingId + "/reschedule", alice,
                Map.of("start", to.toString(), "end", to.plus(1, ChronoUnit.HOURS).toString()));

        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(202);
        assertThat(moved.body().get("reschedule").asString()).isEqualTo("PENDING_APPROVAL");
        // both slots are held meanwhile
        assertThat(http.post("/events/create", bob, Map.of("title", "old", "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(409);
        assertThat(http.post("/events/create", bob, Map.of("title", "new", "resourceId", resourceId,
                "start", to.toString(), "end", to.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(409);
        String second = await().atMost(WAIT).until(() -> {
            for (JsonNode a : http.get("/api/approvals?status=PENDING", olga).body()) {
                if (a.get("bookingId").asString().equals(bookingId)) {
                    return a.get("approvalId").asString();
                }
            }
            return null;
        }, id -> id != null);
        assertThat(second).isNotEqualTo(first);

        assertThat(authorize(tokenFromInbox(olga, second), "APPROVE").status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> http.get("/events/status?bookingId=" + bookingId, alice).body()
                .get("start").asString().equals(to.toString()));
        assertThat(bookingStatus(bookingId)).isEqualTo("CONFIRMED");
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.post("/events/create", bob, Map.of("title", "old slot",
                "resourceId", resourceId, "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString()))
                .status()).isEqualTo(201));
    }
}
