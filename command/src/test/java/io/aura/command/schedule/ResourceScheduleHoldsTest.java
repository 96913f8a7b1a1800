package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.NOW;
import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.holdPlaced;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleCommands.RemoveBlackout;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule decides overlaps: given its holds and blackouts, when a hold is asked for, expect held or refused. */
class ResourceScheduleHoldsTest {
    static final ResourceSpec ROOM = aResource("Room A").capacity(10).bufferMinutes(10).durationMinutes(15, 240)
            .bookableDaysAhead(30).build();
    static final ResourceRegistered REGISTERED = new ResourceRegistered(R, ROOM);

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    @Test
    void a_free_slot_is_held() {
        fixture.given(REGISTERED)
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectEvents(holdPlaced("b-1", at("09:00", "10:00")).build());
    }

    @Test
    void an_overlapping_slot_is_refused_naming_the_booking_it_overlaps_and_suggesting_free_slots() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(placeHold("b-2", at("09:30", "10:30")).build())
                .expectEvents(new HoldRefused(R, "b-2", List.of(at("09:30", "10:30")),
                        List.of(new Conflict(at("09:00", "10:00"), Conflict.Source.BOOKING, "b-1", at("09:30", "10:30"))),
                        List.of(),
                        // nearest first: the earlier side is blocked back to 07:45 by the 10-minute buffer
                        List.of(at("10:15", "11:15"), at("10:30", "11:30"), at("10:45", "11:45"))));
    }

    @Test
    void the_buffer_counts_on_both_sides() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(placeHold("b-2", at("10:05", "11:00")).build())
                .expectEventsMatching(onlyARefusal());
    }

    @Test
    void back_to_back_with_the_buffer_respected_is_held() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(placeHold("b-2", at("10:10", "11:00")).build())
                .expectEvents(holdPlaced("b-2", at("10:10", "11:00")).build());
    }

    @Test
    void a_blackout_refuses_the_slot() {
        fixture.given(REGISTERED, new BlackoutAdded(R, "x-1", at("12:00", "14:00"), "cleaning"))
                .when(placeHold("b-1", at("13:00", "13:30")).build())
                .expectEventsMatching(onlyARefusal());
    }

    @Test
    void a_blackout_added_again_under_its_id_records_nothing_so_a_holiday_file_imports_once() {
        fixture.given(REGISTERED, new BlackoutAdded(R, "x-1", at("00:00", "23:00"), "holiday"))
                .when(new AddBlackout(R, "x-1", at("00:00", "23:00"), "holiday"))
                .expectNoEvents();
    }

    @Test
    void a_removed_blackout_opens_its_slot_again_and_removing_it_twice_records_nothing() {
        var added = new BlackoutAdded(R, "x-1", at("12:00", "14:00"), "cleaning");
        var removed = new BlackoutRemoved(R, "x-1", at("12:00", "14:00"));
        fixture.given(REGISTERED, added).when(new RemoveBlackout(R, "x-1")).expectEvents(removed);
        fixture.given(REGISTERED, added, removed)
                .when(placeHold("b-1", at("13:00", "13:30")).build())
                .expectEvents(holdPlaced("b-1", at("13:00", "13:30")).build());
        fixture.given(REGISTERED, added, removed).when(new RemoveBlackout(R, "x-1")).expectNoEvents();
        fixture.given(REGISTERED).when(new RemoveBlackout(R, "x-unknown")).expectNoEvents();
    }

    @Test
    void a_blackout_outside_the_years_1970_to_2200_is_refused_naming_its_start() {
        fixture.given(REGISTERED)
                .when(new AddBlackout(R, "x-1", new TimeRange(java.time.Instant.parse("0001-01-01T00:00:00Z"),
                        java.time.Instant.parse("2026-12-31T00:00:00Z")), null))
                .expectException(io.aura.kernel.validation.InvalidInputException.class)
                .expectExceptionMessage("start: must be between 1970-01-01 and 2200-01-01")
                .expectNoEvents();
    }

    @Test
    void a_broken_rule_is_refused_naming_the_rule() {
        fixture.given(REGISTERED)
                .when(placeHold("b-1", at("09:00", "10:00")).attendees(11).build())
                .expectEvents(new HoldRefused(R, "b-1", List.of(at("09:00", "10:00")), List.of(),
                        List.of(FieldViolation.of("attendees", Rule.OVER_CAPACITY, 11, 10)),
                        List.of()));
    }

    @Test
    void a_redelivered_hold_for_the_same_booking_changes_nothing() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectNoEvents();
    }

    @Test
    void a_booking_the_schedule_has_decided_is_not_decided_again_after_a_refusal_or_a_release() {
        TimeRange slot = at("09:00", "10:00");
        var decided = new Object[] {REGISTERED,
                holdPlaced("a", slot).build(),
                new HoldRefused(R, "b", List.of(slot), List.of(new Conflict(slot, Conflict.Source.BOOKING, "a", slot)),
                        List.of(), List.of()),
                new HoldReleased(R, "a", List.of(slot))};
        fixture.given(decided)
                .when(placeHold("b", slot).build())
                .expectNoEvents();
        fixture.given(decided)
                .when(placeHold("a", slot).build())
                .expectNoEvents();
    }

    @Test
    void a_released_hold_frees_the_slot() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build(),
                        new HoldReleased(R, "b-1", List.of(at("09:00", "10:00"))))
                .when(placeHold("b-2", at("09:00", "10:00")).build())
                .expectEvents(holdPlaced("b-2", at("09:00", "10:00")).build());
    }

    @Test
    void releasing_moves_and_blackouts() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(new ReleaseHold(R, "b-1", List.of()))
                .expectEvents(new HoldReleased(R, "b-1", List.of(at("09:00", "10:00"))));
        fixture.given(REGISTERED)
                .when(new AddBlackout(R, "x-1", at("12:00", "14:00"), "cleaning"))
                .expectEvents(new BlackoutAdded(R, "x-1", at("12:00", "14:00"), "cleaning"));
    }

    @Test
    void a_blackout_reason_longer_than_500_characters_is_refused_and_records_nothing() {
        fixture.given(REGISTERED)
                .when(new AddBlackout(R, "x-1", at("12:00", "14:00"), "x".repeat(501)))
                .expectException(io.aura.kernel.validation.InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_hold_moves_onto_its_own_old_slot_overlap_but_not_onto_another_booking() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(new MoveHold(R, "b-1", at("09:30", "10:30"), 4, NOW))
                .expectEvents(new HoldMoved(R, "b-1", at("09:00", "10:00"), at("09:30", "10:30"), NOW));
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build(),
                        holdPlaced("b-2", at("12:00", "13:00")).build())
                .when(new MoveHold(R, "b-1", at("12:30", "13:30"), 4, NOW))
                .expectEvents(new HoldMoveRefused(R, "b-1", at("12:30", "13:30"),
                        List.of(new Conflict(at("12:00", "13:00"), Conflict.Source.BOOKING, "b-2", at("12:30", "13:30"))),
                        List.of()));
    }

    @Test
    void holds_that_have_ended_no_longer_decide_anything() {
        Instant later = Instant.parse("2026-12-03T08:00:00Z");
        TimeRange tomorrow = new TimeRange(Instant.parse("2026-12-03T09:00:00Z"), Instant.parse("2026-12-03T10:00:00Z"));
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build(),
                        holdPlaced("b-2", tomorrow).requestedAt(later).build())
                .when(placeHold("b-3", tomorrow.shiftedTo(Instant.parse("2026-12-03T11:00:00Z"))).attendees(1)
                        .requestedAt(later).build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_series_with_one_conflicting_occurrence_is_refused_whole_by_default_naming_that_occurrence() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        fixture.given(REGISTERED, holdPlaced("b-1", nextMonday).build())
                .when(placeHold("s-1", monday, nextMonday).build())
                .expectEvents(new HoldRefused(R, "s-1", List.of(monday, nextMonday),
                        List.of(new Conflict(nextMonday, Conflict.Source.BOOKING, "b-1", nextMonday)), List.of(),
                        List.of()));
    }

    @Test
    void skip_conflicts_holds_the_free_occurrences_and_lists_the_skipped_one() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        Conflict conflict = new Conflict(nextMonday, Conflict.Source.BOOKING, "b-1", nextMonday);
        fixture.given(REGISTERED, holdPlaced("b-1", nextMonday).build())
                .when(placeHold("s-1", monday, nextMonday).skippingConflicts().build())
                .expectEvents(holdPlaced("s-1", monday).skipping(nextMonday, conflict).build());
    }

    @Test
    void releasing_one_occurrence_of_a_series_frees_just_that_slot() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        fixture.given(REGISTERED, holdPlaced("s-1", monday, nextMonday).build(),
                        new HoldReleased(R, "s-1", List.of(nextMonday)))
                .when(placeHold("b-2", nextMonday).build())
                .expectEvents(holdPlaced("b-2", nextMonday).build());
    }

    @Test
    void one_date_of_a_series_moves_and_frees_its_old_time_while_the_other_dates_stay_held() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        TimeRange nextTuesday = nextMonday.shiftedTo(nextMonday.start().plus(java.time.Duration.ofDays(1)));
        fixture.given(REGISTERED, holdPlaced("s-1", monday, nextMonday).build())
                .when(new MoveHold(R, "s-1", nextMonday, nextTuesday, 4, NOW, List.of()))
                .expectEvents(new HoldMoved(R, "s-1", nextMonday, nextTuesday, NOW));
        var moved = List.of(REGISTERED, holdPlaced("s-1", monday, nextMonday).build(),
                new HoldMoved(R, "s-1", nextMonday, nextTuesday, NOW));
        fixture.given(moved)
                .when(placeHold("b-2", nextMonday).build())
                .expectEvents(holdPlaced("b-2", nextMonday).build());
        fixture.given(moved)
                .when(placeHold("b-3", monday).build())
                .expectEventsMatching(onlyARefusal());
        fixture.given(moved)
                .when(placeHold("b-4", nextTuesday).build())
                .expectEventsMatching(onlyARefusal());
    }

    @Test
    void a_date_of_a_series_may_not_move_onto_another_of_its_dates() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        TimeRange besideMonday = at("10:05", "11:00"); // inside the 10-minute buffer of the series' own Monday
        fixture.given(REGISTERED, holdPlaced("s-1", monday, nextMonday).build())
                .when(new MoveHold(R, "s-1", nextMonday, besideMonday, 4, NOW, List.of()))
                .expectEvents(new HoldMoveRefused(R, "s-1", besideMonday,
                        List.of(new Conflict(monday, Conflict.Source.BOOKING, "s-1", besideMonday)), List.of()));
    }

    @Test
    void a_series_without_a_date_named_cannot_move_as_a_whole() {
        TimeRange monday = at("09:00", "10:00");
        TimeRange nextMonday = monday.shiftedTo(monday.start().plus(java.time.Duration.ofDays(7)));
        fixture.given(REGISTERED, holdPlaced("s-1", monday, nextMonday).build())
                .when(new MoveHold(R, "s-1", at("12:00", "13:00"), 4, NOW))
                .expectEvents(new HoldMoveRefused(R, "s-1", at("12:00", "13:00"), List.of(),
                        List.of(FieldViolation.of("bookingId", Rule.SERIES_MOVED_WHOLE))));
    }

    private static org.hamcrest.Matcher<java.util.List<org.axonframework.messaging.Message<?>>> onlyARefusal() {
        return org.axonframework.test.matchers.Matchers.exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(
                        org.hamcrest.Matchers.instanceOf(HoldRefused.class)),
                org.axonframework.test.matchers.Matchers.andNoMore());
    }
}
