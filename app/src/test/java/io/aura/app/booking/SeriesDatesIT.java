package io.aura.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A series, date by date: a refused date gets its own alternatives, and one date moves while the others stay. */
class SeriesDatesIT extends IntegrationTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    String resourceId;
    String alice;
    Instant firstNine;

    @BeforeEach
    void room() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Room"), "capacity", 8,
                "timeZone", "Europe/Berlin", "bufferMinutes", 10, "minDurationMinutes", 15,
                "maxDurationMinutes", 240, "bookingWindowDays", 60)).body().get("id").asString();
        alice = userWithRoles(unique("alice"), "REQUESTER");
        firstNine = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plusSeconds(9 * 3600);
    }

    /** The {@code n}th week's date of the series (0: the first), at the series' local time. */
    Instant week(int n) {
        return firstNine.atZone(BERLIN).plusWeeks(n).toInstant();
    }

    Http.Response weekly(int count, String policy) {
        return http.post("/events/create", alice, Map.of("title", "Weekly", "resourceId", resourceId,
                "start", firstNine.toString(), "end", firstNine.plusSeconds(3600).toString(),
                "recurrence", "RRULE:FREQ=WEEKLY;COUNT=" + count, "conflictPolicy", policy));
    }

    Http.Response book(Instant start, int minutes) {
        return http.post("/events/create", alice, Map.of("title", "One-off", "resourceId", resourceId,
                "start", start.toString(), "end", start.plusSeconds(60L * minutes).toString()));
    }

    @Test
    void a_refused_series_offers_free_slots_for_each_date_it_could_not_hold_and_for_no_other() {
        book(week(1), 60);
        book(week(3), 60);

        var refused = weekly(4, "ALL_OR_NOTHING");

        assertThat(refused.status()).isEqualTo(409);
        JsonNode perDate = refused.body().get("occurrenceSuggestions");
        List<String> dates = new ArrayList<>();
        perDate.forEach(d -> dates.add(d.get("occurrenceStart").asString()));
        assertThat(dates).containsExactly(week(1).toString(), week(3).toString());
        perDate.forEach(d -> {
            Instant date = Instant.parse(d.get("occurrenceStart").asString());
            assertThat(d.get("suggestions")).isNotEmpty();
            d.get("suggestions").forEach(s -> {
                Instant start = Instant.parse(s.get("start").asString());
                assertThat(s.get("resourceId").asString()).isEqualTo(resourceId);
                assertThat(Duration.between(start, Instant.parse(s.get("end").asString()))).hasMinutes(60);
                // near its own date, and clear of the one-off that took it (buffer included)
                assertThat(Duration.between(date, start).abs()).isLessThanOrEqualTo(Duration.ofDays(3));
                assertThat(start.isAfter(date.plusSeconds(3600 + 599)) || !start.plusSeconds(3600 + 599).isAfter(date))
                        .as("%s clears the one-off at %s", start, date).isTrue();
            });
        });
        // each suggestion can really be booked: the first one for the second week is
        String firstSuggestion = perDate.get(0).get("suggestions").get(0).get("start").asString();
        assertThat(book(Instant.parse(firstSuggestion), 60).status()).isEqualTo(201);
    }

    /**
     * A room open 08:00 to 11:00 whose second day is taken all day, and a daily 09:00 series over three
     * days: the nearest free hours for day 2 lie on the series' own days 1 and 3, within its buffer.
     */
    Http.Response dailySeriesWithItsMiddleDayTaken(String policy) {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Open mornings"), "capacity", 8,
                "timeZone", "Europe/Berlin", "bufferMinutes", 10, "maxDurationMinutes", 240, "bookingWindowDays", 60,
                "openingHours", java.util.stream.IntStream.rangeClosed(1, 7)
                        .mapToObj(d -> Map.of("dayOfWeek", d, "from", "08:00", "to", "11:00")).toList()))
                .body().get("id").asString();
        java.time.ZonedDateTime day1 = java.time.LocalDate.now(BERLIN).plusDays(3).atTime(9, 0).atZone(BERLIN);
        java.time.ZonedDateTime day2 = day1.plusDays(1);
        assertThat(http.post("/events/create", alice, Map.of("title", "Taken", "resourceId", room,
                "start", day2.withHour(8).toInstant().toString(), "end", day2.withHour(11).toInstant().toString()))
                .status()).isEqualTo(201);
        return http.post("/events/create", alice, Map.of("title", "Daily", "resourceId", room,
                "start", day1.toInstant().toString(), "end", day1.plusHours(1).toInstant().toString(),
                "recurrence", "RRULE:FREQ=DAILY;COUNT=3", "conflictPolicy", policy));
    }

    /** Every suggestion for the series' middle day, as [start, end). */
    static List<Instant[]> suggestedForTheMiddleDay(Http.Response answer) {
        JsonNode perDate = answer.body().get("occurrenceSuggestions");
        assertThat(perDate).hasSize(1);
        List<Instant[]> slots = new ArrayList<>();
        perDate.get(0).get("suggestions").forEach(s -> slots.add(new Instant[] {
                Instant.parse(s.get("start").asString()), Instant.parse(s.get("end").asString())}));
        return slots;
    }

    static void clearOfTheSeriesOwnOtherDays(List<Instant[]> slots) {
        java.time.ZonedDateTime day1 = java.time.LocalDate.now(BERLIN).plusDays(3).atTime(9, 0).atZone(BERLIN);
        for (var own : List.of(day1, day1.plusDays(2))) {
            Instant from = own.toInstant().minusSeconds(600); // the 10-minute buffer on both sides
            Instant to = own.toInstant().plusSeconds(3600 + 600);
            assertThat(slots).allSatisfy(slot -> assertThat(slot[1].isAfter(from) && slot[0].isBefore(to))
                    .as("%s overlaps the series' own %s", slot[0], own).isFalse());
        }
    }

    @Test
    void a_refused_series_never_offers_a_date_a_slot_on_another_of_its_own_dates() {
        var refused = dailySeriesWithItsMiddleDayTaken("ALL_OR_NOTHING");

        assertThat(refused.status()).isEqualTo(409);
        List<Instant[]> slots = suggestedForTheMiddleDay(refused);
        assertThat(slots).isNotEmpty();
        clearOfTheSeriesOwnOtherDays(slots);
    }

    @Test
    void a_series_that_skipped_a_date_offers_slots_for_it_that_stay_clear_of_the_dates_it_holds() {
        var created = dailySeriesWithItsMiddleDayTaken("SKIP_CONFLICTS");

        assertThat(created.status()).isEqualTo(201);
        List<Instant[]> slots = suggestedForTheMiddleDay(created);
        assertThat(slots).isNotEmpty();
        clearOfTheSeriesOwnOtherDays(slots);
    }

    @Test
    void a_series_booked_whole_names_no_dates_to_replace() {
        var created = weekly(2, "ALL_OR_NOTHING");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().has("occurrenceSuggestions")).isFalse();
    }

    @Test
    void one_date_of_a_series_moves_its_old_time_is_free_and_the_other_dates_stay() {
        String series = weekly(3, "ALL_OR_NOTHING").body().get("bookingId").asString();
        Instant tuesday = week(1).plus(Duration.ofDays(1));

        var moved = http.post("/events/" + series + "/occurrences/" + week(1) + "/reschedule", alice,
                Map.of("start", tuesday.toString(), "end", tuesday.plusSeconds(3600).toString()));

        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.body().get("start").asString()).isEqualTo(tuesday.toString());
        List<String> starts = new ArrayList<>();
        http.get("/events/status?bookingId=" + series, alice).body().get("occurrences")
                .forEach(o -> starts.add(o.get("start").asString() + " " + o.get("status").asString()));
        assertThat(starts).containsExactly(week(0) + " CONFIRMED", tuesday + " CONFIRMED", week(2) + " CONFIRMED");
        assertThat(book(week(1), 60).status()).as("the old time is free").isEqualTo(201);
        assertThat(book(tuesday, 60).status()).as("the new time is held").isEqualTo(409);
        // the moved date is a date of the series like any other: it can be cancelled on its own
        assertThat(http.post("/events/" + series + "/cancel", alice, Map.of("occurrenceStart", tuesday.toString()))
                .status()).isEqualTo(200);
        assertThat(book(tuesday, 60).status()).isEqualTo(201);
    }

    @Test
    void a_date_cannot_move_onto_another_date_of_its_series_and_keeps_its_time() {
        String series = weekly(2, "ALL_OR_NOTHING").body().get("bookingId").asString();
        Instant besideFirst = firstNine.plusSeconds(3600 + 5 * 60); // inside the 10-minute buffer of week 0

        var refused = http.post("/events/" + series + "/occurrences/" + week(1) + "/reschedule", alice,
                Map.of("start", besideFirst.toString(), "end", besideFirst.plusSeconds(3600).toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("conflicts").get(0).get("bookingId").asString()).isEqualTo(series);
        assertThat(book(week(1), 60).status()).as("week 1 is still held").isEqualTo(409);
    }

    @Test
    void a_date_the_series_does_not_have_is_400_naming_it_and_records_nothing() {
        String series = weekly(2, "ALL_OR_NOTHING").body().get("bookingId").asString();
        long before = storedEvents();
        Instant later = week(1).plusSeconds(7200);

        var noSuchDate = http.post("/events/" + series + "/occurrences/" + week(1).plusSeconds(60) + "/reschedule",
                alice, Map.of("start", later.toString(), "end", later.plusSeconds(3600).toString()));
        var unreadable = http.post("/events/" + series + "/occurrences/next-tuesday/reschedule",
                alice, Map.of("start", later.toString(), "end", later.plusSeconds(3600).toString()));

        assertThat(noSuchDate.status()).isEqualTo(400);
        assertThat(noSuchDate.body().get("errors").get(0).get("field").asString()).isEqualTo("occurrenceStart");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().get("errors").get(0).get("field").asString()).isEqualTo("occurrenceStart");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void only_the_owner_or_an_admin_moves_a_date() {
        String series = weekly(2, "ALL_OR_NOTHING").body().get("bookingId").asString();
        String bob = userWithRoles(unique("bob"), "REQUESTER");
        Instant later = week(1).plusSeconds(7200);

        var byBob = http.post("/events/" + series + "/occurrences/" + week(1) + "/reschedule", bob,
                Map.of("start", later.toString(), "end", later.plusSeconds(3600).toString()));

        assertThat(byBob.status()).isEqualTo(403);
    }
}
