package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.NOW;
import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule records the check-in policy in force when it places a hold (ADR 0033), and validates it. */
class ResourceScheduleCheckInTest {
    static final ResourceSpec PLAIN = aResource("Room A").build();
    static final ResourceSpec CHECK_IN = withCheckIn(new CheckInPolicy(true, 10));

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    static ResourceSpec withCheckIn(CheckInPolicy policy) {
        return new ResourceSpec(PLAIN.name(), PLAIN.capacity(), PLAIN.timeZone(), PLAIN.approvalRequired(),
                PLAIN.approvers(), PLAIN.bufferMinutes(), PLAIN.minDurationMinutes(), PLAIN.maxDurationMinutes(),
                PLAIN.bookingWindowDays(), PLAIN.approvalLevels(), PLAIN.approvalDeadline(), PLAIN.openingHours(),
                policy);
    }

    @Test
    void a_hold_carries_the_check_in_policy_in_force_when_it_was_placed() {
        fixture.given(new ResourceRegistered(R, CHECK_IN))
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectEvents(new HoldPlaced(R, "b-1", List.of(at("09:00", "10:00")), List.of(), List.of(), false, NOW,
                        List.of(), null, new CheckInPolicy(true, 10)));
        // a policy added later applies to holds from then on
        fixture.given(new ResourceRegistered(R, PLAIN), new ResourceChanged(R, CHECK_IN))
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectEvents(new HoldPlaced(R, "b-1", List.of(at("09:00", "10:00")), List.of(), List.of(), false, NOW,
                        List.of(), null, new CheckInPolicy(true, 10)));
    }

    @Test
    void a_window_outside_one_to_240_minutes_is_refused_naming_it() {
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(R, withCheckIn(new CheckInPolicy(true, 241))))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("checkIn.windowMinutes: must be between 1 and 240")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterResource(R, withCheckIn(new CheckInPolicy(false, 0))))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void releasing_a_no_show_date_frees_it_for_others() {
        fixture.given(new ResourceRegistered(R, CHECK_IN), new HoldPlaced(R, "b-1", List.of(at("09:00", "10:00")),
                        List.of(), List.of(), false, NOW, List.of(), null, new CheckInPolicy(true, 10)))
                .when(new ReleaseHold(R, "b-1", List.of(at("09:00", "10:00"))))
                .expectEvents(new HoldReleased(R, "b-1", List.of(at("09:00", "10:00"))));
    }
}
