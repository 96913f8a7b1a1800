package io.aura.query.waitlist;

import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryExpired;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryFulfilled;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryReturned;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistJoined;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistLeft;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistQueries.FindWaitlistOf;
import io.aura.kernel.waitlist.WaitlistQueries.WaitlistEntryView;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** Waitlist entries by id and by owner, with their positions (ADR 0036), folded by {@link WaitlistFold}. */
@Component
@ProcessingGroup(WaitlistProjection.PROCESSING_GROUP)
public class WaitlistProjection {
    public static final String PROCESSING_GROUP = "waitlists";

    private final WaitlistViewStore entries;
    private final QueryUpdateEmitter emitter;

    public WaitlistProjection(WaitlistViewStore entries, QueryUpdateEmitter emitter) {
        this.entries = entries;
        this.emitter = emitter;
    }

    @EventHandler
    void on(WaitlistJoined event) {
        save(WaitlistFold.joined(event));
    }

    @EventHandler
    void on(WaitlistLeft event) {
        move(event.entryId(), WaitlistEntryStatus.LEFT, null);
    }

    @EventHandler
    void on(WaitlistEntryPromoted event) {
        move(event.entryId(), WaitlistEntryStatus.PROMOTED, event.bookingId());
    }

    @EventHandler
    void on(WaitlistEntryReturned event) {
        move(event.entryId(), WaitlistEntryStatus.WAITING, null);
    }

    @EventHandler
    void on(WaitlistEntryFulfilled event) {
        move(event.entryId(), WaitlistEntryStatus.FULFILLED, event.bookingId());
    }

    @EventHandler
    void on(WaitlistEntryExpired event) {
        move(event.entryId(), WaitlistEntryStatus.EXPIRED, null);
    }

    /** The owner's entries forget what they wrote (ADR 0046); a replay forgets it again at the same point. */
    @EventHandler
    void on(UserErased event) {
        entries.ofOwner(event.username()).stream().map(WaitlistFold::erased).forEach(this::save);
    }

    private void move(String entryId, WaitlistEntryStatus status, String bookingId) {
        entries.find(entryId).map(before -> WaitlistFold.moved(before, status, bookingId)).ifPresent(this::save);
    }

    /** Whoever joined or left waits for this (read your writes). */
    private void save(WaitlistEntryView view) {
        entries.save(view);
        emitter.emit(FindWaitlistEntry.class, q -> q.entryId().equals(view.entryId()), positioned(view));
    }

    @ResetHandler
    void reset() {
        entries.clear();
    }

    @QueryHandler
    Optional<WaitlistEntryView> handle(FindWaitlistEntry query) {
        return entries.find(query.entryId()).map(this::positioned);
    }

    @QueryHandler
    List<WaitlistEntryView> handle(FindWaitlistOf query) {
        return entries.ofOwner(query.owner()).stream().map(this::positioned).toList();
    }

    private WaitlistEntryView positioned(WaitlistEntryView view) {
        return view.status().isOpen() ? WaitlistFold.positioned(view, entries.openOf(view.resourceId())) : view;
    }
}
