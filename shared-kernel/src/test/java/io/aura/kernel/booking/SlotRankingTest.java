package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotRankingTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Tuesday 1 December 2026; Berlin is UTC+1
    static final TimeRange WEEK = new TimeRange(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"));

    static TimeRange slot(String start, String end) {
        return new TimeRange(Instant.parse(start), Instant.parse(end));
    }

    static RankedSlot score(TimeRange slot, int capacity, int attendees, Double usual) {
        return SlotRanking.score(new SlotFacts("room", slot, WEEK, BERLIN, capacity, attendees, usual, null));
    }

    @Test
    void a_weekday_morning_in_the_resources_own_zone_is_working_hours_and_a_night_is_not() {
        RankedSlot morning = score(slot("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z"), 10, 10, null); // 09:00 Berlin
        RankedSlot night = score(slot("2026-12-01T06:00:00Z", "2026-12-01T07:00:00Z"), 10, 10, null); // 07:00 Berlin

        assertThat(morning.reasons()).contains(Reason.of(ReasonCode.WORKING_HOURS, "Europe/Berlin"));
        assertThat(night.reasons()).extracting(Reason::code).doesNotContain(ReasonCode.WORKING_HOURS);
        assertThat(morning.score()).isGreaterThan(night.score());
    }

    @Test
    void saturday_is_not_working_hours() {
        assertThat(SlotRanking.inWorkingHours(slot("2026-12-05T09:00:00Z", "2026-12-05T10:00:00Z"), BERLIN)).isFalse();
    }

    @Test
    void the_smallest_room_that_seats_everyone_scores_higher_than_a_hall() {
        TimeRange same = slot("2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z");
        RankedSlot snug = score(same, 8, 6, null);
        RankedSlot hall = score(same, 200, 6, null);

        assertThat(snug.score()).isGreaterThan(hall.score());
        assertThat(snug.reasons()).contains(Reason.of(ReasonCode.SEATS, 8, 6));
    }

    @Test
    void an_hour_that_was_usually_busy_scores_lower_and_says_why() {
        TimeRange same = slot("2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z");
        RankedSlot quiet = score(same, 8, 8, 0.1);
        RankedSlot busy = score(same, 8, 8, 0.8);

        assertThat(quiet.score()).isGreaterThan(busy.score());
        assertThat(quiet.reasons()).contains(Reason.of(ReasonCode.USUALLY_QUIET, 10));
        assertThat(busy.reasons()).contains(Reason.of(ReasonCode.OFTEN_BUSY, 80));
    }

    @Test
    void earlier_in_the_window_scores_higher_and_near_a_wanted_start_beats_earlier() {
        RankedSlot monday = score(slot("2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"), 8, 8, null);
        RankedSlot tuesday = score(slot("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"), 8, 8, null);
        assertThat(tuesday.score()).isGreaterThan(monday.score());

        Instant wanted = Instant.parse("2026-12-07T09:00:00Z");
        double nearWanted = SlotRanking.score(new SlotFacts("room", slot("2026-12-07T09:15:00Z", "2026-12-07T10:15:00Z"),
                WEEK, BERLIN, 8, 8, null, wanted)).score();
        double farFromWanted = SlotRanking.score(new SlotFacts("room", slot("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"),
                WEEK, BERLIN, 8, 8, null, wanted)).score();
        assertThat(nearWanted).isGreaterThan(farFromWanted);
    }

    @Test
    void the_best_few_never_offer_two_overlapping_slots_of_one_resource() {
        List<RankedSlot> ranked = List.of(
                new RankedSlot("a", Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), 0.9, List.of()),
                new RankedSlot("a", Instant.parse("2026-12-01T09:15:00Z"), Instant.parse("2026-12-01T10:15:00Z"), 0.89, List.of()),
                new RankedSlot("b", Instant.parse("2026-12-01T09:15:00Z"), Instant.parse("2026-12-01T10:15:00Z"), 0.88, List.of()),
                new RankedSlot("a", Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"), 0.5, List.of()));

        List<RankedSlot> best = SlotRanking.best(ranked, 3);

        assertThat(best).extracting(s -> s.resourceId() + "@" + s.start()).containsExactly(
                "a@2026-12-01T09:00:00Z", "b@2026-12-01T09:15:00Z", "a@2026-12-01T10:00:00Z");
    }
}
