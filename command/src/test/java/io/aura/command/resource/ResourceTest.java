package io.aura.command.resource;

import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private FixtureConfiguration<Resource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Resource.class);
    }

    @Test
    void registering_a_valid_room_records_resource_registered() {
        var spec = new ResourceSpec("Room A", 8, "Europe/Berlin", false, List.of(), 10, 15, 240, 90);
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("r-1", spec))
                .expectEvents(new ResourceRegistered("r-1", spec));
    }

    @Test
    void a_room_with_an_unknown_time_zone_is_refused_and_nothing_is_recorded() {
        var spec = new ResourceSpec("Room A", 8, "Europe/Atlantis", false, List.of(), 10, 15, 240, 90);
        fixture.givenNoPriorActivity()
                .when(new RegisterResource("r-1", spec))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
