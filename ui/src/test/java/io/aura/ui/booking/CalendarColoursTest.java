package io.aura.ui.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The calendar's colours and language, decided without a browser. */
class CalendarColoursTest {

    @Test
    void each_resource_keeps_one_colour_of_the_palette_and_different_resources_get_different_ones() {
        assertThat(CalendarColours.of("r-1")).isEqualTo(CalendarColours.of("r-1")).isIn(CalendarColours.PALETTE);
        Set<String> used = new HashSet<>();
        IntStream.range(0, 40).forEach(i -> used.add(CalendarColours.of("resource-" + i)));
        assertThat(used).hasSize(CalendarColours.PALETTE.size());
        assertThat(CalendarColours.look("r-1", false, BookingStatus.CONFIRMED).border())
                .isEqualTo(CalendarColours.look("r-1", true, BookingStatus.CONFIRMED).border())
                .isEqualTo(CalendarColours.of("r-1"));
    }

    @Test
    void mine_is_solid_and_marked_others_are_a_light_tint_outlined_in_the_resources_colour() {
        String colour = CalendarColours.of("r-1");
        CalendarColours.Look mine = CalendarColours.look("r-1", true, BookingStatus.CONFIRMED);
        CalendarColours.Look others = CalendarColours.look("r-1", false, BookingStatus.CONFIRMED);
        assertThat(mine.background()).isEqualTo(colour);
        assertThat(mine.classes()).contains("aura-booking", "aura-confirmed", "aura-mine");
        assertThat(others.background()).isNotEqualTo(colour).isEqualTo(CalendarColours.tint(colour));
        assertThat(others.border()).isEqualTo(colour);
        assertThat(others.classes()).contains("aura-booking", "aura-confirmed", "aura-others");
    }

    @Test
    void pending_is_striped_amber_with_the_resources_colour_on_its_edge_and_closed_time_is_grey() {
        CalendarColours.Look pending = CalendarColours.look("r-1", true, BookingStatus.PENDING_APPROVAL);
        assertThat(pending.background()).isEqualTo("#fde7b0");
        assertThat(pending.border()).isEqualTo(CalendarColours.of("r-1"));
        assertThat(pending.classes()).contains("aura-pending_approval", "aura-mine");
        assertThat(CalendarColours.closed().background()).isEqualTo("#6b7280");
        assertThat(CalendarColours.closed().classes()).containsExactly("aura-closed");
    }

    @Test
    void every_text_holds_wcag_aa_contrast_on_its_fill() {
        assertThat(CalendarColours.contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        for (String colour : CalendarColours.PALETTE) {
            for (boolean mine : List.of(true, false)) {
                for (BookingStatus status : List.of(BookingStatus.CONFIRMED, BookingStatus.PENDING_APPROVAL)) {
                    // an id that lands on this colour
                    String id = IntStream.range(0, 1000).mapToObj(i -> "r-" + i)
                            .filter(r -> CalendarColours.of(r).equals(colour)).findFirst().orElseThrow();
                    CalendarColours.Look look = CalendarColours.look(id, mine, status);
                    assertThat(CalendarColours.contrast(look.text(), look.background()))
                            .as("%s %s %s", colour, mine, status).isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }

    @Test
    void what_goes_down_to_the_calendar_carries_each_entrys_look() {
        String json = AuraCalendar.json(List.of(new AuraCalendar.Entry("b-1", "Standup",
                Instant.parse("2026-12-07T08:00:00Z"), Instant.parse("2026-12-07T08:30:00Z"), BookingStatus.CONFIRMED,
                "r-1", true), AuraCalendar.Entry.closed("c-1", "Closed", Instant.parse("2026-12-07T06:00:00Z"),
                Instant.parse("2026-12-07T07:00:00Z"))));
        assertThat(json).contains("\"backgroundColor\":\"" + CalendarColours.of("r-1") + "\"", "aura-mine",
                "\"display\":\"background\"", "aura-closed", "#6b7280");
    }

    @Test
    void the_calendar_speaks_the_uis_language_and_starts_the_week_where_it_does() {
        assertThat(AuraCalendar.ClientLocale.of(Locale.GERMAN)).isEqualTo(new AuraCalendar.ClientLocale("de", 1));
        assertThat(AuraCalendar.ClientLocale.of(Locale.ENGLISH)).isEqualTo(new AuraCalendar.ClientLocale("en-GB", 1));
        assertThat(AuraCalendar.ClientLocale.of(Locale.US)).isEqualTo(new AuraCalendar.ClientLocale("en-US", 0));
        assertThat(AuraCalendar.ClientLocale.of(null).code()).isEqualTo("en-GB");
    }
}
