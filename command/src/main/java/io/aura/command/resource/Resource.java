package io.aura.command.resource;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.FreeSlots;
import io.aura.kernel.schedule.IntervalIndex;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.ScheduleRules;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A room, venue or piece of equipment with its booking rules and its schedule. It is the
 * consistency boundary for one resource: it alone decides overlaps, one command at a time
 * (optimistic locking on its event stream), so two overlapping holds can never both succeed, on
 * one node or many. Holds that have ended are dropped from its state (ADR 0005).
 */
public class Resource {
    static final int SUGGESTIONS = 3;

    @AggregateIdentifier
    private String resourceId;

    private ResourceSpec spec;
    private final IntervalIndex<String> holds = new IntervalIndex<>();
    private final IntervalIndex<String> blackouts = new IntervalIndex<>();

    protected Resource() {}

    @CommandHandler
    public Resource(RegisterResource command) {
        var violations = command.spec().violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new ResourceRegistered(command.resourceId(), command.spec()));
    }

    @CommandHandler
    void handle(PlaceHold c) {
        if (c.range().equals(holds.get(c.bookingId()))) {
            return; // already held for this booking: a redelivered command changes nothing
        }
        List<FieldViolation> violations = ScheduleRules.check(spec, c.range(), c.attendees(), c.requestedAt());
        List<Conflict> conflicts = violations.isEmpty() ? conflictsWith(c.range(), c.bookingId()) : List.of();
        if (violations.isEmpty() && conflicts.isEmpty()) {
            apply(new HoldPlaced(resourceId, c.bookingId(), c.range(), spec.approvalRequired(), c.requestedAt()));
        } else {
            List<TimeRange> suggestions = conflicts.isEmpty() ? List.of() : nearestFree(c.range(), c.requestedAt());
            apply(new HoldRefused(resourceId, c.bookingId(), c.range(), conflicts, violations, suggestions));
        }
    }

    @CommandHandler
    void handle(MoveHold c) {
        TimeRange from = holds.get(c.bookingId());
        if (from == null) {
            apply(new HoldMoveRefused(resourceId, c.bookingId(), c.to(), List.of(),
                    List.of(new FieldViolation("bookingId", "holds nothing on this resource"))));
            return;
        }
        List<FieldViolation> violations = ScheduleRules.check(spec, c.to(), c.attendees(), c.requestedAt());
        List<Conflict> conflicts = violations.isEmpty() ? conflictsWith(c.to(), c.bookingId()) : List.of();
        if (violations.isEmpty() && conflicts.isEmpty()) {
            apply(new HoldMoved(resourceId, c.bookingId(), from, c.to(), c.requestedAt()));
        } else {
            apply(new HoldMoveRefused(resourceId, c.bookingId(), c.to(), conflicts, violations));
        }
    }

    @CommandHandler
    void handle(ReleaseHold c) {
        TimeRange range = holds.get(c.bookingId());
        if (range != null) {
            apply(new HoldReleased(resourceId, c.bookingId(), range));
        }
    }

    @CommandHandler
    void handle(AddBlackout c) {
        apply(new BlackoutAdded(resourceId, c.blackoutId(), c.range(), c.reason()));
    }

    /** Holds of other bookings and blackouts within the resource's buffer of {@code range}. */
    private List<Conflict> conflictsWith(TimeRange range, String ownBookingId) {
        TimeRange widened = range.widenedBy(Duration.ofMinutes(spec.bufferMinutes()));
        List<Conflict> conflicts = new ArrayList<>();
        for (var hold : holds.overlapping(widened)) {
            if (!hold.key().equals(ownBookingId)) {
                conflicts.add(new Conflict(hold.range(), Conflict.Source.BOOKING, hold.key()));
            }
        }
        for (var blackout : blackouts.overlapping(widened)) {
            conflicts.add(new Conflict(blackout.range(), Conflict.Source.BLACKOUT, null));
        }
        return conflicts;
    }

    private List<TimeRange> nearestFree(TimeRange wanted, Instant now) {
        Instant latest = now.plus(Duration.ofDays(spec.bookingWindowDays()));
        return FreeSlots.nearest(wanted, now, latest, SUGGESTIONS, candidate -> conflictsWith(candidate, null).isEmpty());
    }

    @EventSourcingHandler
    void on(ResourceRegistered event) {
        resourceId = event.resourceId();
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(HoldPlaced event) {
        // Past holds decide nothing any more: dropping them keeps the state as small as the future.
        holds.removeEndingBefore(event.requestedAt());
        holds.put(event.bookingId(), event.range());
    }

    @EventSourcingHandler
    void on(HoldMoved event) {
        holds.put(event.bookingId(), event.to());
    }

    @EventSourcingHandler
    void on(HoldReleased event) {
        holds.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(BlackoutAdded event) {
        blackouts.put(event.blackoutId(), event.range());
    }
}
