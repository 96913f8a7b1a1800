package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.NOW;
import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.holdPlaced;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.OpeningHours.Interval;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening hours close the rest of the week: given a room in Berlin open Monday to Friday 08:00-18:00
 * (UTC+1 in December, so 07:00-17:00 UTC on the tests' Wednesday), a hold reaching outside them is refused
 * with the closed part as an OPENING_HOURS conflict, and the alternatives offered lie inside them.
 */
class ResourceScheduleOpeningHoursTest {
    static final ResourceSpec ROOM = aResource("Room A").durationMinutes(15, 240).bookableDaysAhead(30)
            .open(weekday(1), weekday(2), weekday(3), weekday(4), weekday(5)).build();
    static final ResourceRegistered REGISTERED = new ResourceRegistered(R, ROOM);

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    @Test
    void a_hold_from_seven_to_nine_is_refused_for_the_hour_before_opening_and_offered_slots_inside_opening_hours() {
        // 07:00-09:00 Berlin time is 06:00-08:00 UTC; the room opens at 07:00 UTC
        fixture.given(REGISTERED)
                .when(placeHold("b-1", at("06:00", "08:00")).build())
                .expectEvents(new HoldRefused(R, "b-1", List.of(at("06:00", "08:00")),
                        List.of(new Conflict(at("06:00", "07:00"), Conflict.Source.OPENING_HOURS, null,
                                at("06:00", "08:00"))),
                        List.of(),
                        List.of(at("07:00", "09:00"), at("07:15", "09:15"), at("07:30", "09:30"))));
    }

    @Test
    void a_hold_inside_opening_hours_is_held() {
        fixture.given(REGISTERED)
                .when(placeHold("b-1", at("07:00", "09:00")).build())
                .expectEvents(holdPlaced("b-1", at("07:00", "09:00")).build());
    }

    @Test
    void a_move_past_closing_time_is_refused_the_same_way() {
        fixture.given(REGISTERED, holdPlaced("b-1", at("09:00", "10:00")).build())
                .when(new MoveHold(R, "b-1", at("16:30", "17:30"), 4, NOW))
                .expectEvents(new HoldMoveRefused(R, "b-1", at("16:30", "17:30"),
                        List.of(new Conflict(at("17:00", "17:30"), Conflict.Source.OPENING_HOURS, null,
                                at("16:30", "17:30"))),
                        List.of()));
    }

    private static Interval weekday(int day) {
        return new Interval(day, "08:00", "18:00");
    }
}
