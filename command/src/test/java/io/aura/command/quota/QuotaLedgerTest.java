package io.aura.command.quota;

import io.aura.command.Fixtures;
import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaCommands.ReleaseQuota;
import io.aura.kernel.quota.QuotaCommands.ReserveMove;
import io.aura.kernel.quota.QuotaCommands.ReserveQuota;
import io.aura.kernel.quota.QuotaEvents.Excess;
import io.aura.kernel.quota.QuotaEvents.QuotaExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReleased;
import io.aura.kernel.quota.QuotaEvents.QuotaReserved;
import io.aura.kernel.quota.QuotaMeasure;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuotaLedgerTest {
    static final String LEDGER = "quota-ledger:alice";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final QuotaView TWO_A_WEEK = new QuotaView("q-week", new QuotaSpec(null, null, null, "alice",
            QuotaPeriod.P1W, null, 2));
    static final QuotaView TWO_HOURS_A_MONTH_IN_R1 = new QuotaView("q-month", new QuotaSpec("r-1", null, null, null,
            QuotaPeriod.P1M, 120, null));

    FixtureConfiguration<QuotaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(QuotaLedger.class);
    }

    static TimeRange hour(String start) {
        Instant at = Instant.parse(start);
        return new TimeRange(at, at.plusSeconds(3600));
    }

    static Charge charge(String bookingId, String resourceId, String start) {
        return Charge.of(bookingId, resourceId, null, hour(start), BERLIN);
    }

    static QuotaReserved reserved(String bookingId, Charge... charges) {
        return new QuotaReserved(LEDGER, "alice", bookingId, List.of(charges));
    }

    @Test
    void a_booking_within_the_quota_is_reserved() {
        Charge monday = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new ReserveQuota("alice", "b-1", List.of(TWO_A_WEEK), List.of(monday)))
                .expectEvents(reserved("b-1", monday));
    }

    @Test
    void a_booking_over_the_quota_in_its_week_is_exceeded_and_counts_nothing() {
        Charge third = charge("b-3", "r-2", "2026-12-09T09:00:00Z");
        fixture.given(reserved("b-1", charge("b-1", "r-1", "2026-12-07T09:00:00Z")),
                        reserved("b-2", charge("b-2", "r-2", "2026-12-08T09:00:00Z")))
                .when(new ReserveQuota("alice", "b-3", List.of(TWO_A_WEEK), List.of(third)))
                .expectEvents(new QuotaExceeded(LEDGER, "alice", "b-3", List.of(new Excess("q-week", QuotaPeriod.P1W,
                        "2026-W50", QuotaMeasure.BOOKINGS, 2, 3, List.of(third.occurrence())))));
    }

    @Test
    void the_same_count_in_another_week_fits_and_the_week_is_the_resource_zones() {
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the next ISO week there
        Charge nextWeekInBerlin = charge("b-3", "r-1", "2026-12-13T23:30:00Z");
        fixture.given(reserved("b-1", charge("b-1", "r-1", "2026-12-07T09:00:00Z")),
                        reserved("b-2", charge("b-2", "r-1", "2026-12-08T09:00:00Z")))
                .when(new ReserveQuota("alice", "b-3", List.of(TWO_A_WEEK), List.of(nextWeekInBerlin)))
                .expectEvents(reserved("b-3", nextWeekInBerlin));
    }

    @Test
    void a_series_counts_each_date_in_the_period_it_falls_in() {
        Charge w50 = charge("b-2", "r-1", "2026-12-08T09:00:00Z");
        Charge w50Again = charge("b-2", "r-1", "2026-12-10T09:00:00Z");
        Charge w51 = charge("b-2", "r-1", "2026-12-15T09:00:00Z");
        fixture.given(reserved("b-1", charge("b-1", "r-1", "2026-12-07T09:00:00Z")))
                .when(new ReserveQuota("alice", "b-2", List.of(TWO_A_WEEK), List.of(w50, w50Again, w51)))
                .expectEvents(new QuotaExceeded(LEDGER, "alice", "b-2", List.of(new Excess("q-week", QuotaPeriod.P1W,
                        "2026-W50", QuotaMeasure.BOOKINGS, 2, 3, List.of(w50.occurrence(), w50Again.occurrence())))));
    }

    @Test
    void minutes_count_only_on_the_resource_the_quota_names() {
        Charge elsewhere = charge("b-9", "r-2", "2026-12-09T09:00:00Z");
        Charge thirdHourInR1 = charge("b-3", "r-1", "2026-12-20T09:00:00Z");
        fixture.given(reserved("b-1", charge("b-1", "r-1", "2026-12-07T09:00:00Z")),
                        reserved("b-2", charge("b-2", "r-1", "2026-12-08T09:00:00Z")))
                .when(new ReserveQuota("alice", "b-9", List.of(TWO_HOURS_A_MONTH_IN_R1), List.of(elsewhere)))
                .expectEvents(reserved("b-9", elsewhere));
        fixture.given(reserved("b-1", charge("b-1", "r-1", "2026-12-07T09:00:00Z")),
                        reserved("b-2", charge("b-2", "r-1", "2026-12-08T09:00:00Z")))
                .when(new ReserveQuota("alice", "b-3", List.of(TWO_HOURS_A_MONTH_IN_R1), List.of(thirdHourInR1)))
                .expectEvents(new QuotaExceeded(LEDGER, "alice", "b-3", List.of(new Excess("q-month", QuotaPeriod.P1M,
                        "2026-12", QuotaMeasure.MINUTES, 120, 180, List.of(thirdHourInR1.occurrence())))));
    }

    @Test
    void a_released_booking_no_longer_counts() {
        Charge third = charge("b-3", "r-1", "2026-12-09T09:00:00Z");
        Charge first = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        fixture.given(reserved("b-1", first), reserved("b-2", charge("b-2", "r-1", "2026-12-08T09:00:00Z")),
                        new QuotaReleased(LEDGER, "alice", "b-1", List.of(first.occurrence())))
                .when(new ReserveQuota("alice", "b-3", List.of(TWO_A_WEEK), List.of(third)))
                .expectEvents(reserved("b-3", third));
    }

    @Test
    void releasing_one_date_of_a_series_releases_just_that_date() {
        Charge monday = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge tuesday = charge("b-1", "r-1", "2026-12-08T09:00:00Z");
        fixture.given(reserved("b-1", monday, tuesday))
                .when(new ReleaseQuota("alice", "b-1", List.of(tuesday.occurrence())))
                .expectEvents(new QuotaReleased(LEDGER, "alice", "b-1", List.of(tuesday.occurrence())));
    }

    @Test
    void releasing_a_whole_booking_releases_what_is_still_counted() {
        Charge monday = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge tuesday = charge("b-1", "r-1", "2026-12-08T09:00:00Z");
        fixture.given(reserved("b-1", monday, tuesday),
                        new QuotaReleased(LEDGER, "alice", "b-1", List.of(tuesday.occurrence())))
                .when(new ReleaseQuota("alice", "b-1", List.of()))
                .expectEvents(new QuotaReleased(LEDGER, "alice", "b-1", List.of(monday.occurrence())));
    }

    @Test
    void a_redelivered_reservation_is_not_decided_again() {
        Charge monday = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        fixture.given(reserved("b-1", monday))
                .when(new ReserveQuota("alice", "b-1", List.of(TWO_A_WEEK), List.of(monday)))
                .expectNoEvents();
    }

    @Test
    void a_redelivered_release_and_a_release_of_what_was_never_counted_record_nothing() {
        Charge monday = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        fixture.given(reserved("b-1", monday), new QuotaReleased(LEDGER, "alice", "b-1", List.of(monday.occurrence())))
                .when(new ReleaseQuota("alice", "b-1", List.of()))
                .expectNoEvents();
        fixture.given(reserved("b-1", monday))
                .when(new ReleaseQuota("alice", "b-7", List.of()))
                .expectNoEvents();
    }

    // ---- moves: the new date counts as if the old one were free, both until the move is decided ----

    @Test
    void a_move_into_a_full_week_is_exceeded_and_the_booking_keeps_its_date() {
        Charge leaving = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge into = charge("b-1", "r-1", "2026-12-16T09:00:00Z");
        fixture.given(reserved("b-1", leaving), reserved("b-2", charge("b-2", "r-1", "2026-12-14T09:00:00Z")),
                        reserved("b-3", charge("b-3", "r-2", "2026-12-15T09:00:00Z")))
                .when(new ReserveMove("alice", "b-1", "move-1", leaving.occurrence(), List.of(TWO_A_WEEK), into))
                .expectEvents(new QuotaMoveExceeded(LEDGER, "alice", "b-1", "move-1", leaving.occurrence(),
                        into.occurrence(), List.of(new Excess("q-week", QuotaPeriod.P1W, "2026-W51",
                                QuotaMeasure.BOOKINGS, 2, 3, List.of(into.occurrence())))));
    }

    @Test
    void a_move_within_a_full_week_fits_because_the_date_it_leaves_is_not_counted_twice() {
        Charge leaving = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge laterThatWeek = charge("b-1", "r-1", "2026-12-10T09:00:00Z");
        fixture.given(reserved("b-1", leaving), reserved("b-2", charge("b-2", "r-1", "2026-12-08T09:00:00Z")))
                .when(new ReserveMove("alice", "b-1", "move-1", leaving.occurrence(), List.of(TWO_A_WEEK),
                        laterThatWeek))
                .expectEvents(new QuotaMoveReserved(LEDGER, "alice", "b-1", "move-1", leaving.occurrence(),
                        laterThatWeek));
    }

    @Test
    void while_a_move_is_decided_both_dates_count_for_everything_else() {
        Charge leaving = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge into = charge("b-1", "r-1", "2026-12-16T09:00:00Z");
        Charge otherInTheNewWeek = charge("b-2", "r-1", "2026-12-17T09:00:00Z");
        Charge otherInTheOldWeek = charge("b-3", "r-1", "2026-12-08T09:00:00Z");
        var moving = new QuotaMoveReserved(LEDGER, "alice", "b-1", "move-1", leaving.occurrence(), into);
        fixture.given(reserved("b-1", leaving), moving, reserved("b-2", otherInTheNewWeek))
                .when(new ReserveQuota("alice", "b-3", List.of(TWO_A_WEEK), List.of(otherInTheOldWeek)))
                .expectEvents(reserved("b-3", otherInTheOldWeek));
        // the new week holds the moving date and b-2: full, although the move is not decided yet
        Charge third = charge("b-4", "r-1", "2026-12-18T09:00:00Z");
        fixture.given(reserved("b-1", leaving), moving, reserved("b-2", otherInTheNewWeek))
                .when(new ReserveQuota("alice", "b-4", List.of(TWO_A_WEEK), List.of(third)))
                .expectEvents(new QuotaExceeded(LEDGER, "alice", "b-4", List.of(new Excess("q-week", QuotaPeriod.P1W,
                        "2026-W51", QuotaMeasure.BOOKINGS, 2, 3, List.of(third.occurrence())))));
    }

    @Test
    void after_the_move_the_date_it_left_is_released_and_frees_its_week() {
        Charge leaving = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge into = charge("b-1", "r-1", "2026-12-16T09:00:00Z");
        Charge newInTheOldWeek = charge("b-3", "r-1", "2026-12-09T09:00:00Z");
        fixture.given(reserved("b-1", leaving), reserved("b-2", charge("b-2", "r-1", "2026-12-08T09:00:00Z")),
                        new QuotaMoveReserved(LEDGER, "alice", "b-1", "move-1", leaving.occurrence(), into),
                        new QuotaReleased(LEDGER, "alice", "b-1", List.of(leaving.occurrence())))
                .when(new ReserveQuota("alice", "b-3", List.of(TWO_A_WEEK), List.of(newInTheOldWeek)))
                .expectEvents(reserved("b-3", newInTheOldWeek));
    }

    @Test
    void a_redelivered_move_is_not_decided_again() {
        Charge leaving = charge("b-1", "r-1", "2026-12-07T09:00:00Z");
        Charge into = charge("b-1", "r-1", "2026-12-16T09:00:00Z");
        fixture.given(reserved("b-1", leaving),
                        new QuotaMoveReserved(LEDGER, "alice", "b-1", "move-1", leaving.occurrence(), into))
                .when(new ReserveMove("alice", "b-1", "move-1", leaving.occurrence(), List.of(TWO_A_WEEK), into))
                .expectNoEvents();
    }

    @Test
    void a_moved_date_counts_in_its_bookings_category() {
        QuotaView twoTrainingsAWeek = new QuotaView("q-training", new QuotaSpec(null, "training", null, "alice",
                QuotaPeriod.P1W, null, 2));
        Charge leaving = Charge.of("b-1", "r-1", "training", hour("2026-12-07T09:00:00Z"), BERLIN);
        Charge into = charge("b-1", "r-1", "2026-12-16T09:00:00Z"); // the saga does not know the category
        fixture.given(reserved("b-1", leaving),
                        reserved("b-2", Charge.of("b-2", "r-1", "training", hour("2026-12-14T09:00:00Z"), BERLIN)),
                        reserved("b-3", Charge.of("b-3", "r-1", "training", hour("2026-12-15T09:00:00Z"), BERLIN)))
                .when(new ReserveMove("alice", "b-1", "move-1", leaving.occurrence(), List.of(twoTrainingsAWeek), into))
                .expectEvents(new QuotaMoveExceeded(LEDGER, "alice", "b-1", "move-1", leaving.occurrence(),
                        into.occurrence(), List.of(new Excess("q-training", QuotaPeriod.P1W, "2026-W51",
                                QuotaMeasure.BOOKINGS, 2, 3, List.of(into.occurrence())))));
    }
}
