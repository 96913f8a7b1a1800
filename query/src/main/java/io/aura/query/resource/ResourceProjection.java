package io.aura.query.resource;

import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceEvents.ResourceRetired;
import io.aura.kernel.resource.ResourceQueries.FindResource;
import io.aura.kernel.resource.ResourceQueries.ListResources;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * The list of resources people can book. Each handler computes the resource's next view with
 * {@link ResourceViewFold} and the {@link ResourceViewStore} saves it; a redelivered event computes
 * the same view again (the events of one processor are redelivered in order, from the first one
 * not committed).
 */
@Component
@ProcessingGroup(ResourceProjection.PROCESSING_GROUP)
public class ResourceProjection {
    public static final String PROCESSING_GROUP = "resources";

    private final ResourceViewStore views;
    private final QueryUpdateEmitter emitter;

    public ResourceProjection(ResourceViewStore views, QueryUpdateEmitter emitter) {
        this.views = views;
        this.emitter = emitter;
    }

    @EventHandler
    void on(ResourceRegistered event) {
        save(ResourceViewFold.registered(event));
    }

    @EventHandler
    void on(ResourceChanged event) {
        views.find(event.resourceId()).map(v -> ResourceViewFold.changed(v, event)).ifPresent(this::save);
    }

    @EventHandler
    void on(ResourceRetired event) {
        views.find(event.resourceId()).map(ResourceViewFold::retired).ifPresent(this::save);
    }

    @EventHandler
    void on(ExternalCalendarLinked event) {
        views.find(event.resourceId()).map(v -> ResourceViewFold.externalCalendar(v, event.mailbox()))
                .ifPresent(this::save);
    }

    @EventHandler
    void on(ExternalCalendarUnlinked event) {
        views.find(event.resourceId()).map(v -> ResourceViewFold.externalCalendar(v, null)).ifPresent(this::save);
    }

    /** Whoever registered or linked it waits for this (read your writes). */
    private void save(ResourceView view) {
        views.save(view);
        emitter.emit(FindResource.class, q -> q.resourceId().equals(view.id()), view);
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        views.clear();
    }

    @QueryHandler
    List<ResourceView> handle(ListResources query) {
        return query.includeRetired() ? views.all() : views.all().stream().filter(v -> !v.retired()).toList();
    }

    @QueryHandler
    Optional<ResourceView> handle(FindResource query) {
        return views.find(query.resourceId());
    }
}
