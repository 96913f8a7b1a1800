package io.aura.kernel.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.RankingSignals.Key;
import io.aura.kernel.booking.RankingSignals.Tally;
import io.aura.kernel.booking.SlotRanker.Candidate;
import io.aura.kernel.booking.SlotRanker.Context;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one ranking: learned signals move a slot up or down, with the reasons as values (ADR 0049, 0054). */
class SlotRankerTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeRange WEEK = new TimeRange(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"));
    // Tuesday 1 December 2026, 10:00 Berlin
    static final TimeRange TEN = new TimeRange(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
    static final Context REFUSED_ON_A = new Context(WEEK, 4, TEN.start(), "REQUESTER", "a", TEN, BERLIN);

    static Candidate at(String resourceId, TimeRange slot, boolean approval) {
        return new Candidate(resourceId, slot, BERLIN, 4, approval, null, 0);
    }

    static RankingSignals resourceWide(String resourceId, Tally tally) {
        return new RankingSignals(Map.of(new Key(resourceId, RankingSignals.ANY, RankingSignals.ANY, null), tally));
    }

    static List<String> order(List<RankedSlot> ranked) {
        return ranked.stream().map(RankedSlot::resourceId).toList();
    }

    @Test
    void without_history_the_order_is_the_plain_ranking_of_soon_quiet_fit_and_working_hours() {
        List<RankedSlot> ranked = SlotRanker.rank(List.of(at("b", TEN, false), at("c", TEN, false)),
                Context.search(WEEK, 4, null, "REQUESTER"), RankingSignals.NONE, null);

        assertThat(order(ranked)).containsExactly("b", "c");
        assertThat(ranked.get(0).score()).isEqualTo(SlotRanking.score(new SlotRanking.SlotFacts("b", TEN, WEEK, BERLIN,
                4, 4, null, null)).score());
    }

    @Test
    void a_resource_whose_bookings_are_usually_released_unused_moves_down_and_says_so() {
        RankingSignals signals = resourceWide("b", new Tally(0, 0, 0, -1, 5, 4, 0, 0, 0));

        List<RankedSlot> ranked = SlotRanker.rank(List.of(at("b", TEN, false), at("c", TEN, false)),
                Context.search(WEEK, 4, null, "REQUESTER"), signals, null);

        assertThat(order(ranked)).containsExactly("c", "b");
        assertThat(ranked.get(1).reasons())
                .contains(Reason.of(ReasonCode.OFTEN_RELEASED_UNUSED, 4, 5));
    }

    @Test
    void a_resource_whose_requests_are_usually_declined_moves_down_and_one_approved_within_a_day_says_so() {
        RankingSignals signals = new RankingSignals(Map.of(
                new Key("b", RankingSignals.ANY, RankingSignals.ANY, null), new Tally(4, 1, 1, 600, 1, 0, 0, 0, 0),
                new Key("c", RankingSignals.ANY, RankingSignals.ANY, null), new Tally(10, 9, 9, 180, 9, 0, 0, 0, 0)));

        List<RankedSlot> ranked = SlotRanker.rank(List.of(at("b", TEN, true), at("c", TEN, true)),
                Context.search(WEEK, 4, null, "REQUESTER"), signals, null);

        assertThat(order(ranked)).containsExactly("c", "b");
        assertThat(ranked.get(0).reasons()).contains(Reason.of(ReasonCode.APPROVED_WITHIN_A_DAY, 9, 180));
        assertThat(ranked.get(1).reasons()).contains(Reason.of(ReasonCode.USUALLY_DECLINED, 3, 4, 600));
    }

    @Test
    void a_resource_that_needs_no_approval_is_not_judged_by_approvals() {
        RankingSignals signals = resourceWide("b", new Tally(4, 0, 0, 60, 0, 0, 0, 0, 0));

        List<RankedSlot> ranked = SlotRanker.rank(List.of(at("b", TEN, false), at("c", TEN, false)),
                Context.search(WEEK, 4, null, "REQUESTER"), signals, null);

        assertThat(order(ranked)).containsExactly("b", "c");
    }

    @Test
    void after_a_refusal_the_kind_of_alternative_people_refused_there_took_comes_first() {
        TimeRange eleven = new TimeRange(TEN.start().plusSeconds(3600), TEN.end().plusSeconds(3600));
        List<Candidate> candidates = List.of(at("a", eleven, false), at("b", TEN, false));
        // the same time elsewhere is nearer: first without history
        assertThat(order(SlotRanker.rank(candidates, REFUSED_ON_A, RankingSignals.NONE, null)))
                .containsExactly("b", "a");
        RankingSignals stayed = resourceWide("a", new Tally(0, 0, 0, -1, 0, 0, 0, 6, 0));
        RankingSignals moved = resourceWide("a", new Tally(0, 0, 0, -1, 0, 0, 6, 0, 0));

        List<RankedSlot> whenTheyStayed = SlotRanker.rank(candidates, REFUSED_ON_A, stayed, null);

        assertThat(whenTheyStayed.get(0).reasons()).contains(Reason.of(ReasonCode.REFUSED_TOOK_OTHER_TIME_HERE));
        assertThat(whenTheyStayed.get(1).score()).isLessThan(SlotRanker.rank(candidates, REFUSED_ON_A, RankingSignals.NONE,
                null).get(0).score());
        assertThat(SlotRanker.rank(candidates, REFUSED_ON_A, moved, null).get(0).reasons())
                .contains(Reason.of(ReasonCode.REFUSED_TOOK_SAME_TIME_ELSEWHERE));
    }

    @Test
    void the_contention_model_is_asked_once_for_the_distinct_hours_of_all_candidates() {
        List<List<ContentionModel.HourFacts>> calls = new ArrayList<>();
        ContentionModel model = new ContentionModel() {
            @Override
            public Optional<double[]> contentions(List<HourFacts> facts) {
                calls.add(facts);
                // b's hour is contended, c's quiet
                return Optional.of(facts.stream().mapToDouble(f -> f.capacity() == 4 ? 0.9 : 0.1).toArray());
            }

            @Override
            public Training train(List<PastHour> history) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void forget() {}

            @Override
            public Optional<Training> lastTraining() {
                return Optional.empty();
            }
        };
        List<Candidate> candidates = new ArrayList<>();
        for (int quarter = 0; quarter < 5; quarter++) {
            TimeRange slot = new TimeRange(TEN.start().plusSeconds(quarter * 900L), TEN.end().plusSeconds(quarter * 900L));
            candidates.add(at("b", slot, false));
            candidates.add(new Candidate("c", slot, BERLIN, 5, false, null, 0));
        }

        List<RankedSlot> ranked = SlotRanker.rank(candidates, Context.search(WEEK, 4, null, "REQUESTER"),
                RankingSignals.NONE, model);

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(4); // b and c at 10 (four quarters) and at 11
        assertThat(ranked.get(0).resourceId()).isEqualTo("c");
    }
}
