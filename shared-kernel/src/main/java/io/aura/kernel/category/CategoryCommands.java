package io.aura.kernel.category;

import io.aura.kernel.TargetsAggregate;

/**
 * Commands of the category list (ADR 0040): one aggregate holds every category, so that a name is unique
 * whoever defines it at the same time.
 */
public final class CategoryCommands {
    private CategoryCommands() {}

    /** The one category list's aggregate id. */
    public static final String LIST_ID = "categories";

    public record DefineCategory(String categoryId, CategorySpec spec) implements TargetsAggregate {
        public String targetAggregateId() { return LIST_ID; }
    }

    public record RemoveCategory(String categoryId) implements TargetsAggregate {
        public String targetAggregateId() { return LIST_ID; }
    }
}
