package io.aura.command.resource;

import io.aura.command.Fixtures;
import io.aura.kernel.resource.ResourceCommands.ClaimResourceName;
import io.aura.kernel.resource.ResourceCommands.ReleaseResourceName;
import io.aura.kernel.resource.ResourceEvents.ResourceNameClaimed;
import io.aura.kernel.resource.ResourceEvents.ResourceNameReleased;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A name is held by at most one resource: given its claims, when a resource claims it, expect claimed or refused. */
class ResourceNameTest {
    FixtureConfiguration<ResourceName> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(ResourceName.class);
    }

    @Test
    void a_free_name_is_claimed() {
        fixture.givenNoPriorActivity()
                .when(new ClaimResourceName("Hall", "r-1"))
                .expectEvents(new ResourceNameClaimed("Hall", "r-1"));
    }

    @Test
    void a_name_held_by_another_resource_is_refused_naming_the_field_whatever_its_case_and_spaces() {
        fixture.given(new ResourceNameClaimed("Hall", "r-1"))
                .when(new ClaimResourceName(" hALL ", "r-2"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("name: " + Rule.RESOURCE_NAME_TAKEN.englishPattern())
                .expectNoEvents();
    }

    @Test
    void the_holder_claiming_again_records_nothing() {
        fixture.given(new ResourceNameClaimed("Hall", "r-1"))
                .when(new ClaimResourceName("Hall", "r-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_released_name_is_free_again_and_only_its_holder_releases_it() {
        fixture.given(new ResourceNameClaimed("Hall", "r-1"))
                .when(new ReleaseResourceName("Hall", "r-2"))
                .expectNoEvents();
        fixture.given(new ResourceNameClaimed("Hall", "r-1"))
                .when(new ReleaseResourceName("Hall", "r-1"))
                .expectEvents(new ResourceNameReleased("Hall", "r-1"));
        fixture.given(new ResourceNameClaimed("Hall", "r-1"), new ResourceNameReleased("Hall", "r-1"))
                .when(new ClaimResourceName("hall", "r-2"))
                .expectEvents(new ResourceNameClaimed("hall", "r-2"));
    }
}
