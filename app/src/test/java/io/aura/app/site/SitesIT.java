package io.aura.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sites and travel (API.md v1.1): resources belong to sites, administrators set the minutes between two sites,
 * a booking too close to the requester's booking at another site answers with a TRAVEL warning, and suggestions
 * for that requester leave such slots out.
 */
class SitesIT extends IntegrationTest {
    String north;
    String south;
    String northRoom;
    String southRoom;
    Instant nine;

    @BeforeEach
    void twoSitesFortyMinutesApart() {
        north = site(unique("North office"));
        south = site(unique("South office"));
        var travel = http.put("/api/sites/travel", adminToken, Map.of("fromSiteId", north, "toSiteId", south,
                "minutes", 40));
        assertThat(travel.status()).as(String.valueOf(travel.body())).isEqualTo(200);
        northRoom = room(north);
        southRoom = room(south);
        nine = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9));
    }

    String site(String name) {
        var created = http.post("/api/sites", adminToken, Map.of("name", name, "timeZone", "Europe/Berlin"));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("siteId").asString();
    }

    String room(String siteId) {
        var created = http.post("/api/resources", adminToken, Map.of("name", unique("Room"), "capacity", 8,
                "timeZone", "UTC", "siteId", siteId));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("siteId").asString()).isEqualTo(siteId);
        return created.body().get("id").asString();
    }

    Http.Response book(String token, String resourceId, Instant start, int minutes) {
        return http.post("/events/create", token, Map.of("title", "Work", "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(minutes)).toString()));
    }

    static String enc(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void a_booking_thirty_minutes_after_one_forty_minutes_away_is_confirmed_with_a_travel_warning() {
        String alice = userWithRoles(unique("alice"), "REQUESTER");
        assertThat(book(alice, southRoom, nine, 60).status()).isEqualTo(201);

        var tooSoon = book(alice, northRoom, nine.plus(Duration.ofMinutes(90)), 60);
        var inTime = book(alice, northRoom, nine.plus(Duration.ofMinutes(180)), 60);

        assertThat(tooSoon.status()).isEqualTo(201);
        assertThat(tooSoon.body().get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode warning = tooSoon.body().get("warnings").get(0);
        assertThat(warning.get("type").asString()).isEqualTo("TRAVEL");
        assertThat(warning.get("detail").asString()).startsWith("only 30 min after your booking at South office")
                .endsWith("travel takes 40 min");
        assertThat(inTime.status()).isEqualTo(201);
        assertThat(inTime.body().has("warnings")).as("in time: no warning").isFalse();
        // another person's booking in the south is none of alice's concern
        String bob = userWithRoles(unique("bob"), "REQUESTER");
        assertThat(book(bob, northRoom, nine.plus(Duration.ofMinutes(300)), 30).body().has("warnings")).isFalse();
    }

    @Test
    void suggestions_for_someone_booked_at_another_site_leave_out_the_slots_they_could_not_reach() {
        String bob = userWithRoles(unique("bob"), "REQUESTER");
        String carol = userWithRoles(unique("carol"), "REQUESTER");
        assertThat(book(bob, southRoom, nine, 60).status()).isEqualTo(201);
        String query = "/api/suggestions?resourceId=" + northRoom + "&durationMinutes=60&count=8&from="
                + enc(nine.minus(Duration.ofHours(1))) + "&to=" + enc(nine.plus(Duration.ofHours(4)));

        List<Instant> forBob = starts(http.get(query, bob).body());
        List<Instant> forCarol = starts(http.get(query, carol).body());

        assertThat(forBob).isNotEmpty().allSatisfy(start ->
                assertThat(start).isAfterOrEqualTo(nine.plus(Duration.ofMinutes(100))));
        assertThat(forCarol).as("nobody else loses those slots").anyMatch(start -> start.isBefore(nine));
    }

    @Test
    void sites_are_listed_with_their_travel_times_and_bad_input_is_400_naming_the_field_and_records_nothing() {
        JsonNode listed = http.get("/api/sites", userWithRoles(unique("reader"), "REQUESTER")).body();
        List<String> ids = new ArrayList<>();
        listed.get("sites").forEach(s -> ids.add(s.get("siteId").asString()));
        assertThat(ids).contains(north, south);
        assertThat(listed.get("travelTimes").toString()).contains("\"minutes\":40");

        long before = storedEvents();
        Map<String, Object> toItself = Map.of("fromSiteId", north, "toSiteId", north, "minutes", 5);
        Map<String, Object> nowhere = Map.of("fromSiteId", "no-such-site", "toSiteId", south, "minutes", 5);
        Map<String, Object> tooFar = Map.of("fromSiteId", north, "toSiteId", south, "minutes", 2000);
        assertThat(fields(http.put("/api/sites/travel", adminToken, toItself))).contains("toSiteId");
        assertThat(fields(http.put("/api/sites/travel", adminToken, nowhere))).contains("fromSiteId");
        assertThat(fields(http.put("/api/sites/travel", adminToken, tooFar))).contains("minutes");
        assertThat(fields(http.post("/api/sites", adminToken, Map.of("name", "X", "timeZone", "Mars/Olympus"))))
                .contains("timeZone");
        assertThat(fields(http.post("/api/resources", adminToken, Map.of("name", unique("Room"), "capacity", 2,
                "timeZone", "UTC", "siteId", "no-such-site")))).contains("siteId");
        assertThat(storedEvents()).isEqualTo(before);
        String requester = userWithRoles(unique("req"), "REQUESTER");
        before = storedEvents();
        assertThat(http.post("/api/sites", requester, Map.of("name", "Mine", "timeZone", "UTC")).status())
                .isEqualTo(403);
        assertThat(http.put("/api/sites/travel", requester, Map.of("fromSiteId", north, "toSiteId", south,
                "minutes", 1)).status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    List<String> fields(Http.Response refused) {
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static List<Instant> starts(JsonNode slots) {
        List<Instant> out = new ArrayList<>();
        slots.forEach(s -> out.add(Instant.parse(s.get("start").asString())));
        return out;
    }
}
