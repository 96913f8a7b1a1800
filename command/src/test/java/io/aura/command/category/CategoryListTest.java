package io.aura.command.category;

import io.aura.command.Fixtures;
import io.aura.kernel.category.CategoryCommands;
import io.aura.kernel.category.CategoryCommands.DefineCategory;
import io.aura.kernel.category.CategoryCommands.RemoveCategory;
import io.aura.kernel.category.CategoryEvents.CategoryDefined;
import io.aura.kernel.category.CategoryEvents.CategoryRemoved;
import io.aura.kernel.category.CategorySpec;
import io.aura.kernel.validation.InvalidInputException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryListTest {
    static final String LIST = CategoryCommands.LIST_ID;

    FixtureConfiguration<CategoryList> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(CategoryList.class);
    }

    @Test
    void an_administrator_defines_the_first_category_and_its_colour_is_kept_in_capitals() {
        fixture.givenNoPriorActivity()
                .when(new DefineCategory("c-1", new CategorySpec(" Training ", "#1a6fd6")))
                .expectEvents(new CategoryDefined(LIST, "c-1", "Training", "#1A6FD6"));
    }

    @Test
    void a_name_another_category_holds_in_any_case_is_refused_and_nothing_is_recorded() {
        fixture.given(new CategoryDefined(LIST, "c-1", "Training", "#1A6FD6"))
                .when(new DefineCategory("c-2", new CategorySpec("TRAINING", "#2E7D32")))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_bad_colour_is_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new DefineCategory("c-1", new CategorySpec("Training", "blue")))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_removed_category_frees_its_name_and_a_second_removal_records_nothing() {
        fixture.given(new CategoryDefined(LIST, "c-1", "Training", "#1A6FD6"),
                        new CategoryRemoved(LIST, "c-1", "Training"))
                .when(new DefineCategory("c-2", new CategorySpec("training", "#2E7D32")))
                .expectEvents(new CategoryDefined(LIST, "c-2", "training", "#2E7D32"));
        fixture.given(new CategoryDefined(LIST, "c-1", "Training", "#1A6FD6"),
                        new CategoryRemoved(LIST, "c-1", "Training"))
                .when(new RemoveCategory("c-1"))
                .expectNoEvents();
    }

    @Test
    void a_category_is_removed() {
        fixture.given(new CategoryDefined(LIST, "c-1", "Training", "#1A6FD6"))
                .when(new RemoveCategory("c-1"))
                .expectEvents(new CategoryRemoved(LIST, "c-1", "Training"));
    }
}
