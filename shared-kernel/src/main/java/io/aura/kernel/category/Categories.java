package io.aura.kernel.category;

import io.aura.kernel.category.CategoryQueries.CategoryView;
import java.util.List;

/** The category list for the HTTP API and the web UI alike (ADR 0040); implemented in the app. */
public interface Categories {

    /**
     * Defines a category and answers it once the view shows it.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming each bad field (a taken name too); nothing
     *                                                         is recorded then
     */
    CategoryView define(CategorySpec spec);

    /** Every category, by name. */
    List<CategoryView> all();

    /** False when there is no such category (never defined, or removed already). */
    boolean remove(String categoryId);
}
