package io.aura.query.feed;

import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedIssued;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedRotated;
import io.aura.kernel.feed.CalendarFeedQueries.CalendarFeedView;
import io.aura.kernel.feed.CalendarFeedQueries.FindCalendarFeedBySecretHash;
import io.aura.kernel.feed.CalendarFeedQueries.FindCalendarFeedOf;
import io.aura.kernel.identity.UserEvents.UserErased;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** Calendar feeds by owner and by secret hash (ADR 0032), folded by {@link CalendarFeedFold}. */
@Component
@ProcessingGroup(CalendarFeedProjection.PROCESSING_GROUP)
public class CalendarFeedProjection {
    public static final String PROCESSING_GROUP = "calendar-feeds";

    private final CalendarFeedStore feeds;
    private final QueryUpdateEmitter emitter;

    public CalendarFeedProjection(CalendarFeedStore feeds, QueryUpdateEmitter emitter) {
        this.feeds = feeds;
        this.emitter = emitter;
    }

    @EventHandler
    void on(CalendarFeedIssued event) {
        save(CalendarFeedFold.issued(event));
    }

    @EventHandler
    void on(CalendarFeedRotated event) {
        save(CalendarFeedFold.rotated(feeds.ofOwner(event.ownerId()).orElse(null), event));
    }

    /**
     * An erased person's feed is revoked (ADR 0046): the URL they may have shared opens nothing. A feed issued
     * after this (it cannot be: the account is disabled) would be a new one.
     */
    @EventHandler
    void on(UserErased event) {
        feeds.forget(event.username());
    }

    /** Whoever asked for links or rotated waits for this (read your writes). */
    private void save(CalendarFeedView view) {
        feeds.save(view);
        emitter.emit(FindCalendarFeedOf.class, q -> q.ownerId().equals(view.ownerId()), view);
    }

    @ResetHandler
    void reset() {
        feeds.clear();
    }

    @QueryHandler
    Optional<CalendarFeedView> handle(FindCalendarFeedOf query) {
        return feeds.ofOwner(query.ownerId());
    }

    @QueryHandler
    Optional<CalendarFeedView> handle(FindCalendarFeedBySecretHash query) {
        return feeds.bySecretHash(query.secretHash());
    }
}
