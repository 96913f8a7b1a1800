package io.aura.command.schedule;

import static io.aura.command.schedule.ScheduleTestData.aResource;
import static io.aura.command.schedule.ScheduleTestData.at;
import static io.aura.command.schedule.ScheduleTestData.placeHold;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceScheduleRegistrationTest {

    private FixtureConfiguration<ResourceSchedule> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceSchedule.class);
    }

    @Test
    void registering_a_valid_room_records_resource_registered() {
        var spec = aResource("Room A").capacity(8).bufferMinutes(10).durationMinutes(15, 240).bookableDaysAhead(90)
                .build();
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("r-1", spec))
                .expectEvents(new ResourceRegistered("r-1", spec));
    }

    @Test
    void a_room_with_an_unknown_time_zone_is_refused_and_nothing_is_recorded() {
        var spec = aResource("Room A").capacity(8).timeZone("Europe/Atlantis").bufferMinutes(10)
                .durationMinutes(15, 240).bookableDaysAhead(90).build();
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("r-1", spec))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    /** Stored events carry the type "Resource", the aggregate's name before ADR 0022: one stream, old and new. */
    @Test
    void its_events_are_stored_under_the_aggregate_type_resource() {
        ResourceSpec room = aResource("Room A").build();
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("r-1", room))
                .expectEventsMatching(allOfAggregateType("Resource"));
        fixture.given(new ResourceRegistered("r-1", room))
                .when(placeHold("b-1", at("09:00", "10:00")).build())
                .expectEventsMatching(allOfAggregateType("Resource"));
    }

    /** At least one event, each appended as an event of the aggregate type {@code type}. */
    private static Matcher<List<EventMessage<?>>> allOfAggregateType(String type) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty() && events.stream()
                        .allMatch(e -> e instanceof DomainEventMessage<?> d && type.equals(d.getType()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events of the aggregate type ").appendValue(type);
            }
        };
    }
}
