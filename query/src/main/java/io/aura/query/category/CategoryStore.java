package io.aura.query.category;

import io.aura.kernel.category.CategoryQueries.CategoryView;
import java.util.List;
import java.util.Optional;

/**
 * Where the category list is kept (folded by {@link CategoryFold}). Adapters: {@link SqlCategoryStore} (embedded
 * default) and {@link MongoCategoryStore} (production); {@code CategoryStoreContract} holds both to the same
 * behaviour.
 */
public interface CategoryStore {

    /** Every category, by name (ignoring case), then id. */
    List<CategoryView> categories();

    Optional<CategoryView> category(String categoryId);

    void save(CategoryView category);

    void remove(String categoryId);

    /** Forgets everything (a replay starts from nothing). */
    void clear();
}
