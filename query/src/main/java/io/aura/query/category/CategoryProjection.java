package io.aura.query.category;

import io.aura.kernel.category.CategoryEvents.CategoryDefined;
import io.aura.kernel.category.CategoryEvents.CategoryRemoved;
import io.aura.kernel.category.CategoryQueries.CategoryView;
import io.aura.kernel.category.CategoryQueries.FindCategories;
import io.aura.kernel.category.CategoryQueries.FindCategory;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** The booking categories (ADR 0040), folded by {@link CategoryFold}. */
@Component
@ProcessingGroup(CategoryProjection.PROCESSING_GROUP)
public class CategoryProjection {
    public static final String PROCESSING_GROUP = "categories";

    private final CategoryStore store;
    private final QueryUpdateEmitter emitter;

    public CategoryProjection(CategoryStore store, QueryUpdateEmitter emitter) {
        this.store = store;
        this.emitter = emitter;
    }

    @EventHandler
    void on(CategoryDefined event) {
        CategoryView category = CategoryFold.defined(event);
        store.save(category);
        emitter.emit(FindCategory.class, q -> q.categoryId().equals(category.categoryId()), category);
    }

    @EventHandler
    void on(CategoryRemoved event) {
        store.remove(event.categoryId());
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    @QueryHandler
    List<CategoryView> handle(FindCategories query) {
        return store.categories();
    }

    @QueryHandler
    Optional<CategoryView> handle(FindCategory query) {
        return store.category(query.categoryId());
    }
}
