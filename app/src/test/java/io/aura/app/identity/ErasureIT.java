package io.aura.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.kernel.privacy.PersonalData;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Erasing a person (ADR 0046, API.md {@code POST /api/users/{username}/erase}): after a person used everything
 * that keeps their words (bookings with and without approval, a waitlist, a webhook's deliveries, an Outlook
 * room, a calendar feed, an idempotency key, a comment on someone else's booking), none of their display name,
 * address, titles, description, attendees' names or comment is left in any table or collection outside the event
 * store, and the exports show them erased.
 */
class ErasureIT extends IntegrationTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ObjectProvider<MongoTemplate> mongo;

    /** Where {@code text} is kept: "table.column" of the SQLite database, and "collection" of MongoDB in its pass. */
    List<String> whereKept(String text) {
        List<String> found = new ArrayList<>();
        List<String> tables = jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class);
        for (String table : tables) {
            // the event store's tables too: there every word of theirs is sealed with their deleted key (ADR 0046)
            if (table.startsWith("sqlite_")) {
                continue;
            }
            for (Map<String, Object> column : jdbc.queryForList("PRAGMA table_info(\"" + table + "\")")) {
                String name = String.valueOf(column.get("name"));
                String type = String.valueOf(column.get("type")).toUpperCase();
                boolean words = type.isEmpty() || type.contains("TEXT") || type.contains("CHAR")
                        || type.contains("CLOB") || type.contains("BLOB");
                if (words && jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\" WHERE instr(CAST(\"" + name
                        + "\" AS TEXT), ?) > 0", Long.class, text) > 0) {
                    found.add(table + "." + name);
                }
            }
        }
        MongoTemplate views = mongo.getIfAvailable();
        if (MONGO_VIEWS && views != null) {
            for (String collection : views.getCollectionNames()) {
                if (views.find(new Query(), Document.class, collection).stream()
                        .anyMatch(d -> d.toJson().contains(text))) {
                    found.add(collection);
                }
            }
        }
        return found;
    }

    record Person(String username, String token, String displayName, String email) {}

    Person person(String prefix, String... roles) {
        String username = unique(prefix);
        String mark = UUID.randomUUID().toString().substring(0, 12);
        String displayName = "Zelda Erasable " + mark;
        String email = "zelda-" + mark + "@erasure.example";
        var created = http.post("/api/users", adminToken, Map.of("username", username,
                "password", username + "-password-1", "roles", List.of(roles), "displayName", displayName,
                "email", email));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return new Person(username, http.token(username, username + "-password-1"), displayName, email);
    }

    String room(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", unique("Erasure room"), "capacity", 10,
                "timeZone", "UTC", "bufferMinutes", 0, "bookingWindowDays", 90));
        body.putAll(extra);
        var created = http.post("/api/resources", adminToken, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    static Map<String, Object> booking(String room, Instant start, String title, String description,
                                       List<String> attendees) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", title, "resourceId", room,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString(), "attendees", attendees));
        if (description != null) {
            body.put("description", description);
        }
        return body;
    }

    static String uniqueText(String what) {
        return what + " " + UUID.randomUUID();
    }

    static String enc(Object value) {
        return java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void an_erased_person_s_words_are_in_no_table_or_collection_and_the_exports_show_them_erased() {
        Person zelda = person("zelda", "REQUESTER", "APPROVER");
        Instant day = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        // a webhook hears of everything from now on; its receiver is not there, so its deliveries wait
        var hook = http.post("/api/webhooks", adminToken, Map.of("url", "https://hooks.example.org/erasure-" + zelda.username(),
                "secret", "a-webhook-secret-of-at-least-32-characters"));
        assertThat(hook.status()).as(String.valueOf(hook.body())).isEqualTo(201);
        try {
            usesEverythingThenIsErased(zelda, day);
        } finally { // the other tests' events are no business of this webhook
            http.delete("/api/webhooks/" + hook.body().get("id").asString(), adminToken);
        }
    }

    void usesEverythingThenIsErased(Person zelda, Instant day) {
        String olga = unique("olga");
        String olgaToken = userWithRoles(olga, "APPROVER");
        String bob = unique("bob");
        String bobToken = userWithRoles(bob, "REQUESTER");
        // a room written back to Outlook, one Olga approves in, one Zelda approves in
        String outlookRoom = room(Map.of());
        String mailbox = unique("erasure-room") + "@contoso.com";
        GRAPH.calendar(mailbox);
        assertThat(http.put("/api/resources/" + outlookRoom + "/external-calendar", adminToken,
                Map.of("mailbox", mailbox)).status()).isEqualTo(200);
        String olgasHall = room(Map.of("approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(olga))),
                "approvalDeadline", "PT4H"));
        String zeldasHall = room(Map.of("approvalLevels", List.of(Map.of("name", "owner",
                "approvers", List.of(zelda.username()))), "approvalDeadline", "PT4H"));

        String askedTitle = uniqueText("Zelda's surprise party");
        String description = uniqueText("Do not tell anyone about");
        String attendee = uniqueText("Attendee Person");
        var asked = http.post("/events/create", zelda.token(), booking(olgasHall, day.plus(9, ChronoUnit.HOURS),
                askedTitle, description, List.of(attendee, "Second Guest")));
        assertThat(asked.status()).as(String.valueOf(asked.body())).isEqualTo(201);
        String askedId = asked.body().get("bookingId").asString();
        String confirmedTitle = uniqueText("Zelda's dentist hour");
        var confirmed = http.postWithHeader("/events/create", zelda.token(), booking(outlookRoom,
                        day.plus(10, ChronoUnit.HOURS), confirmedTitle, null, List.of()), "Idempotency-Key",
                "erasure-" + UUID.randomUUID());
        assertThat(confirmed.status()).as(String.valueOf(confirmed.body())).isEqualTo(201);
        String confirmedId = confirmed.body().get("bookingId").asString();

        // Olga approves Zelda's booking with a comment: Olga's words, which stay
        String olgasComment = uniqueText("Olga says fine");
        String approvalId = http.get("/events/status?bookingId=" + askedId, zelda.token()).body().get("approval")
                .get("approvalId").asString();
        assertThat(http.post("/api/approvals/" + approvalId + "/decision", olgaToken, Map.of("decision", "APPROVE",
                "comment", olgasComment)).status()).isEqualTo(200);
        // Zelda rejects Bob's booking with a comment: Zelda's words, which go
        var bobs = http.post("/events/create", bobToken, booking(zeldasHall, day.plus(11, ChronoUnit.HOURS),
                "Bob's budget review", null, List.of()));
        String bobsApproval = http.get("/events/status?bookingId=" + bobs.body().get("bookingId").asString(),
                bobToken).body().get("approval").get("approvalId").asString();
        String zeldasComment = uniqueText("Zelda thinks this is a waste");
        assertThat(http.post("/api/approvals/" + bobsApproval + "/decision", zelda.token(), Map.of("decision",
                "REJECT", "comment", zeldasComment)).status()).isEqualTo(200);
        // Zelda waits for a slot Bob holds
        assertThat(http.post("/events/create", bobToken, booking(outlookRoom, day.plus(13, ChronoUnit.HOURS),
                "Bob's slot", null, List.of())).status()).isEqualTo(201);
        String waitlistTitle = uniqueText("Zelda's waiting wish");
        var joined = http.post("/api/waitlist", zelda.token(), Map.of("resourceId", outlookRoom,
                "start", day.plus(13, ChronoUnit.HOURS).toString(), "end", day.plus(14, ChronoUnit.HOURS).toString(),
                "title", waitlistTitle, "attendees", 2));
        assertThat(joined.status()).as(String.valueOf(joined.body())).isEqualTo(201);
        String feed = path(http.get("/api/ical/links", zelda.token()).body().get("mine").asString());
        assertThat(http.get(feed, null).raw().body()).contains(confirmedTitle);

        List<String> words = List.of(zelda.displayName(), zelda.email(), askedTitle, description, attendee,
                confirmedTitle, zeldasComment, waitlistTitle);
        // before: each is kept somewhere outside the event store (else this test could not fail)
        for (String text : words) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(text)).as(text).isNotEmpty());
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(askedTitle)).as("a notice to Olga")
                .anyMatch(where -> where.startsWith("notification")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(askedTitle)).as("a webhook delivery")
                .anyMatch(where -> where.startsWith("webhook")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(confirmedTitle)).as("an Outlook write")
                .anyMatch(where -> where.startsWith("outlook")));

        var erased = http.post("/api/users/" + zelda.username() + "/erase", adminToken, Map.of());
        assertThat(erased.status()).as(String.valueOf(erased.body())).isEqualTo(202);

        for (String text : words) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(text)).as(text).isEmpty());
        }
        assertThat(whereKept(olgasComment)).as("Olga's words are hers").isNotEmpty();
        // an erased person waits for nothing: no freed slot is booked for an account that cannot sign in
        String entryId = joined.body().get("waitlistId").asString();
        String waitlist = io.aura.kernel.waitlist.WaitlistCommands.waitlistId(outlookRoom);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/api/audit?type=WaitlistLeft&aggregateId="
                + waitlist, adminToken).raw().body()).contains(entryId));

        JsonNode listed = null;
        for (JsonNode user : http.get("/api/users", adminToken).body()) {
            if (user.get("username").asString().equals(zelda.username())) {
                listed = user;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("displayName").isNull() || listed.path("displayName").isMissingNode()).isTrue();
        assertThat(listed.path("email").isNull() || listed.path("email").isMissingNode()).isTrue();
        assertThat(listed.get("disabled").asBoolean()).isTrue();

        JsonNode status = http.get("/events/status?bookingId=" + askedId, adminToken).body();
        assertThat(status.get("title").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(status.get("requester").asString()).isEqualTo(zelda.username());
        assertThat(status.toString()).doesNotContain(description).doesNotContain(attendee);
        assertThat(http.get("/events/status?bookingId=" + confirmedId, adminToken).body().get("title").asString())
                .isEqualTo(PersonalData.ERASED);
        String window = "from=" + enc(day.minus(1, ChronoUnit.DAYS)) + "&to=" + enc(day.plus(2, ChronoUnit.DAYS));
        JsonNode calendar = http.get("/dashboard/calendar?" + window + "&resourceId=" + outlookRoom, adminToken).body();
        assertThat(calendar.toString()).contains(PersonalData.ERASED).doesNotContain(confirmedTitle);
        var timesheet = http.get("/api/timesheets?" + window + "&groupBy=user&format=csv", adminToken);
        assertThat(timesheet.status()).isEqualTo(200);
        assertThat(timesheet.raw().body()).contains(zelda.username()).doesNotContain(zelda.displayName())
                .doesNotContain(zelda.email());
        assertThat(http.get(feed, null).status()).as("the feed is revoked").isIn(404, 410);
        assertThat(http.get("/api/notifications", olgaToken).body().toString()).doesNotContain(askedTitle)
                .contains(PersonalData.ERASED);
        assertThat(http.get("/api/notifications", bobToken).body().toString()).doesNotContain(zeldasComment);
        assertThat(http.post("/api/auth/token", null, Map.of("username", zelda.username(),
                "password", zelda.username() + "-password-1")).status()).as("no more sign-in").isEqualTo(401);
        assertThat(http.post("/api/users", adminToken, Map.of("username", zelda.username(), "password",
                "another-password-1", "roles", List.of("REQUESTER"))).status()).as("the name stays taken")
                .isEqualTo(409);
        assertThat(http.get("/api/audit/verify", adminToken).body().get("valid").asBoolean()).isTrue();
    }

    /** The views forget in the processors that build them, so a rebuild from the events forgets them again. */
    @Test
    void a_replay_rebuilds_the_views_without_the_erased_person_s_words() {
        Person zelda = person("zelda", "REQUESTER");
        String room = room(Map.of());
        String title = uniqueText("Zelda's replayed secret");
        String attendee = uniqueText("Replayed Guest");
        var booked = http.post("/events/create", zelda.token(), booking(room,
                Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), title, null, List.of(attendee)));
        assertThat(booked.status()).as(String.valueOf(booked.body())).isEqualTo(201);
        String bookingId = booked.body().get("bookingId").asString();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(title)).isNotEmpty());
        assertThat(http.post("/api/users/" + zelda.username() + "/erase", adminToken, Map.of()).status())
                .isEqualTo(202);
        List<String> words = List.of(zelda.displayName(), zelda.email(), title, attendee);
        for (String text : words) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(whereKept(text)).as(text).isEmpty());
        }

        assertThat(http.post("/api/admin/replay", adminToken, Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/admin/replay", adminToken).body().get("finished").asBoolean());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(http.get("/events/status?bookingId=" + bookingId,
                adminToken).body().path("title").asString("")).isEqualTo(PersonalData.ERASED));
        for (String text : words) {
            assertThat(whereKept(text)).as(text).isEmpty();
        }
    }

    @Test
    void erasing_twice_is_accepted_and_records_nothing_more() {
        Person zelda = person("zelda", "REQUESTER");
        assertThat(http.post("/api/users/" + zelda.username() + "/erase", adminToken, Map.of()).status())
                .isEqualTo(202);
        long recorded = eventsOf(zelda.username());

        assertThat(http.post("/api/users/" + zelda.username() + "/erase", adminToken, Map.of()).status())
                .isEqualTo(202);

        assertThat(eventsOf(zelda.username())).isEqualTo(recorded);
        assertThat(types(zelda.username())).containsExactly("UserRegistered", "UserDisabled", "UserErased");
    }

    @Test
    void nobody_erases_themselves_a_non_admin_erases_nobody_and_an_unknown_user_is_not_found() {
        Person zelda = person("zelda", "REQUESTER");
        String otherAdmin = unique("root");
        String otherAdminToken = userWithRoles(otherAdmin, "ADMIN");

        var self = http.post("/api/users/" + otherAdmin + "/erase", otherAdminToken, Map.of());
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.header("Content-Type")).startsWith("application/problem+json");
        var byRequester = http.post("/api/users/" + zelda.username() + "/erase", zelda.token(), Map.of());
        assertThat(byRequester.status()).isEqualTo(403);
        assertThat(http.post("/api/users/" + unique("nobody") + "/erase", adminToken, Map.of()).status())
                .isEqualTo(404);

        assertThat(types(otherAdmin)).doesNotContain("UserErased");
        assertThat(types(zelda.username())).doesNotContain("UserErased");
        assertThat(http.token(zelda.username(), zelda.username() + "-password-1")).isNotBlank();
    }

    long eventsOf(String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                username);
    }

    List<String> types(String username) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", String.class, username).stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1)).toList();
    }
}
