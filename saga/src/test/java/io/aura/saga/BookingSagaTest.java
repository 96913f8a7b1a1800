package io.aura.saga;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.approval.ApprovalCommands.CancelApproval;
import io.aura.kernel.approval.ApprovalCommands.OpenApproval;
import io.aura.kernel.approval.ApprovalCommands.PassApprovalDeadline;
import io.aura.kernel.approval.ApprovalEvents.ApprovalCancelled;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.DecisionChannel;
import io.aura.kernel.booking.BookingCommands.AwaitApproval;
import io.aura.kernel.booking.BookingCommands.AwaitRescheduleApproval;
import io.aura.kernel.booking.BookingCommands.CancelBooking;
import io.aura.kernel.booking.BookingCommands.CompleteReschedule;
import io.aura.kernel.booking.BookingCommands.ConfirmApprovedBooking;
import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.DeclineBooking;
import io.aura.kernel.booking.BookingCommands.RefuseReschedule;
import io.aura.kernel.booking.BookingCommands.RejectBooking;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveAbandoned;
import io.aura.kernel.schedule.ScheduleEvents.HoldMovePending;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingSagaTest {
    static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");
    static final String B = "b-1";
    static final String R = "r-1";
    static final TimeRange SLOT = new TimeRange(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
    static final TimeRange LATER = new TimeRange(Instant.parse("2026-12-02T11:00:00Z"), Instant.parse("2026-12-02T12:00:00Z"));
    static final BookingRequested REQUESTED = new BookingRequested(B, R, "Standup", SLOT, List.of(SLOT), null,
            ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");

    static final String A = "apv-1";
    static final ApprovalLevel OWNER = new ApprovalLevel("room owner", List.of("olga"), null, 0, 0, List.of(), List.of());
    static final Instant REMIND = NOW.plus(Duration.ofHours(2));
    static final Instant ESCALATE = NOW.plus(Duration.ofHours(3));
    static final Instant EXPIRE = NOW.plus(Duration.ofHours(4));
    static final ApprovalLevelStarted LEVEL_STARTED = new ApprovalLevelStarted(A, B, 0, "room owner", List.of("olga"),
            null, REMIND, ESCALATE, EXPIRE);

    SagaTestFixture<BookingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingSaga.class);
        // the saga's clock is the fixture's, so that whenTimeElapses moves it
        SagaTestFixture<BookingSaga> f = fixture;
        fixture.registerResource(new Clock() {
            public ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(ZoneId zone) { return this; }
            public Instant instant() { return f.currentTime(); }
        });
    }

    @Test
    void a_request_asks_the_resource_schedule_for_a_hold() {
        fixture.givenCurrentTime(NOW)
                .whenAggregate(B).publishes(REQUESTED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new PlaceHold(R, B, List.of(SLOT), ConflictPolicy.ALL_OR_NOTHING, 4, NOW));
    }

    @Test
    void a_placed_hold_without_approval_confirms_the_booking() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), false, Instant.now()))
                .expectDispatchedCommands(new ConfirmBooking(B, List.of(SLOT), List.of(), List.of()))
                .expectActiveSagas(1);
    }

    @Test
    void a_placed_hold_on_a_resource_needing_approval_opens_the_approval_and_waits_for_it() throws Exception {
        String approval = BookingSaga.approvalIdFor(B);
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), true, NOW,
                        List.of(OWNER), "PT4H"), Map.of(MessageMetadata.ACTOR, "alice"))
                .expectDispatchedCommands(new AwaitApproval(B, List.of(SLOT), List.of(), List.of(), approval),
                        new OpenApproval(approval, B, R, "alice", SLOT, null, List.of(OWNER), "PT4H", NOW));
    }

    @Test
    void a_hold_from_before_approval_levels_opens_one_level_for_the_approver_role() throws Exception {
        String approval = BookingSaga.approvalIdFor(B);
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), true, NOW),
                        Map.of(MessageMetadata.ACTOR, "alice"))
                .expectDispatchedCommands(new AwaitApproval(B, List.of(SLOT), List.of(), List.of(), approval),
                        new OpenApproval(approval, B, R, "alice", SLOT, null, List.of(ApprovalLevel.simple(List.of())),
                                null, NOW));
    }

    @Test
    void a_started_level_schedules_its_reminder_escalation_and_expiry() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(A).publishes(LEVEL_STARTED)
                .expectScheduledDeadlineWithName(REMIND, BookingSaga.APPROVAL_DEADLINE)
                .expectScheduledDeadlineWithName(ESCALATE, BookingSaga.APPROVAL_DEADLINE)
                .expectScheduledDeadlineWithName(EXPIRE, BookingSaga.APPROVAL_DEADLINE);
    }

    @Test
    void when_the_reminder_time_elapses_the_approval_is_told_the_time() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(B).published(REQUESTED)
                .andThenAggregate(A).published(LEVEL_STARTED)
                .whenTimeElapses(Duration.ofHours(2))
                .expectDeadlinesMet(A)
                .expectDispatchedCommands(new PassApprovalDeadline(A, REMIND));
    }

    @Test
    void when_the_escalation_time_elapses_the_approval_is_told_again() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(B).published(REQUESTED)
                .andThenAggregate(A).published(LEVEL_STARTED)
                .andThenTimeElapses(Duration.ofHours(2))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(new PassApprovalDeadline(A, ESCALATE));
    }

    @Test
    void when_the_expiry_time_elapses_the_approval_is_told_and_then_its_expiry_declines_the_booking() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(B).published(REQUESTED)
                .andThenAggregate(A).published(LEVEL_STARTED)
                .andThenTimeElapses(Duration.ofHours(3))
                .whenTimeElapses(Duration.ofHours(1))
                .expectDispatchedCommands(new PassApprovalDeadline(A, EXPIRE));
        fixture.givenAggregate(B).published(REQUESTED)
                .andThenAggregate(A).published(LEVEL_STARTED)
                .whenAggregate(A).publishes(new ApprovalExpired(A, B, R, 0, null))
                .expectDispatchedCommands(new DeclineBooking(B, A, BookingStatus.EXPIRED, null, null),
                        new ReleaseHold(R, B, List.of()))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void a_granted_approval_confirms_the_booking_and_drops_its_deadlines() {
        fixture.givenAggregate(B).published(REQUESTED)
                .andThenAggregate(A).published(LEVEL_STARTED)
                .whenAggregate(A).publishes(new ApprovalGranted(A, B, R, null))
                .expectDispatchedCommands(new ConfirmApprovedBooking(B, A))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void a_rejected_approval_declines_the_booking_releases_the_hold_and_ends_the_saga() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(A).publishes(new ApprovalRejected(A, B, R, 0, "olga", "painting", DecisionChannel.TOKEN,
                        "t-1", null))
                .expectDispatchedCommands(new DeclineBooking(B, A, BookingStatus.REJECTED, "olga", "painting"),
                        new ReleaseHold(R, B, List.of()))
                .expectActiveSagas(0);
    }

    @Test
    void an_approval_cancelled_by_an_administrator_cancels_the_booking() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(A).publishes(new ApprovalCancelled(A, B, R, "event called off", "root", null))
                .expectDispatchedCommands(new CancelBooking(B, "event called off", "root", true));
    }

    @Test
    void cancelling_a_booking_awaiting_approval_cancels_the_approval_too() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(new BookingCancelled(B, R, "not needed", A), Map.of(MessageMetadata.ACTOR, "alice"))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of()),
                        new CancelApproval(A, "the booking was cancelled", "alice"))
                .expectActiveSagas(0);
    }

    @Test
    void a_move_needing_approval_opens_a_new_approval_while_both_slots_are_held() throws Exception {
        String approval = BookingSaga.moveApprovalIdFor(B, "move-1");
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .whenAggregate(R).publishes(movePending("move-1", LATER, NOW))
                .expectDispatchedCommands(new AwaitRescheduleApproval(B, LATER, approval),
                        new OpenApproval(approval, B, R, "alice", LATER, LATER, List.of(OWNER), null, NOW));
    }

    @Test
    void the_same_slot_asked_for_again_after_a_rejected_move_opens_a_second_approval_with_another_id() throws Exception {
        String first = BookingSaga.moveApprovalIdFor(B, "move-1");
        String second = BookingSaga.moveApprovalIdFor(B, "move-2");
        Instant askedAgain = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .andThenAggregate(R).published(movePending("move-1", LATER, NOW))
                .andThenAggregate(first).published(new ApprovalRejected(first, B, R, 0, "olga", null,
                        DecisionChannel.INBOX, null, LATER))
                .andThenAggregate(R).published(new HoldMoveAbandoned(R, B, LATER, "the move was rejected by olga"))
                .andThenAggregate(B).published(new RescheduleRequested(B, R, SLOT, LATER, 4))
                .whenAggregate(R).publishes(movePending("move-2", LATER, askedAgain))
                .expectDispatchedCommands(new AwaitRescheduleApproval(B, LATER, second),
                        new OpenApproval(second, B, R, "alice", LATER, LATER, List.of(OWNER), null, askedAgain));
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
    }

    @Test
    void a_redelivered_pending_move_opens_the_same_approval_again() throws Exception {
        String approval = BookingSaga.moveApprovalIdFor(B, "move-1");
        fixture.givenCurrentTime(NOW)
                .andThenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .andThenAggregate(R).published(movePending("move-1", LATER, NOW))
                .whenAggregate(R).publishes(movePending("move-1", LATER, NOW))
                .expectDispatchedCommands(new AwaitRescheduleApproval(B, LATER, approval),
                        new OpenApproval(approval, B, R, "alice", LATER, LATER, List.of(OWNER), null, NOW));
    }

    /** A pending move as the event store delivers it: its message id is its own, and stays the same on redelivery. */
    private static GenericEventMessage<HoldMovePending> movePending(String messageId, TimeRange to, Instant requestedAt) {
        return new GenericEventMessage<>(messageId, new HoldMovePending(R, B, SLOT, to, List.of(OWNER), null, requestedAt),
                Map.of(MessageMetadata.ACTOR, "alice"), requestedAt);
    }

    @Test
    void an_approved_move_completes_it_and_a_rejected_one_abandons_it() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(A).publishes(new ApprovalGranted(A, B, R, LATER))
                .expectDispatchedCommands(new CompleteMove(R, B, LATER));
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(A).publishes(new ApprovalRejected(A, B, R, 0, "olga", null, DecisionChannel.INBOX, null,
                        LATER))
                .expectDispatchedCommands(new AbandonMove(R, B, LATER, "the move was rejected by olga"))
                .expectActiveSagas(1);
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldMoveAbandoned(R, B, LATER, "the move was rejected by olga"))
                .expectDispatchedCommands(new RefuseReschedule(B, LATER, List.of(),
                        List.of(new FieldViolation("approval", "the move was rejected by olga"))));
    }

    @Test
    void a_refused_hold_rejects_the_booking_with_its_conflicts_and_ends_the_saga() {
        var conflicts = List.of(new Conflict(SLOT, Conflict.Source.BOOKING, "b-0", SLOT));
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldRefused(R, B, List.of(SLOT), conflicts, List.of(), List.of(LATER)))
                .expectDispatchedCommands(new RejectBooking(B, conflicts, List.of(), List.of(LATER)))
                .expectActiveSagas(0);
    }

    @Test
    void a_reschedule_asks_to_move_the_hold_of_the_date_it_leaves_and_completes_when_it_moved() throws Exception {
        fixture.givenAggregate(B).published(REQUESTED)
                .andThenAggregate(R).published(new HoldPlaced(R, B, List.of(SLOT), List.of(), List.of(), false, Instant.now()))
                .andThenTimeAdvancesTo(NOW)
                .whenAggregate(B).publishes(new RescheduleRequested(B, R, SLOT, LATER, 4))
                .expectDispatchedCommands(new MoveHold(R, B, SLOT, LATER, 4, NOW, List.of()));
        fixture.givenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .whenAggregate(R).publishes(new HoldMoved(R, B, SLOT, LATER, Instant.now()))
                .expectDispatchedCommands(new CompleteReschedule(B, LATER));
    }

    @Test
    void a_refused_move_refuses_the_reschedule_and_keeps_the_saga() {
        fixture.givenAggregate(B).published(REQUESTED, new RescheduleRequested(B, R, SLOT, LATER, 4))
                .whenAggregate(R).publishes(new HoldMoveRefused(R, B, LATER, List.of(), List.of()))
                .expectDispatchedCommands(new RefuseReschedule(B, LATER, List.of(), List.of()))
                .expectActiveSagas(1);
    }

    @Test
    void a_cancelled_occurrence_releases_just_that_occurrence() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(new OccurrenceCancelled(B, R, SLOT))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of(SLOT)))
                .expectActiveSagas(1);
    }

    @Test
    void a_cancellation_releases_the_hold_and_ends_the_saga() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(new BookingCancelled(B, R, "moved online"))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of()))
                .expectActiveSagas(0);
    }
}
