package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.ContentionEvaluation.Choice;
import io.aura.kernel.booking.RefusalChoices.Seat;
import io.aura.kernel.booking.RefusalChoices.Stamped;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given the recorded events of a refusal and what followed, the choice people made, with what they could have chosen. */
class RefusalChoicesTest {
    static final Map<String, Seat> ROOMS = Map.of("A", new Seat(ZoneOffset.UTC, 8), "B", new Seat(ZoneOffset.UTC, 8),
            "HUT", new Seat(ZoneOffset.UTC, 2));
    static final Instant MORNING = Instant.parse("2026-11-10T07:00:00Z");
    static final TimeRange TEN = range("10:00", "11:00");

    final List<Stamped> events = new ArrayList<>();

    @Test
    void refused_at_ten_in_a_and_booking_ten_in_b_soon_after_is_a_choice_of_b_among_the_free_hours_of_that_day() {
        book("x", "kim", "A", TEN, 0);
        refuse("y", "lou", "A", TEN, 5);
        book("z", "lou", "B", TEN, 10);

        List<Choice> choices = RefusalChoices.from(events, ROOMS, List.of());

        assertThat(choices).singleElement().satisfies(c -> {
            assertThat(c.chosenResourceId()).isEqualTo("B");
            assertThat(c.chosenStart()).isEqualTo(TEN.start());
            assertThat(c.decidedOn()).isEqualTo(MORNING.atZone(ZoneOffset.UTC).toLocalDate());
            // 10 hours in each of A and B (08:00–17:00 starts), less A at ten; the hut seats 2 of 6
            assertThat(c.candidates()).hasSize(19)
                    .noneMatch(k -> k.slot().resourceId().equals("A") && k.slot().slot().equals(TEN))
                    .anyMatch(k -> k.slot().resourceId().equals("B") && k.slot().slot().equals(TEN))
                    .allMatch(k -> k.slot().near().equals(TEN.start()));
        });
    }

    @Test
    void a_booking_more_than_an_hour_after_the_refusal_or_of_another_length_is_no_choice() {
        book("x", "kim", "A", TEN, 0);
        refuse("y", "lou", "A", TEN, 5);
        book("z", "lou", "B", TEN, 5 + 61);
        refuse("y2", "max", "A", TEN, 70);
        book("z2", "max", "B", range("12:00", "14:00"), 75);

        assertThat(RefusalChoices.from(events, ROOMS, List.of())).isEmpty();
    }

    @Test
    void a_cancelled_booking_frees_its_hour_for_the_candidates() {
        book("x", "kim", "A", TEN, 0);
        refuse("y", "lou", "A", range("10:00", "11:00"), 5);
        book("z", "lou", "B", TEN, 10);
        events.add(new Stamped(MORNING.plusSeconds(20 * 60), new BookingCancelled("x", "A", "no longer needed")));
        refuse("y2", "max", "B", TEN, 25);
        book("z2", "max", "A", TEN, 30);

        List<Choice> choices = RefusalChoices.from(events, ROOMS, List.of());

        assertThat(choices).hasSize(2);
        assertThat(choices.get(1).candidates())
                .anyMatch(k -> k.slot().resourceId().equals("A") && k.slot().slot().equals(TEN));
    }

    static TimeRange range(String from, String to) {
        return new TimeRange(Instant.parse("2026-11-12T" + from + ":00Z"), Instant.parse("2026-11-12T" + to + ":00Z"));
    }

    void book(String id, String who, String room, TimeRange range, int minute) {
        events.add(new Stamped(MORNING.plusSeconds(minute * 60L), requested(id, who, room, range)));
        events.add(new Stamped(MORNING.plusSeconds(minute * 60L + 1), new BookingConfirmed(id, room, List.of(range),
                List.of(), List.of())));
    }

    void refuse(String id, String who, String room, TimeRange range, int minute) {
        events.add(new Stamped(MORNING.plusSeconds(minute * 60L), requested(id, who, room, range)));
        events.add(new Stamped(MORNING.plusSeconds(minute * 60L + 1), new BookingRejected(id, room,
                List.of(new Conflict(range, Conflict.Source.BOOKING, "x", null)), List.of(), List.of())));
    }

    static BookingRequested requested(String id, String who, String room, TimeRange range) {
        return new BookingRequested(id, room, "Team meeting", range, List.of(range), null, ConflictPolicy.ALL_OR_NOTHING,
                6, List.of(), null, who);
    }
}
