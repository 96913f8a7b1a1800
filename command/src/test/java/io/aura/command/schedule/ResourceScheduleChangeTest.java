package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.NOW;
import static io.aura.command.schedule.ScheduleTestData.R;
import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.holdPlaced;
import static io.aura.command.schedule.ScheduleTestData.placeHold;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.ResourceCommands.ChangeResource;
import io.aura.kernel.resource.ResourceCommands.RetireResource;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceEvents.ResourceRetired;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editing and retiring a resource: given its history, when an administrator changes it, expect the new event. */
class ResourceScheduleChangeTest {
    static final ResourceSpec ROOM = aResource("Room A").capacity(10).build();
    static final ResourceRegistered REGISTERED = new ResourceRegistered(R, ROOM);

    FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    @Test
    void an_edit_is_recorded_as_resource_changed_and_its_rules_decide_the_next_hold() {
        ResourceSpec smaller = aResource("Room A (small)").capacity(3).build();
        fixture.given(REGISTERED)
                .when(new ChangeResource(R, smaller))
                .expectEvents(new ResourceChanged(R, smaller));
        // four attendees fit the old room, not the edited one
        fixture.given(REGISTERED, new ResourceChanged(R, smaller))
                .when(placeHold("b-1", at("09:00", "10:00")).attendees(4).build())
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(HoldRefused.class), andNoMore())));
    }

    @Test
    void an_edit_breaking_a_rule_is_refused_and_records_nothing() {
        ResourceSpec noCapacity = aResource("Room A").capacity(0).build();
        fixture.given(REGISTERED)
                .when(new ChangeResource(R, noCapacity))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void saving_the_same_spec_again_records_nothing() {
        fixture.given(REGISTERED, new ResourceChanged(R, ROOM))
                .when(new ChangeResource(R, ROOM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retiring_records_resource_retired_once() {
        fixture.given(REGISTERED)
                .when(new RetireResource(R))
                .expectEvents(new ResourceRetired(R));
        fixture.given(REGISTERED, new ResourceRetired(R))
                .when(new RetireResource(R))
                .expectNoEvents();
    }

    @Test
    void a_retired_resource_refuses_a_new_hold_saying_it_is_retired() {
        fixture.given(REGISTERED, new ResourceRetired(R))
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectEvents(new HoldRefused(R, "b-1", List.of(at("09:00", "10:00")), List.of(),
                        List.of(ResourceSchedule.RETIRED), List.of()));
    }

    @Test
    void a_retired_resource_keeps_its_holds_releases_them_and_refuses_moves_to_new_slots() {
        var held = holdPlaced("b-1", at("09:00", "10:00")).build();
        fixture.given(REGISTERED, held, new ResourceRetired(R))
                .when(new ReleaseHold(R, "b-1", List.of()))
                .expectEvents(new HoldReleased(R, "b-1", List.of(at("09:00", "10:00"))));
        fixture.given(REGISTERED, held, new ResourceRetired(R))
                .when(new MoveHold(R, "b-1", at("11:00", "12:00"), 4, NOW))
                .expectEvents(new HoldMoveRefused(R, "b-1", at("11:00", "12:00"), List.of(),
                        List.of(ResourceSchedule.RETIRED)));
    }
}
