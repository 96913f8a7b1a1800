package io.aura.app.waitlist;

import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.WaitlistCommands;
import io.aura.kernel.waitlist.WaitlistCommands.OfferFreedTime;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Offers time the schedule freed to the resource's waitlist (ADR 0036): a released hold (a cancellation,
 * a cancelled date, a rejected or expired approval, a no-show) or the old slot of a move. The waitlist
 * decides who is first. A resource nobody ever waited for has no waitlist: the event store (not a view,
 * which may lag behind a join) says so, and nothing is sent. Never replayed: a replay would ask for
 * bookings again.
 */
@ProcessingGroup(FreedTimeOffers.PROCESSING_GROUP)
@Component
@DisallowReplay
public class FreedTimeOffers {
    public static final String PROCESSING_GROUP = "waitlist-offers";

    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;

    public FreedTimeOffers(CommandGateway commands, EventStore events, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /** {@code occurrences}: what was released (a whole booking lists every date it held). */
    @EventHandler
    void on(HoldReleased event) {
        offer(event.resourceId(), event.occurrences());
    }

    @EventHandler
    void on(HoldMoved event) {
        if (event.from() != null) {
            offer(event.resourceId(), List.of(event.from()));
        }
    }

    private void offer(String resourceId, List<TimeRange> freed) {
        if (freed == null || freed.isEmpty()
                || events.lastSequenceNumberFor(WaitlistCommands.waitlistId(resourceId)).isEmpty()) {
            return;
        }
        commands.sendAndWait(new OfferFreedTime(resourceId, freed, clock.instant()));
    }
}
