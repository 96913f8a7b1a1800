package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.booking.BookingDesk;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The UI's booking service against the real application: series, moves, and refused input. */
class BookingDeskIT extends IntegrationTest {
    @Autowired
    BookingDesk desk;

    /** The UI's services run for a signed-in user; here one with the REQUESTER role. */
    @BeforeEach
    void signedInAsRequester() {
        signedInAs("ui-requester", "REQUESTER");
    }

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    static void signedInAs(String name, String... roles) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        SecurityContextHolder.setContext(context);
    }

    @Test
    void someone_without_the_requester_role_cannot_book_from_the_ui_and_nothing_is_recorded() {
        String room = room(false, null);
        signedInAs("ui-auditor", "AUDITOR");
        long before = storedEvents();

        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, "Not mine to ask", 1, day(4),
                day(4).plusSeconds(3600)))).isInstanceOf(AccessDeniedException.class);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_title_of_300_characters_is_refused_naming_the_title_and_nothing_is_recorded() {
        String room = room(false, null);
        long before = storedEvents();

        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, "x".repeat(300), 1, day(5),
                day(5).plusSeconds(3600)))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("title"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void the_desk_acts_as_the_signed_in_person_whom_another_cannot_cancel_for_or_take_the_proof_of() {
        String room = room(false, null);
        var booked = desk.request(new BookingDesk.Request(room, "Mine", 1, day(7), day(7).plus(1, ChronoUnit.HOURS)));
        assertThat(desk.booking(booked.bookingId()).orElseThrow().requester()).isEqualTo("ui-requester");
        assertThat(desk.proof(booked.bookingId())).isPresent();

        signedInAs("ui-someone-else", "REQUESTER");
        assertThatThrownBy(() -> desk.cancel(booked.bookingId(), "not yours"))
                .isInstanceOf(io.aura.command.booking.NotOwnerException.class);
        assertThatThrownBy(() -> desk.cancelOccurrence(booked.bookingId(), day(7))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.proof(booked.bookingId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.booking(booked.bookingId())).isInstanceOf(AccessDeniedException.class);
        assertThat(desk.bookingIfAllowed(booked.bookingId())).isEmpty();
        assertThat(desk.mine()).noneMatch(b -> b.bookingId().equals(booked.bookingId()));

        signedInAs("ui-auditor", "AUDITOR");
        assertThat(desk.proof(booked.bookingId())).isPresent();
        assertThat(desk.booking(booked.bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> desk.mine()).isInstanceOf(AccessDeniedException.class);
    }

    String room(boolean approval, String approver) {
        Map<String, Object> body = approval
                ? Map.of("name", unique("Desk room"), "capacity", 6, "timeZone", "Europe/Berlin", "approvalLevels",
                        List.of(Map.of("name", "owner", "approvers", List.of(approver))))
                : Map.of("name", unique("Desk room"), "capacity", 6, "timeZone", "Europe/Berlin");
        return http.post("/api/resources", adminToken, body).body().get("id").asString();
    }

    Instant day(int days) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(days, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
    }

    @Test
    void a_weekly_series_from_the_form_books_every_occurrence() {
        String room = room(false, null);
        var outcome = desk.request(new BookingDesk.Request(room, "Weekly", 3, day(3), day(3).plus(1, ChronoUnit.HOURS),
                "RRULE:FREQ=WEEKLY;COUNT=4"));
        assertThat(outcome.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(desk.booking(outcome.bookingId()).orElseThrow().occurrences()).hasSize(4);
    }

    @Test
    void a_series_over_a_taken_date_says_how_many_dates_were_booked_and_which_were_skipped() {
        String room = room(false, null);
        Instant second = day(3).atZone(java.time.ZoneId.of("Europe/Berlin")).plusWeeks(1).toInstant();
        assertThat(desk.request(new BookingDesk.Request(room, "In the way", 1, second, second.plus(1, ChronoUnit.HOURS)))
                .status()).isEqualTo(BookingStatus.CONFIRMED);

        var outcome = desk.request(new BookingDesk.Request(room, "Weekly", 1, day(3), day(3).plus(1, ChronoUnit.HOURS),
                "RRULE:FREQ=WEEKLY;COUNT=3"));

        assertThat(outcome.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(outcome.booked()).isEqualTo(2);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(outcome.problems()).hasSize(2);
        assertThat(outcome.problems().get(0)).startsWith("overlaps booking");
        // the skipped date, with free times near it to take instead
        assertThat(outcome.problems().get(1)).contains(": free near it: ");

        // the same series asked as "only if every date is free": refused whole, nothing held
        var whole = desk.request(new BookingDesk.Request(room, "Weekly, all or none", 1, day(3).plus(2, ChronoUnit.HOURS),
                day(3).plus(3, ChronoUnit.HOURS), "RRULE:FREQ=WEEKLY;COUNT=3", true));
        assertThat(whole.status()).isEqualTo(BookingStatus.CONFIRMED); // those hours are free every week
        var refused = desk.request(new BookingDesk.Request(room, "Clashing, all or none", 1, day(3), day(3).plus(1, ChronoUnit.HOURS),
                "RRULE:FREQ=WEEKLY;COUNT=3", true));
        assertThat(refused.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(refused.booked()).isZero();
    }

    @Test
    void a_series_running_past_the_booking_window_is_refused_whole_naming_the_field_and_nothing_is_sent() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Desk room"), "capacity", 6,
                "timeZone", "Europe/Berlin", "bookingWindowDays", 30)).body().get("id").asString();
        long before = storedEvents();
        // weekly for eight weeks from the third day: the last dates lie beyond the 30-day booking window
        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, "Too far", 1, day(3),
                day(3).plus(1, ChronoUnit.HOURS), "RRULE:FREQ=WEEKLY;COUNT=8")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("start");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void one_date_of_a_series_is_cancelled_on_its_own_and_the_others_stay() {
        String room = room(false, null);
        var series = desk.request(new BookingDesk.Request(room, "Weekly sync", 1, day(3), day(3).plus(1, ChronoUnit.HOURS),
                "RRULE:FREQ=WEEKLY;COUNT=3"));
        var dates = desk.booking(series.bookingId()).orElseThrow().occurrences();

        desk.cancelOccurrence(series.bookingId(), dates.get(1).start());

        var after = desk.booking(series.bookingId()).orElseThrow();
        assertThat(after.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(after.occurrences()).extracting(o -> o.status().name()).containsExactly("CONFIRMED", "CANCELLED", "CONFIRMED");
        assertThatThrownBy(() -> desk.cancelOccurrence(series.bookingId(), dates.get(0).start().plusSeconds(60)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("occurrenceStart");
    }

    @Test
    void one_date_of_a_series_moves_on_its_own_and_the_others_stay() {
        String room = room(false, null);
        var series = desk.request(new BookingDesk.Request(room, "Weekly review", 1, day(3), day(3).plus(1, ChronoUnit.HOURS),
                "RRULE:FREQ=WEEKLY;COUNT=3"));
        var dates = desk.booking(series.bookingId()).orElseThrow().occurrences();
        var second = new io.aura.kernel.schedule.TimeRange(dates.get(1).start(), dates.get(1).end());
        Instant dayAfter = second.start().plus(1, ChronoUnit.DAYS);

        var outcome = desk.reschedule(series.bookingId(), second, dayAfter, dayAfter.plus(1, ChronoUnit.HOURS));

        assertThat(outcome).hasValueSatisfying(o -> assertThat(o.status())
                .isEqualTo(io.aura.kernel.booking.RescheduleStatus.MOVED));
        assertThat(desk.booking(series.bookingId()).orElseThrow().occurrences()).extracting(o -> o.start())
                .containsExactly(dates.get(0).start(), dayAfter, dates.get(2).start());
    }

    @Test
    void a_bad_rule_or_time_is_refused_naming_the_field_and_nothing_is_sent() {
        String room = room(false, null);
        long before = storedEvents();
        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, "x", 1, day(4), day(4).plusSeconds(3600),
                "RRULE:FREQ=SOMETIMES"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("recurrence");
        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, " ", 1, day(4), day(4).minusSeconds(60)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("title").hasMessageContaining("end");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_move_is_made_at_once_on_an_open_resource_and_waits_for_approval_where_one_is_needed() {
        String open = room(false, null);
        var booked = desk.request(new BookingDesk.Request(open, "Move me", 1, day(5), day(5).plus(1, ChronoUnit.HOURS)));
        assertThat(desk.reschedule(booked.bookingId(), day(5).plus(2, ChronoUnit.HOURS), day(5).plus(3, ChronoUnit.HOURS)))
                .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(io.aura.kernel.booking.RescheduleStatus.MOVED));
        // onto a taken slot: refused, and the outcome says what holds it
        var other = desk.request(new BookingDesk.Request(open, "In the way", 1, day(5).plus(5, ChronoUnit.HOURS),
                day(5).plus(6, ChronoUnit.HOURS)));
        assertThat(other.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(desk.reschedule(booked.bookingId(), day(5).plus(5, ChronoUnit.HOURS), day(5).plus(6, ChronoUnit.HOURS)))
                .hasValueSatisfying(o -> {
                    assertThat(o.status()).isEqualTo(io.aura.kernel.booking.RescheduleStatus.REFUSED);
                    assertThat(o.conflicts()).singleElement().satisfies(c -> assertThat(c.bookingId()).isEqualTo(other.bookingId()));
                });
        // beyond the booking window: refused before anything is sent, naming the field
        long before = storedEvents();
        assertThatThrownBy(() -> desk.reschedule(booked.bookingId(), day(400), day(400).plus(1, ChronoUnit.HOURS)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("start");
        assertThat(storedEvents()).isEqualTo(before);

        String approver = unique("deskapprover");
        userWithRoles(approver, "APPROVER");
        String gated = room(true, approver);
        var pending = desk.request(new BookingDesk.Request(gated, "Gated", 1, day(6), day(6).plus(1, ChronoUnit.HOURS)));
        assertThat(pending.status()).isEqualTo(BookingStatus.PENDING_APPROVAL);
    }
}
