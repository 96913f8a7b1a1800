package io.aura.query.category;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.category.CategoryEvents.CategoryDefined;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import org.junit.jupiter.api.Test;

/** What every category store does, whichever database holds it (SQL and MongoDB subclasses). */
abstract class CategoryStoreContract {
    static final CategoryView TRAINING = new CategoryView("c-1", "Training", "#1A6FD6");
    static final CategoryView INTERVIEW = new CategoryView("c-2", "interview", "#2E7D32");

    abstract CategoryStore store();

    @Test
    void defined_categories_are_listed_by_name_whatever_its_case_and_a_removed_one_is_gone() {
        store().save(CategoryFold.defined(new CategoryDefined("categories", "c-1", "Training", "#1A6FD6")));
        store().save(CategoryFold.defined(new CategoryDefined("categories", "c-2", "interview", "#2E7D32")));

        assertThat(store().categories()).containsExactly(INTERVIEW, TRAINING);
        assertThat(store().category("c-1")).contains(TRAINING);

        store().remove("c-1");

        assertThat(store().category("c-1")).isEmpty();
        assertThat(store().categories()).containsExactly(INTERVIEW);
    }

    @Test
    void a_redelivered_definition_saves_the_same_category_once_and_clear_forgets_them_all() {
        store().save(TRAINING);
        store().save(TRAINING);

        assertThat(store().categories()).containsExactly(TRAINING);

        store().clear();

        assertThat(store().categories()).isEmpty();
    }
}
