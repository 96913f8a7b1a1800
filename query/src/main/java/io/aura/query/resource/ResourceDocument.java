package io.aura.query.resource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.resource.ResourceSpec;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A resource view as both stores keep it: the spec's fields flat beside the id and the linked
 * mailbox, the shape the MongoDB collection and the SQL rows' JSON always had, so views stored
 * before the view held its spec read as they are (no rebuild on upgrade). MongoDB unwraps the spec
 * by {@link Unwrapped}, the SQL store's JSON by {@link JsonUnwrapped}.
 */
record ResourceDocument(
        @Id String id,
        @Unwrapped.Nullable @JsonUnwrapped ResourceSpec spec,
        String externalCalendar) {

    static ResourceDocument from(ResourceView v) {
        return new ResourceDocument(v.id(), v.spec(), v.externalCalendar());
    }

    ResourceView toView() {
        return new ResourceView(id, spec, externalCalendar);
    }
}
