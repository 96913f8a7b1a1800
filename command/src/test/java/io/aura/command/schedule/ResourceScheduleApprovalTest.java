package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.NOW;
import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.holdPlaced;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveAbandoned;
import io.aura.kernel.schedule.ScheduleEvents.HoldMovePending;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource's approval policy: which levels a request needs, and a move that waits for approval. */
class ResourceScheduleApprovalTest {
    static final ApprovalLevel OWNER = new ApprovalLevel("room owner", List.of("olga"), null, 0, 0, List.of(), List.of());
    static final ApprovalLevel BIG_EVENTS = new ApprovalLevel("facilities", List.of("fred"), null, 50, 0, List.of(),
            List.of());
    static final ApprovalLevel LONG_ONES = new ApprovalLevel("long bookings", List.of("lena"), null, 0, 180, List.of(),
            List.of());
    static final ApprovalLevel REQUESTERS_ONLY = new ApprovalLevel("requesters", List.of("rita"), null, 0, 0,
            List.of("REQUESTER"), List.of());
    static final ResourceSpec HALL = aResource("Hall").capacity(500).durationMinutes(15, 600).bookableDaysAhead(60)
            .approvedBy("PT24H", OWNER, BIG_EVENTS, LONG_ONES, REQUESTERS_ONLY).build();
    static final ResourceRegistered REGISTERED = new ResourceRegistered(R, HALL);

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    @Test
    void a_small_short_meeting_by_an_approver_needs_only_the_room_owner() {
        fixture.given(REGISTERED)
                .when(placeHold("b-1", at("09:00", "10:00")).attendees(10).byRoles("APPROVER").build())
                .expectEvents(holdPlaced("b-1", at("09:00", "10:00")).needingApproval("PT24H", OWNER).build());
    }

    @Test
    void a_large_long_event_by_a_requester_needs_every_level_in_order() {
        fixture.given(REGISTERED)
                .when(placeHold("b-1", at("09:00", "13:00")).attendees(120).byRoles("REQUESTER").build())
                .expectEvents(holdPlaced("b-1", at("09:00", "13:00"))
                        .needingApproval("PT24H", OWNER, BIG_EVENTS, LONG_ONES, REQUESTERS_ONLY).build());
    }

    @Test
    void a_resource_without_approval_confirms_at_once() {
        ResourceSpec open = aResource("Open room").capacity(10).timeZone("UTC").durationMinutes(15, 600)
                .bookableDaysAhead(60).build();
        fixture.given(new ResourceRegistered(R, open))
                .when(placeHold("b-1", at("09:00", "10:00")).byRoles("REQUESTER").build())
                .expectEvents(holdPlaced("b-1", at("09:00", "10:00")).build());
    }

    static final HoldPlaced HELD = holdPlaced("b-1", at("09:00", "10:00")).needingApproval("PT24H", OWNER).build();

    @Test
    void moving_an_approved_booking_holds_the_new_slot_beside_the_old_one_until_approved() {
        fixture.given(REGISTERED, HELD)
                .when(new MoveHold(R, "b-1", at("14:00", "15:00"), 10, NOW, List.of("APPROVER")))
                .expectEvents(new HoldMovePending(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), List.of(OWNER),
                        "PT24H", NOW));
    }

    @Test
    void while_a_move_waits_both_slots_are_taken() {
        var pending = new HoldMovePending(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), List.of(OWNER), "PT24H", NOW);
        fixture.given(REGISTERED, HELD, pending)
                .when(placeHold("b-2", at("14:30", "15:30")).build())
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(HoldRefused.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        fixture.given(REGISTERED, HELD, pending)
                .when(placeHold("b-2", at("09:30", "10:30")).build())
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(HoldRefused.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void an_approved_move_lets_the_old_slot_go() {
        var pending = new HoldMovePending(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), List.of(OWNER), "PT24H", NOW);
        fixture.given(REGISTERED, HELD, pending)
                .when(new CompleteMove(R, "b-1", at("14:00", "15:00")))
                .expectEvents(new HoldMoved(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), null));
        fixture.given(REGISTERED, HELD, pending,
                        new HoldMoved(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), null))
                .when(placeHold("b-2", at("09:00", "10:00")).build())
                .expectEvents(holdPlaced("b-2", at("09:00", "10:00")).needingApproval("PT24H", OWNER).build());
    }

    @Test
    void a_refused_move_lets_the_new_slot_go_and_keeps_the_old() {
        var pending = new HoldMovePending(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), List.of(OWNER), "PT24H", NOW);
        fixture.given(REGISTERED, HELD, pending)
                .when(new AbandonMove(R, "b-1", at("14:00", "15:00"), "rejected"))
                .expectEvents(new HoldMoveAbandoned(R, "b-1", at("14:00", "15:00"), "rejected"));
        fixture.given(REGISTERED, HELD, pending, new HoldMoveAbandoned(R, "b-1", at("14:00", "15:00"), "rejected"))
                .when(placeHold("b-2", at("14:00", "15:00")).build())
                .expectEvents(holdPlaced("b-2", at("14:00", "15:00")).needingApproval("PT24H", OWNER).build());
    }

    @Test
    void cancelling_the_booking_releases_both_slots_of_a_waiting_move() {
        var pending = new HoldMovePending(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), List.of(OWNER), "PT24H", NOW);
        fixture.given(REGISTERED, HELD, pending)
                .when(new ReleaseHold(R, "b-1", List.of()))
                .expectEvents(new HoldReleased(R, "b-1", List.of(at("09:00", "10:00"), at("14:00", "15:00"))));
    }

    @Test
    void a_hold_whose_move_awaits_approval_is_not_pruned_by_a_later_request_so_the_move_completes() {
        TimeRange d1 = new TimeRange(Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T11:00:00Z"));
        TimeRange d3 = new TimeRange(Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T11:00:00Z"));
        TimeRange d7 = new TimeRange(Instant.parse("2026-12-08T10:00:00Z"), Instant.parse("2026-12-08T11:00:00Z"));
        Instant d0 = Instant.parse("2026-12-01T08:00:00Z");
        Instant d2 = Instant.parse("2026-12-03T08:00:00Z"); // after d1 has ended
        fixture.given(REGISTERED,
                        holdPlaced("b", d1).needingApproval("PT24H", OWNER).requestedAt(d0).build(),
                        new HoldMovePending(R, "b", d1, d7, List.of(OWNER), "PT24H", d0),
                        holdPlaced("c", d3).needingApproval("PT24H", OWNER).requestedAt(d2).build())
                .when(new CompleteMove(R, "b", d7))
                .expectEvents(new HoldMoved(R, "b", d1, d7, null));
    }

    @Test
    void an_approved_move_of_one_date_of_a_series_moves_that_date_not_the_first() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        TimeRange nextTuesday = nextMonday.shiftedTo(nextMonday.start().plus(java.time.Duration.ofDays(1)));
        var pending = List.of(REGISTERED,
                holdPlaced("s", monday, nextMonday).needingApproval("PT24H", OWNER).build(),
                new HoldMovePending(R, "s", nextMonday, nextTuesday, List.of(OWNER), "PT24H", NOW));
        fixture.given(pending)
                .when(new CompleteMove(R, "s", nextTuesday))
                .expectEvents(new HoldMoved(R, "s", nextMonday, nextTuesday, null));
        var moved = new java.util.ArrayList<Object>(pending);
        moved.add(new HoldMoved(R, "s", nextMonday, nextTuesday, null));
        fixture.given(moved)
                .when(new ReleaseHold(R, "s", List.of()))
                .expectEvents(new HoldReleased(R, "s", List.of(monday, nextTuesday)));
    }
}
