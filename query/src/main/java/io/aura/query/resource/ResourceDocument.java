package io.aura.query.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A resource view as both stores keep it: the spec's fields flat beside the id and the linked
 * mailbox, the shape the MongoDB collection and the SQL rows' JSON always had, so views stored
 * before the view held its spec read as they are (no rebuild on upgrade). MongoDB unwraps the spec
 * by {@link Unwrapped}, the SQL store's JSON by {@link JsonUnwrapped}. {@code retired} is written only
 * for a retired resource (true), so a resource in service keeps the shape it always had.
 */
record ResourceDocument(
        @Id String id,
        @Unwrapped.Nullable @JsonUnwrapped ResourceSpec spec,
        String externalCalendar,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean retired) {

    static ResourceDocument from(ResourceView v) {
        return new ResourceDocument(v.id(), v.spec(), v.externalCalendar(), v.retired() ? Boolean.TRUE : null);
    }

    ResourceView toView() {
        return new ResourceView(id, spec, externalCalendar, Boolean.TRUE.equals(retired));
    }
}
