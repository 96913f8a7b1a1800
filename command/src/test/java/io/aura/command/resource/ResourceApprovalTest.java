package io.aura.command.resource;

import io.aura.command.Fixtures;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
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
class ResourceApprovalTest {
    static final String R = "r-1";
    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    static final ApprovalLevel OWNER = new ApprovalLevel("room owner", List.of("olga"), null, 0, 0, List.of(), List.of());
    static final ApprovalLevel BIG_EVENTS = new ApprovalLevel("facilities", List.of("fred"), null, 50, 0, List.of(),
            List.of());
    static final ApprovalLevel LONG_ONES = new ApprovalLevel("long bookings", List.of("lena"), null, 0, 180, List.of(),
            List.of());
    static final ApprovalLevel REQUESTERS_ONLY = new ApprovalLevel("requesters", List.of("rita"), null, 0, 0,
            List.of("REQUESTER"), List.of());
    static final ResourceSpec HALL = new ResourceSpec("Hall", 500, "Europe/Berlin", false, List.of(), 0, 15, 600, 60,
            List.of(OWNER, BIG_EVENTS, LONG_ONES, REQUESTERS_ONLY), "PT24H");
    static final ResourceRegistered REGISTERED = new ResourceRegistered(R, HALL);

    static TimeRange at(String start, String end) {
        return new TimeRange(Instant.parse("2026-12-02T" + start + ":00Z"), Instant.parse("2026-12-02T" + end + ":00Z"));
    }

    FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Resource.class);
    }

    @Test
    void a_small_short_meeting_by_an_approver_needs_only_the_room_owner() {
        fixture.given(REGISTERED)
                .when(new PlaceHold(R, "b-1", List.of(at("09:00", "10:00")), ConflictPolicy.ALL_OR_NOTHING, 10, NOW,
                        List.of("APPROVER")))
                .expectEvents(new HoldPlaced(R, "b-1", List.of(at("09:00", "10:00")), List.of(), List.of(), true, NOW,
                        List.of(OWNER), "PT24H"));
    }

    @Test
    void a_large_long_event_by_a_requester_needs_every_level_in_order() {
        fixture.given(REGISTERED)
                .when(new PlaceHold(R, "b-1", List.of(at("09:00", "13:00")), ConflictPolicy.ALL_OR_NOTHING, 120, NOW,
                        List.of("REQUESTER")))
                .expectEvents(new HoldPlaced(R, "b-1", List.of(at("09:00", "13:00")), List.of(), List.of(), true, NOW,
                        List.of(OWNER, BIG_EVENTS, LONG_ONES, REQUESTERS_ONLY), "PT24H"));
    }

    @Test
    void a_resource_without_approval_confirms_at_once() {
        ResourceSpec open = new ResourceSpec("Open room", 10, "UTC", false, List.of(), 0, 15, 600, 60);
        fixture.given(new ResourceRegistered(R, open))
                .when(new PlaceHold(R, "b-1", List.of(at("09:00", "10:00")), ConflictPolicy.ALL_OR_NOTHING, 4, NOW,
                        List.of("REQUESTER")))
                .expectEvents(new HoldPlaced(R, "b-1", List.of(at("09:00", "10:00")), List.of(), List.of(), false, NOW,
                        List.of(), null));
    }

    static final HoldPlaced HELD = new HoldPlaced(R, "b-1", List.of(at("09:00", "10:00")), List.of(), List.of(), true,
            NOW, List.of(OWNER), "PT24H");

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
                .when(new PlaceHold(R, "b-2", List.of(at("14:30", "15:30")), ConflictPolicy.ALL_OR_NOTHING, 4, NOW))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(HoldRefused.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        fixture.given(REGISTERED, HELD, pending)
                .when(new PlaceHold(R, "b-2", List.of(at("09:30", "10:30")), ConflictPolicy.ALL_OR_NOTHING, 4, NOW))
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
                .when(new PlaceHold(R, "b-2", List.of(at("09:00", "10:00")), ConflictPolicy.ALL_OR_NOTHING, 4, NOW))
                .expectEvents(new HoldPlaced(R, "b-2", List.of(at("09:00", "10:00")), List.of(), List.of(), true, NOW,
                        List.of(OWNER), "PT24H"));
    }

    @Test
    void a_refused_move_lets_the_new_slot_go_and_keeps_the_old() {
        var pending = new HoldMovePending(R, "b-1", at("09:00", "10:00"), at("14:00", "15:00"), List.of(OWNER), "PT24H", NOW);
        fixture.given(REGISTERED, HELD, pending)
                .when(new AbandonMove(R, "b-1", at("14:00", "15:00"), "rejected"))
                .expectEvents(new HoldMoveAbandoned(R, "b-1", at("14:00", "15:00"), "rejected"));
        fixture.given(REGISTERED, HELD, pending, new HoldMoveAbandoned(R, "b-1", at("14:00", "15:00"), "rejected"))
                .when(new PlaceHold(R, "b-2", List.of(at("14:00", "15:00")), ConflictPolicy.ALL_OR_NOTHING, 4, NOW))
                .expectEvents(new HoldPlaced(R, "b-2", List.of(at("14:00", "15:00")), List.of(), List.of(), true, NOW,
                        List.of(OWNER), "PT24H"));
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
                        new HoldPlaced(R, "b", List.of(d1), List.of(), List.of(), true, d0, List.of(OWNER), "PT24H"),
                        new HoldMovePending(R, "b", d1, d7, List.of(OWNER), "PT24H", d0),
                        new HoldPlaced(R, "c", List.of(d3), List.of(), List.of(), true, d2, List.of(OWNER), "PT24H"))
                .when(new CompleteMove(R, "b", d7))
                .expectEvents(new HoldMoved(R, "b", d1, d7, null));
    }
}
