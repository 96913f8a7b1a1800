package io.aura.query.category;

import io.aura.kernel.category.CategoryEvents.CategoryDefined;
import io.aura.kernel.category.CategoryQueries.CategoryView;

/** The category view from its event: pure, so a redelivered event computes the same again. */
public final class CategoryFold {
    private CategoryFold() {}

    public static CategoryView defined(CategoryDefined event) {
        return new CategoryView(event.categoryId(), event.name(), event.colour());
    }
}
