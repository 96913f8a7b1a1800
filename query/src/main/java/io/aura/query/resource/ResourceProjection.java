package io.aura.query.resource;

import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The list of resources people can book, one document per resource keyed by its id. */
@Component
@ProcessingGroup(ResourceProjection.PROCESSING_GROUP)
public class ResourceProjection {
    public static final String PROCESSING_GROUP = "resources";
    static final String COLLECTION = "resources";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;

    public ResourceProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
    }

    @EventHandler
    void on(ResourceRegistered event) {
        ResourceView view = ResourceView.of(event.resourceId(), event.spec());
        // save() upserts by _id, so a redelivered event leaves the same document behind.
        mongo.save(ResourceDocument.from(view), COLLECTION);
        emitter.emit(FindResource.class, q -> q.resourceId().equals(event.resourceId()), view);
    }

    @EventHandler
    void on(ExternalCalendarLinked event) {
        externalCalendar(event.resourceId(), event.mailbox());
    }

    @EventHandler
    void on(ExternalCalendarUnlinked event) {
        externalCalendar(event.resourceId(), null);
    }

    private void externalCalendar(String resourceId, String mailbox) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(resourceId)), new Update().set("externalCalendar", mailbox),
                COLLECTION);
        // whoever linked it waits for this (read your writes)
        Optional.ofNullable(mongo.findById(resourceId, ResourceDocument.class, COLLECTION)).map(ResourceDocument::toView)
                .ifPresent(view -> emitter.emit(FindResource.class, q -> q.resourceId().equals(resourceId), view));
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    List<ResourceView> handle(ListResources query) {
        return mongo.find(new Query().with(Sort.by("name", "_id")), ResourceDocument.class, COLLECTION).stream()
                .map(ResourceDocument::toView)
                .toList();
    }

    @QueryHandler
    Optional<ResourceView> handle(FindResource query) {
        return Optional.ofNullable(mongo.findById(query.resourceId(), ResourceDocument.class, COLLECTION))
                .map(ResourceDocument::toView);
    }
}
