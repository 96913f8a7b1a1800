package io.aura.saga;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.DeclineBooking;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaCommands.ReleaseQuota;
import io.aura.kernel.quota.QuotaCommands.ReserveMove;
import io.aura.kernel.quota.QuotaCommands.ReserveQuota;
import io.aura.kernel.quota.QuotaEvents.Excess;
import io.aura.kernel.quota.QuotaEvents.QuotaExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReserved;
import io.aura.kernel.quota.QuotaMeasure;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The saga's quota steps (ADR 0034): reserve from the person's ledger before the hold, release when it ends. */
class BookingSagaQuotaTest {
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final String B = "b-1";
    static final String R = "r-1";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TimeRange MONDAY = new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));
    static final TimeRange NEXT_MONDAY = new TimeRange(Instant.parse("2026-12-14T09:00:00Z"),
            Instant.parse("2026-12-14T10:00:00Z"));
    static final QuotaView THREE_A_WEEK = new QuotaView("q-1",
            new QuotaSpec(null, null, "REQUESTER", null, QuotaPeriod.P1W, null, 3));
    /** Alice (a REQUESTER) may book three dates a week, as found where her request entered; the room is in Berlin. */
    static final BookingRequested SERIES = series(ApplicableQuotas.of(List.of(THREE_A_WEEK), "Europe/Berlin"));
    static final Map<String, Object> ALICE = Map.of(MessageMetadata.ACTOR, "alice", MessageMetadata.ACTOR_ROLES,
            "REQUESTER");
    static final List<Charge> CHARGES = List.of(Charge.of(B, R, null, MONDAY, BERLIN),
            Charge.of(B, R, null, NEXT_MONDAY, BERLIN));
    static final PlaceHold HOLD = new PlaceHold(R, B, List.of(MONDAY, NEXT_MONDAY), ConflictPolicy.SKIP_CONFLICTS, 4,
            NOW, List.of("REQUESTER"));

    static final Object REQUESTED_BY_ALICE = GenericEventMessage.asEventMessage(SERIES).andMetaData(ALICE);

    SagaTestFixture<BookingSaga> fixture;

    static BookingRequested series(ApplicableQuotas quotas) {
        return new BookingRequested(B, R, "Standup", MONDAY, List.of(MONDAY, NEXT_MONDAY), "RRULE:FREQ=WEEKLY;COUNT=2",
                ConflictPolicy.SKIP_CONFLICTS, 4, List.of(), null, "alice", quotas);
    }

    @BeforeEach
    void setUp() {
        // nothing registered but the fixture's own: the saga decides from the event alone, it looks nothing up
        fixture = new SagaTestFixture<>(BookingSaga.class);
    }

    @Test
    void a_request_that_carries_a_quota_is_counted_by_the_ledger_before_any_hold_each_date_in_its_resource_zone() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(B).publishes(SERIES, ALICE)
                .expectDispatchedCommands(new ReserveQuota("alice", B, List.of(THREE_A_WEEK), CHARGES));
    }

    @Test
    void a_request_that_carries_no_quota_goes_straight_to_the_schedule() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(B).publishes(series(ApplicableQuotas.NONE), Map.of(MessageMetadata.ACTOR, "root",
                        MessageMetadata.ACTOR_ROLES, "ADMIN"))
                .expectDispatchedCommands(new PlaceHold(R, B, List.of(MONDAY, NEXT_MONDAY),
                        ConflictPolicy.SKIP_CONFLICTS, 4, NOW, List.of("ADMIN")));
    }

    @Test
    void a_request_stored_before_quotas_travelled_with_it_counts_against_none() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(B).publishes(series(null), ALICE)
                .expectDispatchedCommands(HOLD);
    }

    @Test
    void once_the_ledger_reserved_the_dates_the_hold_is_asked_for() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .whenAggregate("quota-ledger:alice").publishes(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .expectDispatchedCommands(HOLD)
                .expectActiveSagas(1);
    }

    @Test
    void a_request_over_a_quota_is_rejected_with_a_quota_conflict_naming_the_quota_and_its_limit() {
        Excess over = new Excess("q-1", QuotaPeriod.P1W, "2026-W50", QuotaMeasure.BOOKINGS, 3, 4, List.of(MONDAY));
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .whenAggregate("quota-ledger:alice").publishes(new QuotaExceeded("quota-ledger:alice", "alice", B,
                        List.of(over)))
                .expectDispatchedCommands(new RejectBooking(B,
                        List.of(new Conflict(MONDAY, Conflict.Source.QUOTA, null, MONDAY)),
                        List.of(FieldViolation.of("quota", Rule.QUOTA_BOOKINGS_EXCEEDED, 3, 4, "2026-W50", "q-1")),
                        List.of()))
                .expectActiveSagas(0);
    }

    @Test
    void a_refused_hold_releases_what_the_ledger_counted() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .whenAggregate(R).publishes(new HoldRefused(R, B, List.of(MONDAY), List.of(), List.of(), List.of()))
                .expectDispatchedCommands(new RejectBooking(B, List.of(), List.of(), List.of()),
                        new ReleaseQuota("alice", B, List.of()));
    }

    @Test
    void dates_a_series_skipped_for_conflicts_are_released_and_the_rest_confirmed() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(MONDAY), List.of(NEXT_MONDAY), List.of(),
                        false, NOW))
                .expectDispatchedCommands(new ReleaseQuota("alice", B, List.of(NEXT_MONDAY)),
                        new ConfirmBooking(B, List.of(MONDAY), List.of(NEXT_MONDAY), List.of()));
    }

    @Test
    void an_expired_approval_releases_the_quota_with_the_hold() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .whenAggregate("apv-1").publishes(new ApprovalExpired("apv-1", B, R, 0, null))
                .expectDispatchedCommands(new DeclineBooking(B, "apv-1", BookingStatus.EXPIRED, null, null),
                        new ReleaseHold(R, B, List.of()), new ReleaseQuota("alice", B, List.of()));
    }

    @Test
    void a_cancelled_date_releases_just_that_date() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .whenAggregate(B).publishes(new OccurrenceCancelled(B, R, MONDAY))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of(MONDAY)),
                        new ReleaseQuota("alice", B, List.of(MONDAY)));
    }

    @Test
    void a_cancelled_booking_releases_all_of_it() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .whenAggregate(B).publishes(new BookingCancelled(B, R, "not needed"), ALICE)
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of()), new ReleaseQuota("alice", B, List.of()))
                .expectActiveSagas(0);
    }

    @Test
    void a_booking_no_quota_counted_releases_nothing_from_a_ledger() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B)
                .published(GenericEventMessage.asEventMessage(series(ApplicableQuotas.NONE)).andMetaData(ALICE))
                .whenAggregate(B).publishes(new BookingCancelled(B, R, "not needed"), ALICE)
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of()));
    }

    // ---- moves (ADR 0034): the new date is counted before the hold moves; the loser is released after ----

    static final TimeRange MONDAY_IN_THREE_WEEKS = new TimeRange(Instant.parse("2026-12-28T09:00:00Z"),
            Instant.parse("2026-12-28T10:00:00Z"));
    static final Charge MOVED_CHARGE = Charge.of(B, R, null, MONDAY_IN_THREE_WEEKS, BERLIN);
    static final MoveHold MOVE = new MoveHold(R, B, MONDAY, MONDAY_IN_THREE_WEEKS, 4, NOW, List.of("REQUESTER"));
    static final QuotaMoveReserved MOVE_RESERVED = new QuotaMoveReserved("quota-ledger:alice", "alice", B, "move-1",
            MONDAY, MOVED_CHARGE);

    /** Alice asks to move the series' first date; the event's identifier names the move for the ledger. */
    static Object moveRequested(ApplicableQuotas quotas) {
        return new GenericEventMessage<>("move-1", new RescheduleRequested(B, R, MONDAY, MONDAY_IN_THREE_WEEKS, 4,
                quotas), ALICE, NOW);
    }

    @Test
    void a_move_of_a_counted_booking_is_counted_by_the_ledger_before_the_hold_moves() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .whenAggregate(B).publishes(moveRequested(SERIES.applicableQuotas()))
                .expectDispatchedCommands(new ReserveMove("alice", B, "move-1", MONDAY, List.of(THREE_A_WEEK),
                        MOVED_CHARGE));
    }

    @Test
    void once_the_ledger_reserved_the_new_date_the_hold_is_moved() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .andThenAggregate(B).published(moveRequested(SERIES.applicableQuotas()))
                .whenAggregate("quota-ledger:alice").publishes(MOVE_RESERVED)
                .expectDispatchedCommands(MOVE);
    }

    @Test
    void a_move_over_a_quota_is_refused_with_a_quota_conflict_and_the_hold_stays() {
        Excess over = new Excess("q-1", QuotaPeriod.P1W, "2026-W53", QuotaMeasure.BOOKINGS, 3, 4,
                List.of(MONDAY_IN_THREE_WEEKS));
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .andThenAggregate(B).published(moveRequested(SERIES.applicableQuotas()))
                .whenAggregate("quota-ledger:alice").publishes(new QuotaMoveExceeded("quota-ledger:alice", "alice", B,
                        "move-1", MONDAY, MONDAY_IN_THREE_WEEKS, List.of(over)))
                .expectDispatchedCommands(new RefuseReschedule(B, MONDAY_IN_THREE_WEEKS,
                        List.of(new Conflict(MONDAY_IN_THREE_WEEKS, Conflict.Source.QUOTA, null, MONDAY_IN_THREE_WEEKS)),
                        List.of(FieldViolation.of("quota", Rule.QUOTA_BOOKINGS_EXCEEDED, 3, 4, "2026-W53", "q-1"))))
                .expectActiveSagas(1);
    }

    @Test
    void a_moved_hold_releases_the_date_it_left() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .andThenAggregate(B).published(moveRequested(SERIES.applicableQuotas()))
                .andThenAggregate("quota-ledger:alice").published(MOVE_RESERVED)
                .whenAggregate(R).publishes(new HoldMoved(R, B, MONDAY, MONDAY_IN_THREE_WEEKS, NOW))
                .expectDispatchedCommands(new CompleteReschedule(B, MONDAY_IN_THREE_WEEKS),
                        new ReleaseQuota("alice", B, List.of(MONDAY)));
    }

    @Test
    void a_move_the_schedule_refused_releases_the_date_it_asked_for() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED_BY_ALICE)
                .andThenAggregate("quota-ledger:alice").published(new QuotaReserved("quota-ledger:alice", "alice", B, CHARGES))
                .andThenAggregate(B).published(moveRequested(SERIES.applicableQuotas()))
                .andThenAggregate("quota-ledger:alice").published(MOVE_RESERVED)
                .whenAggregate(R).publishes(new HoldMoveRefused(R, B, MONDAY_IN_THREE_WEEKS, List.of(), List.of()))
                .expectDispatchedCommands(new RefuseReschedule(B, MONDAY_IN_THREE_WEEKS, List.of(), List.of()),
                        new ReleaseQuota("alice", B, List.of(MONDAY_IN_THREE_WEEKS)));
    }

    @Test
    void a_move_of_a_booking_no_quota_counted_goes_straight_to_the_schedule_and_releases_nothing() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B)
                .published(GenericEventMessage.asEventMessage(series(ApplicableQuotas.NONE)).andMetaData(ALICE))
                .whenAggregate(B).publishes(moveRequested(ApplicableQuotas.NONE))
                .expectDispatchedCommands(MOVE);
        fixture.givenCurrentTime(NOW).andThenAggregate(B)
                .published(GenericEventMessage.asEventMessage(series(ApplicableQuotas.NONE)).andMetaData(ALICE),
                        moveRequested(ApplicableQuotas.NONE))
                .whenAggregate(R).publishes(new HoldMoved(R, B, MONDAY, MONDAY_IN_THREE_WEEKS, NOW))
                .expectDispatchedCommands(new CompleteReschedule(B, MONDAY_IN_THREE_WEEKS));
    }
}
