package io.aura.kernel.category;

/** Facts about the category list (ADR 0040), past tense, never changed. */
public final class CategoryEvents {
    private CategoryEvents() {}

    public record CategoryDefined(String listId, String categoryId, String name, String colour) {}

    /** Gone from the list; bookings that carry its name keep it. */
    public record CategoryRemoved(String listId, String categoryId, String name) {}
}
