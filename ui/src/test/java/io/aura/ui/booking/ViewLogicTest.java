package io.aura.ui.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingStatus;
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
}
