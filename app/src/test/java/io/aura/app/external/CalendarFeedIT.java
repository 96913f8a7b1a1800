package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Calendars outside (ADR 0032): a person's bookings and a resource's as ICS feeds behind secret URLs,
 * fetched without a token, read back by ical4j and by an independent parser (Mozilla's ical.js under
 * Node), each giving the same dates as {@code /events/status}.
 */
class CalendarFeedIT extends IntegrationTest {
    /** The independent parser: {@code npm ci --prefix app/src/test/node} installs it (./aura test does). */
    static final Path NODE_CHECK = Path.of("src/test/node");

    String resourceId;
    String alice;
    String aliceName;
    Instant day;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Feed room"), "capacity", 8,
                "timeZone", "UTC", "bufferMinutes", 0, "minDurationMinutes", 15, "maxDurationMinutes", 240,
                "bookingWindowDays", 60)).body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        day = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
    }

    @Test
    void my_feed_has_my_bookings_with_stable_uids_their_status_and_a_series_with_its_cancelled_date_left_out() throws Exception {
        String single = book(alice, "Standup", 0, 9 * 60, 10 * 60);
        String series = http.post("/events/create", alice, Map.of("title", "Weekly", "resourceId", resourceId,
                "start", at(1, 11 * 60).toString(), "end", at(1, 12 * 60).toString(),
                "recurrence", "RRULE:FREQ=WEEKLY;COUNT=3")).body().get("bookingId").asString();
        assertThat(http.post("/events/" + series + "/cancel", alice,
                Map.of("occurrenceStart", at(8, 11 * 60).toString())).status()).isEqualTo(200);
        String dropped = book(alice, "Dropped", 0, 14 * 60, 15 * 60);
        assertThat(http.post("/events/" + dropped + "/cancel", alice, Map.of()).status()).isEqualTo(200);

        String url = http.get("/api/ical/links", alice).body().get("mine").asString();
        Http.Response feed = http.get(path(url), null);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).isEqualTo("text/calendar;charset=utf-8");
        Calendar calendar = parse(feed.raw().body());
        assertThat(uids(calendar)).containsExactlyInAnyOrder(single + "@aura", series + "@aura", dropped + "@aura");
        assertThat(property(event(calendar, single), Property.STATUS)).contains("CONFIRMED");
        assertThat(property(event(calendar, single), Property.SUMMARY)).contains("Standup");
        assertThat(property(event(calendar, dropped), Property.STATUS)).contains("CANCELLED");
        assertThat(property(event(calendar, series), Property.RRULE)).contains("FREQ=WEEKLY;COUNT=3");
        assertThat(starts(event(calendar, series))).isEqualTo(activeStarts(series))
                .containsExactly(at(1, 11 * 60), at(15, 11 * 60));

        // the same feed through a parser that shares no code with ical4j
        JsonNode read = readByIcalJs(feed.raw().body());
        List<Instant> seriesByIcalJs = new ArrayList<>();
        read.forEach(o -> {
            if (o.get("uid").asString().equals(series + "@aura")) {
                seriesByIcalJs.add(Instant.parse(o.get("start").asString()));
            }
        });
        assertThat(new TreeSet<>(seriesByIcalJs)).isEqualTo(activeStarts(series));
        List<String> singleStarts = new ArrayList<>();
        read.forEach(o -> {
            if (o.get("uid").asString().equals(single + "@aura")) {
                singleStarts.add(o.get("start").asString() + " " + o.get("end").asString() + " " + o.get("status").asString());
            }
        });
        assertThat(singleStarts).containsExactly(at(0, 9 * 60) + " " + at(0, 10 * 60) + " CONFIRMED");
    }

    @Test
    void a_moved_booking_comes_with_a_higher_sequence_and_its_new_time() throws Exception {
        String moving = book(alice, "Moving", 0, 9 * 60, 10 * 60);
        String url = path(http.get("/api/ical/links", alice).body().get("mine").asString());
        int before = sequence(event(parse(http.get(url, null).raw().body()), moving));

        assertThat(http.post("/events/" + moving + "/reschedule", alice, Map.of("start", at(0, 13 * 60).toString(),
                "end", at(0, 14 * 60).toString())).status()).isEqualTo(201);

        VEvent after = event(parse(http.get(url, null).raw().body()), moving);
        assertThat(sequence(after)).isGreaterThan(before);
        assertThat(starts(after)).containsExactly(at(0, 13 * 60));
    }

    @Test
    void a_series_with_one_date_moved_shows_that_date_at_its_new_time_in_both_parsers() throws Exception {
        String series = http.post("/events/create", alice, Map.of("title", "Weekly", "resourceId", resourceId,
                "start", at(1, 11 * 60).toString(), "end", at(1, 12 * 60).toString(),
                "recurrence", "RRULE:FREQ=WEEKLY;COUNT=3")).body().get("bookingId").asString();
        assertThat(http.post("/events/" + series + "/occurrences/" + at(8, 11 * 60) + "/reschedule", alice,
                Map.of("start", at(9, 15 * 60).toString(), "end", at(9, 16 * 60).toString())).status()).isEqualTo(201);

        String text = http.get(path(http.get("/api/ical/links", alice).body().get("mine").asString()), null).raw().body();

        assertThat(activeStarts(series))
                .containsExactly(at(1, 11 * 60), at(9, 15 * 60), at(15, 11 * 60));
        assertThat(starts(event(parse(text), series))).isEqualTo(activeStarts(series));
        List<Instant> byIcalJs = new ArrayList<>();
        readByIcalJs(text).forEach(o -> {
            if (o.get("uid").asString().equals(series + "@aura")) {
                byIcalJs.add(Instant.parse(o.get("start").asString()));
            }
        });
        assertThat(new TreeSet<>(byIcalJs)).isEqualTo(activeStarts(series));
    }

    @Test
    void after_rotating_the_old_urls_are_404_and_the_new_ones_work() {
        book(alice, "Standup", 0, 9 * 60, 10 * 60);
        JsonNode old = http.get("/api/ical/links", alice).body();
        long events = storedEvents();
        assertThat(http.get("/api/ical/links", alice).body().get("mine").asString())
                .as("asking again keeps the secret and records nothing").isEqualTo(old.get("mine").asString());
        assertThat(storedEvents()).isEqualTo(events);

        var rotated = http.post("/api/ical/links/rotate", alice, Map.of());

        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.body().get("mine").asString();
        assertThat(fresh).isNotEqualTo(old.get("mine").asString());
        var gone = http.get(path(old.get("mine").asString()), null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.get(path(resourceLink(old, resourceId)), null).status()).isEqualTo(404);
        assertThat(http.get(path(fresh), null).status()).isEqualTo(200);
        assertThat(http.get(path(resourceLink(rotated.body(), resourceId)), null).status()).isEqualTo(200);
        assertThat(http.get("/api/ical/links", alice).body().get("mine").asString()).isEqualTo(fresh);
        // the audit holds the secret's hash, never the secret
        String secret = fresh.substring(fresh.lastIndexOf('/') + 1, fresh.length() - ".ics".length());
        assertThat(payloads(aliceName)).hasSize(2).noneMatch(p -> p.contains(secret))
                .anyMatch(p -> p.contains(FeedSecrets.hash(secret)));
    }

    @Test
    void a_resource_feed_shows_another_person_s_booking_as_busy_unless_the_reader_is_an_admin() throws Exception {
        String bob = userWithRoles(unique("bob"), "REQUESTER");
        String bobs = book(bob, "Bob's secret plan", 0, 9 * 60, 10 * 60);
        String mine = book(alice, "Alice's review", 0, 11 * 60, 12 * 60);

        Calendar seenByAlice = parse(http.get(path(resourceLink(http.get("/api/ical/links", alice).body(), resourceId)),
                null).raw().body());
        Calendar seenByAdmin = parse(http.get(path(resourceLink(http.get("/api/ical/links", adminToken).body(),
                resourceId)), null).raw().body());

        assertThat(property(event(seenByAlice, bobs), Property.SUMMARY)).contains("Busy");
        assertThat(property(event(seenByAlice, mine), Property.SUMMARY)).contains("Alice's review");
        assertThat(property(event(seenByAdmin, bobs), Property.SUMMARY)).contains("Bob's secret plan");
    }

    @Test
    void a_resource_feed_keeps_a_cancelled_booking_as_cancelled_with_a_higher_sequence_and_a_cancelled_date_as_exdate()
            throws Exception {
        String dropped = book(alice, "Dropped", 0, 9 * 60, 10 * 60);
        String series = http.post("/events/create", alice, Map.of("title", "Weekly", "resourceId", resourceId,
                "start", at(1, 11 * 60).toString(), "end", at(1, 12 * 60).toString(),
                "recurrence", "RRULE:FREQ=WEEKLY;COUNT=3")).body().get("bookingId").asString();
        String url = path(resourceLink(http.get("/api/ical/links", alice).body(), resourceId));
        int before = sequence(event(parse(http.get(url, null).raw().body()), dropped));

        assertThat(http.post("/events/" + dropped + "/cancel", alice, Map.of()).status()).isEqualTo(200);
        assertThat(http.post("/events/" + series + "/cancel", alice,
                Map.of("occurrenceStart", at(8, 11 * 60).toString())).status()).isEqualTo(200);

        String feed = http.get(url, null).raw().body();
        Calendar calendar = parse(feed);
        VEvent cancelled = event(calendar, dropped);
        assertThat(property(cancelled, Property.STATUS)).contains("CANCELLED");
        assertThat(sequence(cancelled)).isGreaterThan(before);
        assertThat(starts(cancelled)).containsExactly(at(0, 9 * 60));
        assertThat(property(event(calendar, series), Property.EXDATE)).isPresent();
        assertThat(starts(event(calendar, series))).isEqualTo(activeStarts(series))
                .containsExactly(at(1, 11 * 60), at(15, 11 * 60));

        // ical.js reads the same: the cancelled booking at its time, as cancelled; the series without its date
        JsonNode read = readByIcalJs(feed);
        List<String> droppedByIcalJs = new ArrayList<>();
        TreeSet<Instant> seriesByIcalJs = new TreeSet<>();
        read.forEach(o -> {
            if (o.get("uid").asString().equals(dropped + "@aura")) {
                droppedByIcalJs.add(o.get("start").asString() + " " + o.get("status").asString() + " "
                        + o.get("sequence").asInt());
            } else if (o.get("uid").asString().equals(series + "@aura")) {
                seriesByIcalJs.add(Instant.parse(o.get("start").asString()));
            }
        });
        assertThat(droppedByIcalJs).containsExactly(at(0, 9 * 60) + " CANCELLED " + sequence(cancelled));
        assertThat(seriesByIcalJs).isEqualTo(activeStarts(series));

        // a whole series cancelled keeps its dates, cancelled with it (no date excluded from what it cancels)
        assertThat(http.post("/events/" + series + "/cancel", alice, Map.of()).status()).isEqualTo(200);
        VEvent cancelledSeries = event(parse(http.get(url, null).raw().body()), series);
        assertThat(property(cancelledSeries, Property.STATUS)).contains("CANCELLED");
        assertThat(starts(cancelledSeries)).contains(at(1, 11 * 60), at(15, 11 * 60));
    }

    @Test
    void an_unknown_secret_or_resource_is_404_and_the_links_need_a_sign_in() {
        assertThat(http.get("/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", null).status()).isEqualTo(404);
        assertThat(http.get("/ical/short.ics", null).status()).isEqualTo(404);
        String url = path(http.get("/api/ical/links", alice).body().get("mine").asString());
        assertThat(http.get(url + "?resourceId=no-such-room", null).status()).isEqualTo(404);
        assertThat(http.get("/api/ical/links", null).status()).isEqualTo(401);
        assertThat(http.post("/api/ical/links/rotate", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void a_disabled_person_s_feed_is_404() {
        String url = path(http.get("/api/ical/links", alice).body().get("mine").asString());
        assertThat(http.get(url, null).status()).isEqualTo(200);

        assertThat(http.post("/api/users/" + aliceName + "/disable", adminToken, Map.of()).status()).isEqualTo(200);

        assertThat(http.get(url, null).status()).isEqualTo(404);
    }

    // ---- helpers --------------------------------------------------------------------------------

    String book(String token, String title, int dayOffset, int fromMinute, int toMinute) {
        var created = http.post("/events/create", token, Map.of("title", title, "resourceId", resourceId,
                "start", at(dayOffset, fromMinute).toString(), "end", at(dayOffset, toMinute).toString()));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().get("bookingId").asString();
    }

    Instant at(int dayOffset, int minute) {
        return day.plus(dayOffset, ChronoUnit.DAYS).plusSeconds(60L * minute);
    }

    /** The server's public URL points elsewhere in tests: the path and query are what it serves. */
    static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String resourceLink(JsonNode links, String resourceId) {
        for (JsonNode link : links.get("resources")) {
            if (link.get("resourceId").asString().equals(resourceId)) {
                return link.get("url").asString();
            }
        }
        throw new AssertionError("no link for " + resourceId + " in " + links);
    }

    TreeSet<Instant> activeStarts(String bookingId) {
        TreeSet<Instant> starts = new TreeSet<>();
        http.get("/events/status?bookingId=" + bookingId, alice).body().get("occurrences").forEach(o -> {
            if (List.of("CONFIRMED", "PENDING_APPROVAL").contains(o.get("status").asString())) {
                starts.add(Instant.parse(o.get("start").asString()));
            }
        });
        return starts;
    }

    List<String> payloads(String owner) {
        return jdbc.queryForList("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ?", byte[].class,
                "calendar-feed:" + owner).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    static Calendar parse(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> e.getUid().orElseThrow().getValue()).toList();
    }

    static VEvent event(Calendar calendar, String bookingId) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals(bookingId + "@aura")).findFirst()
                .orElseThrow(() -> new AssertionError("no VEVENT for " + bookingId + " in\n" + calendar));
    }

    static Optional<String> property(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue);
    }

    static int sequence(VEvent event) {
        return Integer.parseInt(property(event, Property.SEQUENCE).orElseThrow());
    }

    /** ical4j's own expansion of the event's dates (RRULE, RDATE and EXDATE applied), over the feed's window. */
    static TreeSet<Instant> starts(VEvent event) {
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(40);
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusDays(400);
        TreeSet<Instant> starts = new TreeSet<>();
        for (Period<?> p : event.calculateRecurrenceSet(new Period<>(from, to))) {
            starts.add(Instant.from(p.getStart()));
        }
        return starts;
    }

    /** Mozilla's ical.js under Node reads the feed and prints its expanded occurrences as JSON. */
    static JsonNode readByIcalJs(String ics) throws IOException, InterruptedException {
        Path check = NODE_CHECK.toAbsolutePath();
        if (!Files.isDirectory(check.resolve("node_modules/ical.js"))) {
            throw new AssertionError("The independent ICS parser is not installed: run "
                    + "`npm ci --prefix app/src/test/node` from the repository root (./aura test does it).");
        }
        Path file = Files.createTempFile("feed", ".ics");
        try {
            Files.writeString(file, ics);
            Process node = new ProcessBuilder("node", check.resolve("expand-occurrences.mjs").toString(), file.toString())
                    .redirectErrorStream(false).start();
            byte[] out = node.getInputStream().readAllBytes();
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
            assertThat(node.exitValue()).as(err).isZero();
            return Http.JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
