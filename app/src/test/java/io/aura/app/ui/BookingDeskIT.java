package io.aura.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.app.IntegrationTest;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.ui.BookingDesk;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Autowired;

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
                day(4).plusSeconds(3600)), "ui-auditor")).isInstanceOf(AccessDeniedException.class);
        assertThat(storedEvents()).isEqualTo(before);
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
                "RRULE:FREQ=WEEKLY;COUNT=4"), "ui-series");
        assertThat(outcome.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(desk.booking(outcome.bookingId()).orElseThrow().occurrences()).hasSize(4);
    }

    @Test
    void a_bad_rule_or_time_is_refused_naming_the_field_and_nothing_is_sent() {
        String room = room(false, null);
        long before = storedEvents();
        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, "x", 1, day(4), day(4).plusSeconds(3600),
                "RRULE:FREQ=SOMETIMES"), "ui-bad")).isInstanceOf(InvalidInputException.class).hasMessageContaining("recurrence");
        assertThatThrownBy(() -> desk.request(new BookingDesk.Request(room, " ", 1, day(4), day(4).minusSeconds(60)),
                "ui-bad")).isInstanceOf(InvalidInputException.class).hasMessageContaining("title").hasMessageContaining("end");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void a_move_is_made_at_once_on_an_open_resource_and_waits_for_approval_where_one_is_needed() {
        String open = room(false, null);
        var booked = desk.request(new BookingDesk.Request(open, "Move me", 1, day(5), day(5).plus(1, ChronoUnit.HOURS)),
                "ui-mover");
        assertThat(desk.reschedule(booked.bookingId(), day(5).plus(2, ChronoUnit.HOURS), day(5).plus(3, ChronoUnit.HOURS),
                "ui-mover", false)).contains("MOVED");

        String approver = unique("deskapprover");
        userWithRoles(approver, "APPROVER");
        String gated = room(true, approver);
        var pending = desk.request(new BookingDesk.Request(gated, "Gated", 1, day(6), day(6).plus(1, ChronoUnit.HOURS)),
                "ui-mover");
        assertThat(pending.status()).isEqualTo(BookingStatus.PENDING_APPROVAL);
    }
}
