package io.aura.ui.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.ui.UserZone;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views' logic that needs no browser: what goes down to the calendar, the heatmap's colours, the QR code. */
class ViewLogicTest {

    @Test
    void the_calendar_gets_iso_instants_and_draws_pending_bookings_lighter_than_confirmed_ones() {
        String json = AuraCalendar.json(List.of(
                new AuraCalendar.Entry("b-1", "Standup", Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-07T08:30:00Z"), BookingStatus.CONFIRMED),
                new AuraCalendar.Entry("b-2", "Board <b>", Instant.parse("2026-12-07T09:00:00Z"),
                        Instant.parse("2026-12-07T10:00:00Z"), BookingStatus.PENDING_APPROVAL)));
        assertThat(json).contains("\"id\":\"b-1\"", "\"start\":\"2026-12-07T08:00:00Z\"", "aura-confirmed",
                "aura-pending_approval", "#1a6fd6", "#fde7b0");
        // titles travel as JSON data, never as markup: FullCalendar renders them as text
        assertThat(json).contains("\"title\":\"Board <b>\"");
    }

    @Test
    void the_heatmap_colour_grows_with_utilization_and_stays_within_its_scale() {
        assertThat(HeatmapView.colour(0)).isEqualTo("#f1f3f5");
        assertThat(HeatmapView.colour(0.5)).isEqualTo("rgba(26, 111, 214, 0.58)");
        assertThat(HeatmapView.colour(1)).isEqualTo("rgba(26, 111, 214, 1.00)");
        assertThat(HeatmapView.colour(7)).isEqualTo(HeatmapView.colour(1));
        assertThat(HeatmapView.colour(-1)).isEqualTo(HeatmapView.colour(0));
    }

    @Test
    void a_booking_token_becomes_a_qr_code_drawn_as_svg() {
        String url = QrCode.svgDataUrl("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJiLTEifQ.signature");
        assertThat(url).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<path d='M");
    }

    @Test
    void times_are_shown_in_the_person_s_zone_with_the_end_date_only_when_it_is_another_day() {
        var zone = java.time.ZoneId.of("America/New_York");
        assertThat(UserZone.span(Instant.parse("2026-12-07T14:00:00Z"), Instant.parse("2026-12-07T15:30:00Z"), zone))
                .isEqualTo("Mon 7 Dec 2026, 09:00–10:30");
        assertThat(UserZone.span(Instant.parse("2026-12-08T03:00:00Z"), Instant.parse("2026-12-08T06:00:00Z"), zone))
                .isEqualTo("Mon 7 Dec 2026, 22:00–Tue 8 Dec 2026, 01:00");
        assertThat(UserZone.current()).as("without a browser: the server's zone").isEqualTo(java.time.ZoneId.systemDefault());
    }

    static BookingQueries.BookingView booking(String title, String start, String end, BookingStatus status,
                                              BookingQueries.Occurrence... occurrences) {
        return new BookingQueries.BookingView("b-" + title, title, "r-1", Instant.parse(start), Instant.parse(end), status,
                "alice", 1, List.of(), "", null, List.of(occurrences), List.of(), List.of(), List.of(), List.of(), null, 0);
    }

    @Test
    void my_bookings_show_what_is_ahead_soonest_first_and_what_is_over_most_recent_first() {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        var lastWeek = booking("Last week", "2026-11-30T09:00:00Z", "2026-11-30T10:00:00Z", BookingStatus.CONFIRMED);
        var thisMorning = booking("This morning", "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z", BookingStatus.CANCELLED);
        var running = booking("Running now", "2026-12-07T11:30:00Z", "2026-12-07T12:30:00Z", BookingStatus.CONFIRMED);
        var tomorrow = booking("Tomorrow", "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z", BookingStatus.PENDING_APPROVAL);
        var nextWeek = booking("Next week", "2026-12-14T09:00:00Z", "2026-12-14T10:00:00Z", BookingStatus.CONFIRMED);
        // a weekly series begun last week: ahead while a date of it is, sorted by its next date (Wednesday)
        var weekly = booking("Weekly", "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z", BookingStatus.CONFIRMED,
                new BookingQueries.Occurrence(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"),
                        OccurrenceStatus.CONFIRMED),
                new BookingQueries.Occurrence(Instant.parse("2026-12-09T09:00:00Z"), Instant.parse("2026-12-09T10:00:00Z"),
                        OccurrenceStatus.CONFIRMED));
        // ending exactly now: over
        var endedNow = booking("Ended now", "2026-12-07T11:00:00Z", "2026-12-07T12:00:00Z", BookingStatus.CONFIRMED);

        BookingsByTime split = BookingsByTime.at(now, List.of(nextWeek, lastWeek, weekly, tomorrow, endedNow, running,
                thisMorning));

        assertThat(split.upcoming()).extracting(BookingQueries.BookingView::title)
                .containsExactly("Running now", "Tomorrow", "Weekly", "Next week");
        assertThat(split.past()).extracting(BookingQueries.BookingView::title)
                .containsExactly("Ended now", "This morning", "Last week");
    }

    @Test
    void a_booking_s_status_reads_as_words_with_a_badge_colour_that_goes_with_it() {
        assertThat(StatusBadge.of(BookingStatus.CONFIRMED)).isEqualTo(new StatusBadge("Confirmed", "badge success"));
        assertThat(StatusBadge.of(BookingStatus.PENDING_APPROVAL))
                .isEqualTo(new StatusBadge("Waiting for approval", "badge warning"));
        assertThat(StatusBadge.of(BookingStatus.REJECTED)).isEqualTo(new StatusBadge("Not booked", "badge error"));
        assertThat(StatusBadge.of(BookingStatus.CANCELLED)).isEqualTo(new StatusBadge("Cancelled", "badge contrast"));
        assertThat(StatusBadge.of(BookingStatus.EXPIRED))
                .isEqualTo(new StatusBadge("Expired (no decision)", "badge contrast"));
        for (BookingStatus status : BookingStatus.values()) {
            StatusBadge badge = StatusBadge.of(status);
            assertThat(badge.label()).as(status.name()).isNotEqualTo(status.name()).doesNotContain("_");
            assertThat(badge.theme()).startsWith("badge");
        }
    }
}
