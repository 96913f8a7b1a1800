package io.aura.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingCommands.MarkNoShow;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Check-in and no-show release through the API (ADR 0033): a resource asks for check-in within 10 minutes
 * of the start; its requester checks in inside the window only, and a date nobody checked in to is
 * released once its window ended, so someone else can book the rest of it.
 */
class CheckInIT extends IntegrationTest {
    @Autowired
    NoShowSweep sweep;
    @Autowired
    CommandGateway commands;

    String resourceId;
    String aliceName;
    String alice;
    String bob;

    @BeforeEach
    void aRoomAskingForCheckIn() {
        resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Check-in room"), "capacity", 8,
                "timeZone", "Europe/Berlin", "checkIn", Map.of("required", true, "windowMinutes", 10)))
                .body().get("id").asString();
        aliceName = unique("alice");
        alice = userWithRoles(aliceName, "REQUESTER");
        bob = userWithRoles(unique("bob"), "REQUESTER");
    }

    String book(String token, Instant start, Instant end) {
        var created = http.post("/events/create", token, Map.of("title", "Standup", "resourceId", resourceId,
                "start", start.toString(), "end", end.toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asString()).isEqualTo("CONFIRMED");
        return created.body().get("bookingId").asString();
    }

    JsonNode status(String bookingId) {
        return http.get("/events/status?bookingId=" + bookingId, adminToken).body();
    }

    @Test
    void the_resource_shows_its_check_in_policy_and_a_bad_window_is_refused_naming_it() {
        JsonNode room = http.get("/api/resources/" + resourceId, alice).body();
        assertThat(room.get("checkIn").get("required").asBoolean()).isTrue();
        assertThat(room.get("checkIn").get("windowMinutes").asInt()).isEqualTo(10);

        long before = storedEvents();
        var refused = http.post("/api/resources", adminToken, Map.of("name", unique("Bad window"), "capacity", 8,
                "timeZone", "UTC", "checkIn", Map.of("required", true, "windowMinutes", 241)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("checkIn.windowMinutes");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void the_requester_checks_in_inside_the_window_and_again_gets_the_same_time() {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES); // check-in opens 15 minutes before the start
        String bookingId = book(alice, start, start.plus(1, ChronoUnit.HOURS));

        var checkedIn = http.post("/events/" + bookingId + "/check-in", alice, Map.of());

        assertThat(checkedIn.status()).as(checkedIn.body().toString()).isEqualTo(200);
        assertThat(checkedIn.body().get("bookingId").asString()).isEqualTo(bookingId);
        String at = checkedIn.body().get("checkedInAt").asString();
        assertThat(status(bookingId).get("checkedInAt").asString()).isEqualTo(at);
        var again = http.post("/events/" + bookingId + "/check-in", alice, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("checkedInAt").asString()).isEqualTo(at);
        assertThat(http.post("/events/" + bookingId + "/check-in", bob, Map.of()).status()).isEqualTo(403);

        // checked in: its window passing changes nothing (the sweep's commands are stored when it returns)
        sweep.sweepAt(start.plus(11, ChronoUnit.MINUTES));
        assertThat(count(bookingId, "OccurrenceMarkedNoShow")).isZero();
        assertThat(status(bookingId).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void outside_the_window_a_check_in_is_refused_naming_the_field_and_records_nothing() {
        Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String bookingId = book(alice, start, start.plus(1, ChronoUnit.HOURS));
        long before = storedEvents();

        var early = http.post("/events/" + bookingId + "/check-in", alice, Map.of());

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = early.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("checkedInAt");
        assertThat(error.get("message").asString()).contains(start.minus(15, ChronoUnit.MINUTES).toString())
                .contains(start.plus(10, ChronoUnit.MINUTES).toString());
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * The node that placed the booking is gone (no in-memory deadline ever fires): a sweep after the window
     * finds the date in the view, and the booking releases it once, however often it is told.
     */
    @Test
    void after_its_window_a_date_nobody_checked_in_to_is_released_so_another_user_books_the_rest() {
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        String bookingId = book(alice, start, end);
        var taken = http.post("/events/create", bob, Map.of("title", "Mine now", "resourceId", resourceId,
                "start", start.plus(15, ChronoUnit.MINUTES).toString(), "end", end.toString()));
        assertThat(taken.status()).isEqualTo(409);

        sweep.sweepAt(start.plus(9, ChronoUnit.MINUTES)); // not yet due
        assertThat(status(bookingId).get("status").asString()).isEqualTo("CONFIRMED");
        for (int i = 0; i < 3; i++) { // every node's sweep, and again
            sweep.sweepAt(start.plus(10 + i, ChronoUnit.MINUTES));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_SHOW".equals(status(bookingId).get("status").asString()));
        assertThat(status(bookingId).get("checkInDueAt").asString()).isEqualTo(start.plus(10, ChronoUnit.MINUTES).toString());
        assertThat(count(bookingId, "OccurrenceMarkedNoShow")).isEqualTo(1);
        assertThat(count(bookingId, "BookingMarkedNoShow")).isEqualTo(1);
        // the rest of the slot is free at once
        await().atMost(Duration.ofSeconds(10)).until(() -> http.post("/events/create", bob, Map.of("title", "Mine now",
                "resourceId", resourceId, "start", start.plus(15, ChronoUnit.MINUTES).toString(), "end",
                end.toString())).status() == 201);
        // and its requester is told
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode n : http.get("/api/notifications", alice).body()) {
                if ("BOOKING_NO_SHOW".equals(n.get("type").asString()) && bookingId.equals(n.get("bookingId").asString())) {
                    return true;
                }
            }
            return false;
        });
        // the heatmap counts the ten minutes held until the release as booked but unused
        String window = "&from=" + start.truncatedTo(ChronoUnit.DAYS) + "&to=" + start.truncatedTo(ChronoUnit.DAYS)
                .plus(2, ChronoUnit.DAYS);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            long unused = 0;
            for (JsonNode cell : http.get("/dashboard/heatmap?resourceId=" + resourceId + window, alice).body().get("cells")) {
                unused += cell.get("unusedMinutes").asLong();
            }
            return unused == 10;
        });
        // a late check-in after the release is refused
        assertThat(http.post("/events/" + bookingId + "/check-in", alice, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void each_date_of_a_series_is_released_on_its_own() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var created = http.post("/events/create", alice, Map.of("title", "Daily", "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(30, ChronoUnit.MINUTES).toString(),
                "recurrence", "RRULE:FREQ=DAILY;COUNT=2"));
        assertThat(created.status()).isEqualTo(201);
        String bookingId = created.body().get("bookingId").asString();

        sweep.sweepAt(start.plus(10, ChronoUnit.MINUTES));

        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_SHOW".equals(
                status(bookingId).get("occurrences").get(0).get("status").asString()));
        JsonNode after = status(bookingId);
        assertThat(after.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(after.get("occurrences").get(1).get("status").asString()).isEqualTo("CONFIRMED");
    }

    /**
     * A late check-in racing the release: 8 requests through the API (the window is open now) and 8 nodes'
     * "the window has ended" at once. Exactly one of them is recorded per booking, and the view agrees. In the
     * last rounds the nodes start as the first check-in is answered, so the check-in's side of the race is taken
     * too: then the release must not follow it.
     */
    @Test
    void a_late_check_in_racing_the_release_exactly_one_wins() throws Exception {
        for (int round = 0; round < 4; round++) {
            boolean checkInFirst = round >= 2;
            aRoomAskingForCheckIn(); // a room per round: a check-in that won keeps its slot
            Instant start = Instant.now().plus(5 + round, ChronoUnit.MINUTES);
            String bookingId = book(alice, start, start.plus(30, ChronoUnit.MINUTES));
            TimeRange date = new TimeRange(Instant.parse(status(bookingId).get("start").asString()),
                    Instant.parse(status(bookingId).get("end").asString()));
            Instant due = date.start().plus(10, ChronoUnit.MINUTES);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch firstAnswer = new CountDownLatch(checkInFirst ? 1 : 0);
            ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
            List<Thread> racers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean checkIn = i % 2 == 0;
                racers.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        if (checkIn) {
                            answers.add(http.post("/events/" + bookingId + "/check-in", alice, Map.of()).status());
                            firstAnswer.countDown();
                        } else {
                            firstAnswer.await();
                            try {
                                commands.sendAndWait(new MarkNoShow(bookingId, date, due));
                            } catch (RuntimeException concurrentlyChanged) {
                                // another node appended first
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : racers) {
                t.join();
            }

            long checkedIn = count(bookingId, "BookingCheckedIn");
            long noShow = count(bookingId, "OccurrenceMarkedNoShow");
            assertThat(checkedIn + noShow).as("round " + round).isEqualTo(1);
            if (checkInFirst) {
                assertThat(checkedIn).as("round " + round + ": the check-in answered first").isEqualTo(1);
            }
            assertThat(answers).allMatch(s -> s == (checkedIn == 1 ? 200 : 400));
            String expected = checkedIn == 1 ? "CONFIRMED" : "NO_SHOW";
            await().atMost(Duration.ofSeconds(10)).until(() -> expected.equals(status(bookingId).get("status").asString()));
        }
    }

    long count(String bookingId, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE ?", Long.class, bookingId, "%$" + type);
    }
}
