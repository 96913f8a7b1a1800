package io.aura.app.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.Http;
import io.aura.app.IntegrationTest;
import io.aura.ui.booking.BookingDesk;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * API.md v1.1 "Resources": opening hours close the rest of the week (409 with a conflict of source
 * OPENING_HOURS, and suggestions only inside them); bad hours are a 400 naming the interval's field;
 * a holiday calendar becomes blackouts, once.
 */
class OpeningHoursIT extends IntegrationTest {
    @Autowired
    BookingDesk desk;

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Monday at least a week ahead, so every slot of the tests lies in the future. */
    static final LocalDate MONDAY = LocalDate.now(BERLIN).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    static Instant local(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BERLIN).toInstant();
    }

    static List<Map<String, Object>> weekdays8To18() {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            hours.add(Map.of("dayOfWeek", day, "from", "08:00", "to", "18:00"));
        }
        return hours;
    }

    String roomOpenOnWeekdays() {
        var room = http.post("/api/resources", adminToken, Map.of("name", unique("Office hours"), "capacity", 6,
                "timeZone", "Europe/Berlin", "approvalRequired", false, "openingHours", weekdays8To18()));
        assertThat(room.status()).isEqualTo(201);
        return room.body().get("id").asString();
    }

    static void assertInsideOpeningHours(JsonNode slot) {
        ZonedDateTime start = Instant.parse(slot.get("start").asString()).atZone(BERLIN);
        ZonedDateTime end = Instant.parse(slot.get("end").asString()).atZone(BERLIN);
        assertThat(start.getDayOfWeek().getValue()).as("a weekday: %s", slot).isBetween(1, 5);
        assertThat(end.toLocalDate()).as("the same day: %s", slot).isEqualTo(start.toLocalDate());
        assertThat(start.toLocalTime()).as("not before 08:00: %s", slot).isAfterOrEqualTo(LocalTime.of(8, 0));
        assertThat(end.toLocalTime()).as("not after 18:00: %s", slot).isBeforeOrEqualTo(LocalTime.of(18, 0));
    }

    @Test
    void a_booking_reaching_before_opening_is_refused_naming_the_closed_hour_and_every_suggestion_is_open_time() {
        String roomId = roomOpenOnWeekdays();
        assertThat(http.get("/api/resources/" + roomId, adminToken).body().get("openingHours").size()).isEqualTo(5);
        String requester = userWithRoles(unique("early"), "REQUESTER");

        var refused = http.post("/events/create", requester, Map.of("title", "Early start", "resourceId", roomId,
                "start", local(MONDAY, 7).toString(), "end", local(MONDAY, 9).toString()));

        assertThat(refused.status()).isEqualTo(409);
        JsonNode conflict = refused.body().get("conflicts").get(0);
        assertThat(refused.body().get("conflicts").size()).isEqualTo(1);
        assertThat(conflict.get("source").asString()).isEqualTo("OPENING_HOURS");
        assertThat(Instant.parse(conflict.get("start").asString())).isEqualTo(local(MONDAY, 7));
        assertThat(Instant.parse(conflict.get("end").asString())).isEqualTo(local(MONDAY, 8));
        // this room's alternatives lie inside its opening hours (the same time elsewhere is on always-open rooms)
        List<JsonNode> here = new ArrayList<>();
        refused.body().get("suggestions").forEach(s -> {
            if (s.get("resourceId").asString().equals(roomId)) {
                here.add(s);
            }
        });
        assertThat(here).isNotEmpty();
        here.forEach(OpeningHoursIT::assertInsideOpeningHours);

        // the same hours inside opening time are booked
        assertThat(http.post("/events/create", requester, Map.of("title", "On time", "resourceId", roomId,
                "start", local(MONDAY, 8).toString(), "end", local(MONDAY, 10).toString())).status()).isEqualTo(201);
    }

    @Test
    void the_booking_form_says_before_book_that_the_room_is_closed_then_and_offers_open_slots() {
        String roomId = roomOpenOnWeekdays();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ui-early", null,
                List.of(new SimpleGrantedAuthority("ROLE_REQUESTER"))));
        SecurityContextHolder.setContext(context);
        try {
            BookingDesk.Check early = desk.check(new BookingDesk.Request(roomId, "Early", 1, local(MONDAY, 7),
                    local(MONDAY, 9)));
            assertThat(early.bookable()).isFalse();
            assertThat(early.taken()).singleElement().asString().contains("outside opening hours");
            assertThat(early.suggestions().stream().filter(s -> s.resourceId().equals(roomId)).toList())
                    .isNotEmpty().allSatisfy(s -> assertInsideOpeningHours(Http.JSON.valueToTree(Map.of(
                            "start", s.start().toString(), "end", s.end().toString()))));
            assertThat(desk.check(new BookingDesk.Request(roomId, "On time", 1, local(MONDAY, 8), local(MONDAY, 10)))
                    .bookable()).isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void suggestions_over_a_weekend_offer_only_the_opening_hours_of_monday() {
        String roomId = roomOpenOnWeekdays();
        LocalDate saturday = MONDAY.minusDays(2);
        var found = http.get("/api/suggestions?resourceId=" + roomId + "&durationMinutes=60&count=50&from="
                + local(saturday, 0) + "&to=" + local(MONDAY, 12), adminToken);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().size()).isPositive();
        found.body().forEach(OpeningHoursIT::assertInsideOpeningHours);
        found.body().forEach(slot -> assertThat(Instant.parse(slot.get("start").asString()).atZone(BERLIN)
                .toLocalDate()).isEqualTo(MONDAY));
    }

    @Test
    void bad_opening_hours_are_refused_naming_the_interval_and_nothing_is_recorded() {
        long before = storedEvents();
        var created = http.post("/api/resources", adminToken, Map.of("name", unique("Backwards"), "capacity", 2,
                "timeZone", "Europe/Berlin", "openingHours", List.of(Map.of("dayOfWeek", 1, "from", "18:00",
                        "to", "08:00"))));
        assertThat(created.status()).isEqualTo(400);
        assertThat(fields(created.body())).containsExactly("openingHours[0].from");

        String roomId = roomOpenOnWeekdays();
        long afterCreate = storedEvents();
        var edited = http.put("/api/resources/" + roomId, adminToken, Map.of("name", unique("Edited"), "capacity", 2,
                "timeZone", "Europe/Berlin", "openingHours", List.of(Map.of("dayOfWeek", 9, "from", "08:00",
                        "to", "12:00"), Map.of("dayOfWeek", 2, "from", "8 o'clock", "to", "12:00"))));
        assertThat(edited.status()).isEqualTo(400);
        assertThat(edited.header("Content-Type")).contains("application/problem+json");
        assertThat(fields(edited.body())).containsExactly("openingHours[0].dayOfWeek", "openingHours[1].from");
        assertThat(storedEvents()).isEqualTo(afterCreate);
        assertThat(afterCreate).isGreaterThan(before);
    }

    @Test
    void a_holiday_calendar_becomes_blackouts_once_and_a_booking_on_a_holiday_is_refused() {
        String roomId = roomOpenOnWeekdays();
        LocalDate holiday = MONDAY.plusDays(2);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Aura tests//EN",
                "BEGIN:VEVENT", "UID:founders-day@example.org", "DTSTAMP:20260101T000000Z",
                "DTSTART;VALUE=DATE:" + holiday.format(DateTimeFormatter.BASIC_ISO_DATE),
                "SUMMARY:Founders' Day", "END:VEVENT",
                "BEGIN:VEVENT", "UID:team-lunch@example.org", "DTSTAMP:20260101T000000Z",
                "DTSTART:" + MONDAY.format(DateTimeFormatter.BASIC_ISO_DATE) + "T110000Z",
                "DTEND:" + MONDAY.format(DateTimeFormatter.BASIC_ISO_DATE) + "T120000Z",
                "SUMMARY:Team lunch", "END:VEVENT", "END:VCALENDAR", "");
        String path = "/api/resources/" + roomId + "/holidays";
        String requester = userWithRoles(unique("holiday"), "REQUESTER");

        assertThat(http.postText(path, requester, "text/calendar", ics).status()).isEqualTo(403);
        var first = http.postText(path, adminToken, "text/calendar", ics);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("imported").asInt()).isEqualTo(1);
        assertThat(first.body().get("skipped").asInt()).as("the lunch has a time of day").isEqualTo(1);

        long before = storedEvents();
        var again = http.postText(path, adminToken, "text/calendar", ics);
        assertThat(again.body().get("imported").asInt()).isZero();
        assertThat(again.body().get("skipped").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(before);

        var blackouts = http.get("/api/resources/" + roomId + "/blackouts", adminToken).body();
        assertThat(blackouts.size()).isEqualTo(1);
        assertThat(Instant.parse(blackouts.get(0).get("start").asString())).isEqualTo(local(holiday, 0));
        assertThat(Instant.parse(blackouts.get(0).get("end").asString())).isEqualTo(local(holiday.plusDays(1), 0));
        assertThat(blackouts.get(0).get("reason").asString()).isEqualTo("Founders' Day");

        var onHoliday = http.post("/events/create", requester, Map.of("title", "On the holiday", "resourceId", roomId,
                "start", local(holiday, 10).toString(), "end", local(holiday, 11).toString()));
        assertThat(onHoliday.status()).isEqualTo(409);
        assertThat(onHoliday.body().get("conflicts").get(0).get("source").asString()).isEqualTo("BLACKOUT");
    }

    @Test
    void a_body_that_is_no_calendar_is_refused_naming_the_body() {
        String roomId = roomOpenOnWeekdays();
        long before = storedEvents();
        var refused = http.postText("/api/resources/" + roomId + "/holidays", adminToken, "text/calendar",
                "this is not a calendar");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.body())).containsExactly("body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_repeating_blackout_is_listed_with_its_rule_and_refuses_a_booking_on_its_third_date() {
        String roomId = http.post("/api/resources", adminToken, Map.of("name", unique("Daily cleaning"), "capacity", 4,
                "timeZone", "Europe/Berlin", "approvalRequired", false)).body().get("id").asString();
        String path = "/api/resources/" + roomId + "/blackouts";
        long before = storedEvents();
        var endless = http.post(path, adminToken, Map.of("start", local(MONDAY, 12).toString(),
                "end", local(MONDAY, 13).toString(), "reason", "cleaning", "recurrence", "RRULE:FREQ=DAILY"));
        assertThat(endless.status()).isEqualTo(400);
        assertThat(fields(endless.body())).containsExactly("recurrence");
        assertThat(storedEvents()).isEqualTo(before);

        var added = http.post(path, adminToken, Map.of("start", local(MONDAY, 12).toString(),
                "end", local(MONDAY, 13).toString(), "reason", "cleaning", "recurrence", "RRULE:FREQ=DAILY;COUNT=3"));
        assertThat(added.status()).isEqualTo(201);
        var listed = http.get(path, adminToken).body();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("recurrence").asString()).isEqualTo("RRULE:FREQ=DAILY;COUNT=3");

        String requester = userWithRoles(unique("repeat"), "REQUESTER");
        LocalDate third = MONDAY.plusDays(2);
        var onThird = http.post("/events/create", requester, Map.of("title", "Third day", "resourceId", roomId,
                "start", third.atTime(12, 15).atZone(BERLIN).toInstant().toString(),
                "end", third.atTime(12, 45).atZone(BERLIN).toInstant().toString()));
        assertThat(onThird.status()).isEqualTo(409);
        JsonNode conflict = onThird.body().get("conflicts").get(0);
        assertThat(conflict.get("source").asString()).isEqualTo("BLACKOUT");
        assertThat(Instant.parse(conflict.get("start").asString())).isEqualTo(local(third, 12));
        // the alternatives avoid the other dates too
        var suggestions = http.get("/api/suggestions?resourceId=" + roomId + "&durationMinutes=60&count=50&from="
                + local(third, 11) + "&to=" + local(third, 14), adminToken).body();
        suggestions.forEach(slot -> assertThat(Instant.parse(slot.get("end").asString()).isAfter(local(third, 12))
                && Instant.parse(slot.get("start").asString()).isBefore(local(third, 13))).as("%s", slot).isFalse());

        var onFourth = http.post("/events/create", requester, Map.of("title", "Fourth day", "resourceId", roomId,
                "start", MONDAY.plusDays(3).atTime(12, 15).atZone(BERLIN).toInstant().toString(),
                "end", MONDAY.plusDays(3).atTime(12, 45).atZone(BERLIN).toInstant().toString()));
        assertThat(onFourth.status()).isEqualTo(201);

        // removed, every date is open again
        String blackoutId = added.body().get("blackoutId").asString();
        assertThat(http.delete(path + "/" + blackoutId, adminToken).status()).isEqualTo(204);
        assertThat(http.post("/events/create", requester, Map.of("title", "Third day after all", "resourceId", roomId,
                "start", third.atTime(12, 15).atZone(BERLIN).toInstant().toString(),
                "end", third.atTime(12, 45).atZone(BERLIN).toInstant().toString())).status()).isEqualTo(201);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
