package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aura.kernel.booking.RankingSignals.Key;
import io.aura.kernel.booking.RankingSignals.Tally;
import io.aura.kernel.booking.SlotRanker.Candidate;
import io.aura.kernel.booking.SlotRanker.Context;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The ranker's reasons are values (ADR 0054): each code, with the values it quotes, in the case that gives it. */
class ReasonTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeRange WEEK = new TimeRange(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"));
    // Tuesday 1 December 2026, 10:00 Berlin
    static final TimeRange TEN = new TimeRange(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
    static final Set<ReasonCode> SEEN = EnumSet.noneOf(ReasonCode.class);

    static List<Reason> slot(int capacity, int attendees, Double usual, Double predicted) {
        List<Reason> reasons = SlotRanking.score(new SlotFacts("b", TEN, WEEK, BERLIN, capacity, attendees, usual, null,
                predicted)).reasons();
        reasons.forEach(r -> SEEN.add(r.code()));
        return reasons;
    }

    static List<Reason> ranked(boolean approval, Tally tally, Context context, String resourceId, TimeRange at) {
        RankingSignals signals = new RankingSignals(Map.of(new Key("a", RankingSignals.ANY, RankingSignals.ANY, null),
                tally));
        List<Reason> reasons = SlotRanker.rank(List.of(new Candidate(resourceId, at, BERLIN, 4, approval, null, 0)),
                context, signals, null).get(0).reasons();
        reasons.forEach(r -> SEEN.add(r.code()));
        return reasons;
    }

    static List<Reason> ranked(boolean approval, Tally tally) {
        return ranked(approval, tally, Context.search(WEEK, 4, null, "REQUESTER"), "a", TEN);
    }

    @Test
    void every_slot_is_free_seats_its_attendees_and_says_when_it_is_within_working_hours_in_its_zone() {
        assertThat(slot(8, 6, null, null)).containsExactly(Reason.of(ReasonCode.FREE), Reason.of(ReasonCode.SEATS, 8, 6),
                Reason.of(ReasonCode.WORKING_HOURS, "Europe/Berlin"));
    }

    @Test
    void the_hours_history_says_quiet_at_a_quarter_or_less_busy_from_sixty_percent_and_nothing_between() {
        assertThat(slot(4, 4, 0.12, null)).contains(Reason.of(ReasonCode.USUALLY_QUIET, 12));
        assertThat(slot(4, 4, 0.8, null)).contains(Reason.of(ReasonCode.OFTEN_BUSY, 80));
        assertThat(slot(4, 4, 0.4, null)).extracting(Reason::code)
                .doesNotContain(ReasonCode.USUALLY_QUIET, ReasonCode.OFTEN_BUSY);
    }

    @Test
    void a_trained_contention_model_speaks_instead_of_the_history_in_three_degrees() {
        assertThat(slot(4, 4, 0.8, 0.1)).contains(Reason.of(ReasonCode.LIKELY_QUIET, 10))
                .extracting(Reason::code).doesNotContain(ReasonCode.OFTEN_BUSY);
        assertThat(slot(4, 4, null, 0.4)).contains(Reason.of(ReasonCode.SOMETIMES_TAKEN, 40));
        assertThat(slot(4, 4, null, 0.9)).contains(Reason.of(ReasonCode.LIKELY_CONTENDED, 90));
    }

    @Test
    void approvals_quote_how_often_in_ten_and_the_median_decision_when_one_is_known() {
        assertThat(ranked(true, new Tally(10, 9, 9, 180, 0, 0, 0, 0, 0)))
                .contains(Reason.of(ReasonCode.APPROVED_WITHIN_A_DAY, 9, 180));
        assertThat(ranked(true, new Tally(10, 7, 3, -1, 0, 0, 0, 0, 0))).contains(Reason.of(ReasonCode.APPROVED, 7));
        assertThat(ranked(true, new Tally(4, 1, 1, 600, 0, 0, 0, 0, 0)))
                .contains(Reason.of(ReasonCode.USUALLY_DECLINED, 3, 4, 600));
        assertThat(ranked(false, new Tally(4, 1, 1, 600, 0, 0, 0, 0, 0))).extracting(Reason::code)
                .doesNotContain(ReasonCode.USUALLY_DECLINED);
    }

    @Test
    void use_says_released_unused_from_three_in_ten_and_usually_used_up_to_one_in_ten() {
        assertThat(ranked(false, new Tally(0, 0, 0, -1, 8, 3, 0, 0, 0)))
                .contains(Reason.of(ReasonCode.OFTEN_RELEASED_UNUSED, 3, 8));
        assertThat(ranked(false, new Tally(0, 0, 0, -1, 10, 1, 0, 0, 0))).contains(Reason.of(ReasonCode.USUALLY_USED));
        assertThat(ranked(false, new Tally(0, 0, 0, -1, 10, 2, 0, 0, 0))).extracting(Reason::code)
                .doesNotContain(ReasonCode.OFTEN_RELEASED_UNUSED, ReasonCode.USUALLY_USED);
    }

    @Test
    void after_a_refusal_the_choice_most_people_refused_there_made_is_named() {
        Context refusedOnA = new Context(WEEK, 4, TEN.start(), "REQUESTER", "a", TEN, BERLIN);
        TimeRange eleven = new TimeRange(TEN.start().plusSeconds(3600), TEN.end().plusSeconds(3600));

        assertThat(ranked(false, new Tally(0, 0, 0, -1, 0, 0, 6, 0, 0), refusedOnA, "b", TEN))
                .contains(Reason.of(ReasonCode.REFUSED_TOOK_SAME_TIME_ELSEWHERE));
        assertThat(ranked(false, new Tally(0, 0, 0, -1, 0, 0, 0, 6, 0), refusedOnA, "a", eleven))
                .contains(Reason.of(ReasonCode.REFUSED_TOOK_OTHER_TIME_HERE));
    }

    @Test
    void a_median_is_told_in_minutes_below_ninety_hours_below_two_days_and_days_beyond() {
        assertThat(Reason.Span.ofMinutes(45)).isEqualTo(new Reason.Span(45, Reason.Span.Unit.MINUTES));
        assertThat(Reason.Span.ofMinutes(180)).isEqualTo(new Reason.Span(3, Reason.Span.Unit.HOURS));
        assertThat(Reason.Span.ofMinutes(3000)).isEqualTo(new Reason.Span(2, Reason.Span.Unit.DAYS));
        assertThat(Reason.of(ReasonCode.APPROVED, 7).median()).isEmpty();
    }

    @Test
    void a_reason_quotes_exactly_the_values_its_code_takes_and_a_number_read_back_as_an_int_is_the_same() {
        assertThatThrownBy(() -> Reason.of(ReasonCode.SEATS, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reason.of(ReasonCode.SEATS, 8, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Reason(ReasonCode.SEATS, List.of(8, 6))).isEqualTo(Reason.of(ReasonCode.SEATS, 8L, 6L));
    }

    @AfterAll
    static void every_code_has_a_case_above_that_gives_it() {
        assertThat(SEEN).as("codes given by the cases above").isEqualTo(EnumSet.allOf(ReasonCode.class));
    }
}
