package io.aura.query.resource;

import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.util.List;
import java.util.Optional;

/**
 * Where resource views are kept (one record per resource, computed by {@link ResourceViewFold}): the
 * port the resource projection writes through and every reader of resources asks. The store only
 * saves what the fold computed. Adapters: {@link SqlResourceViewStore} (embedded default, plain SQL
 * that PostgreSQL runs too) and {@link MongoResourceViewStore} (production);
 * {@code ResourceViewStoreContract} holds both to the same behaviour.
 */
public interface ResourceViewStore {

    Optional<ResourceView> find(String resourceId);

    /** Stores the resource's view as it is now (replacing the one before). */
    void save(ResourceView view);

    /** Every resource, retired ones too, by name, then id. */
    List<ResourceView> all();

    /**
     * The resources in service (not retired) seating at least {@code attendees}, except
     * {@code excludedResourceId} (none excluded when null), smallest capacity first, then by id.
     */
    List<ResourceView> seating(int attendees, String excludedResourceId);

    /** Forgets every resource (a replay starts from nothing). */
    void clear();
}
