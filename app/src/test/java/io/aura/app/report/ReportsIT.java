package io.aura.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Timesheets and the utilization CSV (API.md v1.1 "Reports"): counted from the bookings that held their room,
 * with the minutes used after check-in; a person sees their own rows, an administrator or auditor everyone's.
 */
class ReportsIT extends IntegrationTest {
    String resourceId;
    String aliceName;
    String alice;
    String bobName;
    String bob;
    Instant soon;
    Instant later;
    String window;

    @BeforeEach
    void aRoomWithThreeBookingsOneCheckedIn() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Report room"), "capacity", 8,
                "timeZone", "UTC", "checkIn", Map.of("required", true, "windowMinutes", 15)))
                .body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        bobName = unique("bob");
        bob = userWithRoles(bobName, "REQUESTER");
        soon = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        later = soon.plus(3, ChronoUnit.DAYS);
        String checkedIn = book(alice, soon, 30);
        book(alice, later, 60);
        book(bob, later.plus(2, ChronoUnit.HOURS), 120);
        assertThat(http.post("/events/" + checkedIn + "/check-in", alice, Map.of()).status()).isEqualTo(200);
        window = "from=" + enc(soon.minus(1, ChronoUnit.DAYS)) + "&to=" + enc(soon.plus(10, ChronoUnit.DAYS));
        // the check-in reaches the booking view before any report counts it
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/events/status?bookingId=" + checkedIn, alice)
                .body().hasNonNull("checkedInAt"));
    }

    String book(String token, Instant start, int minutes) {
        var created = http.post("/events/create", token, Map.of("title", "Work", "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(Duration.ofMinutes(minutes)).toString()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("bookingId").asString();
    }

    static String enc(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    /** Sums of the rows with this key (a person's weeks may be two): bookings, minutes, checked-in minutes. */
    static long[] totals(JsonNode rows, String key) {
        long[] sum = new long[3];
        rows.forEach(r -> {
            if (r.get("key").asString().equals(key)) {
                sum[0] += r.get("bookings").asLong();
                sum[1] += r.get("minutes").asLong();
                sum[2] += r.get("checkedInMinutes").asLong();
            }
        });
        return sum;
    }

    @Test
    void a_person_sees_only_their_own_weeks_with_the_minutes_they_checked_in_to() {
        var mine = http.get("/api/timesheets?" + window, alice);

        assertThat(mine.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        mine.body().forEach(r -> keys.add(r.get("key").asString()));
        assertThat(keys).containsOnly(aliceName);
        assertThat(totals(mine.body(), aliceName)).containsExactly(2, 90, 30);
        mine.body().forEach(r -> assertThat(r.get("week").asString()).matches("\\d{4}-W\\d{2}"));
    }

    @Test
    void an_administrator_and_an_auditor_see_everyone_per_user_or_per_resource() {
        String auditor = userWithRoles(unique("auditor"), "AUDITOR");
        for (String token : List.of(adminToken, auditor)) {
            JsonNode byUser = http.get("/api/timesheets?" + window + "&groupBy=user", token).body();
            assertThat(totals(byUser, aliceName)).containsExactly(2, 90, 30);
            assertThat(totals(byUser, bobName)).containsExactly(1, 120, 0);
            JsonNode byResource = http.get("/api/timesheets?" + window + "&groupBy=resource", token).body();
            assertThat(totals(byResource, resourceId)).containsExactly(3, 210, 30);
        }
    }

    @Test
    void per_category_a_booking_counts_under_its_category_and_one_without_under_none() {
        String training = unique("training");
        assertThat(http.post("/api/categories", adminToken, Map.of("name", training, "colour", "#2e7d32")).status())
                .isEqualTo(201);
        String carol = userWithRoles(unique("carol"), "REQUESTER");
        assertThat(http.post("/events/create", carol, Map.of("title", "Course", "resourceId", resourceId, "category",
                training, "start", later.plus(5, ChronoUnit.HOURS).toString(), "end",
                later.plus(6, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);
        assertThat(book(carol, later.plus(7, ChronoUnit.HOURS), 30)).isNotNull();

        JsonNode byCategory = http.get("/api/timesheets?" + window + "&groupBy=category", carol).body();

        assertThat(totals(byCategory, training)).containsExactly(1, 60, 0);
        assertThat(totals(byCategory, "none")).containsExactly(1, 30, 0);
    }

    @Test
    void the_csv_has_a_header_row_and_the_same_figures() {
        var csv = http.get("/api/timesheets?" + window + "&format=csv", bob);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("timesheet.csv");
        List<String> lines = Arrays.asList(csv.raw().body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("week,key,bookings,minutes,checkedInMinutes");
        assertThat(lines.subList(1, lines.size())).singleElement().asString().endsWith("," + bobName + ",1,120,0");
    }

    @Test
    void the_utilization_csv_has_a_row_per_resource_per_day_for_administrators_and_auditors_only() {
        assertThat(http.get("/dashboard/utilization.csv?" + window, alice).status()).isEqualTo(403);
        assertThat(http.get("/dashboard/utilization.csv?" + window, null).status()).isEqualTo(401);
        String auditor = userWithRoles(unique("auditor"), "AUDITOR");

        var csv = http.get("/dashboard/utilization.csv?" + window, auditor);

        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0]).isEqualTo("day,resourceId,resourceName,bookableMinutes,bookedMinutes,checkedInMinutes");
        List<String[]> ours = Arrays.stream(lines).map(l -> l.split(",")).filter(f -> f[1].equals(resourceId)).toList();
        LocalDate first = LocalDate.ofInstant(soon.minus(1, ChronoUnit.DAYS), ZoneId.of("UTC"));
        LocalDate last = LocalDate.ofInstant(soon.plus(10, ChronoUnit.DAYS).minusMillis(1), ZoneId.of("UTC"));
        assertThat(ours).extracting(f -> f[0]).containsExactlyElementsOf( // each UTC day the window touches, in order
                first.datesUntil(last.plusDays(1)).map(LocalDate::toString).toList());
        String laterDay = LocalDate.ofInstant(later, ZoneId.of("UTC")).toString();
        String[] thatDay = ours.stream().filter(f -> f[0].equals(laterDay)).findFirst().orElseThrow();
        assertThat(thatDay[3]).isEqualTo("1440");
        assertThat(thatDay[4]).isEqualTo(later.plus(2, ChronoUnit.HOURS).atZone(ZoneId.of("UTC")).toLocalDate()
                .toString().equals(laterDay) ? "180" : "60");
    }

    @Test
    void bad_parameters_are_400_naming_the_field_and_record_nothing() {
        long before = storedEvents();
        Map<String, String> cases = Map.of(
                "groupBy", "groupBy=colour",
                "format", "format=xml",
                "from", "from=yesterday",
                "to", "from=" + enc(soon) + "&to=" + enc(soon.minusSeconds(60)));
        cases.forEach((field, query) -> {
            var refused = http.get("/api/timesheets?" + query, alice);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            List<String> fields = new ArrayList<>();
            refused.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).as(query).contains(field);
        });
        assertThat(http.get("/dashboard/utilization.csv?from=" + enc(soon) + "&to=" + enc(soon.plus(400,
                ChronoUnit.DAYS)), adminToken).status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }
}
