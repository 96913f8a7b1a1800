package io.aura.kernel.category;

import java.util.List;
import java.util.Optional;

/** What the read side knows of the category list. */
public final class CategoryQueries {
    private CategoryQueries() {}

    public record CategoryView(String categoryId, String name, String colour) {
        /** The category of this name in {@code list}, whatever its case. */
        public static Optional<CategoryView> named(List<CategoryView> list, String name) {
            return list.stream().filter(c -> CategorySpec.sameName(c.name(), name)).findFirst();
        }
    }

    /** Answers {@code List<CategoryView>}: every category, by name. */
    public record FindCategories() {}

    /** Answers {@code Optional<CategoryView>}; also a subscription query (read your writes). */
    public record FindCategory(String categoryId) {}
}
