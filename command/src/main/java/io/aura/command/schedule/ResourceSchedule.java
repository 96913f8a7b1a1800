package io.aura.command.schedule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.resource.ResourceCommands.ChangeResource;
import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceCommands.RetireResource;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceEvents.ResourceRetired;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleBook;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.LinkExternalCalendar;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.RecordExternalBusy;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleCommands.RemoveBlackout;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveAbandoned;
import io.aura.kernel.schedule.ScheduleEvents.HoldMovePending;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * A room, venue or piece of equipment with its booking rules and its schedule. It is the
 * consistency boundary for one resource: it alone decides overlaps, one command at a time
 * (optimistic locking on its event stream), so two overlapping holds can never both succeed, on
 * one node or many.
 *
 * <p>The schedule itself and every decision on it are the kernel's {@link ScheduleBook} (ADR 0048): this
 * aggregate keeps the resource's rules, hands each command to the book and records what it answers, so the
 * policy what-if, replaying history through a book of its own, decides exactly as this does.
 */
// Stored events name their aggregate type "Resource" (its name until ADR 0022): one stream per schedule, old and new.
@AggregateRoot(type = "Resource")
public class ResourceSchedule {
    static final int SUGGESTIONS = ScheduleBook.SUGGESTIONS;
    static final FieldViolation RETIRED = ScheduleBook.RETIRED;

    @AggregateIdentifier
    private String resourceId;

    private ResourceSpec spec;
    /** retired: no new holds, and no moves to new slots; the holds it has stay */
    private boolean retired;
    private final ScheduleBook book = new ScheduleBook();

    protected ResourceSchedule() {}

    @CommandHandler
    public ResourceSchedule(RegisterResource command) {
        var violations = command.spec().violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new ResourceRegistered(command.resourceId(), command.spec()));
    }

    /** An edit: the new rules apply to holds from now on; holds placed under the old ones stay. */
    @CommandHandler
    void handle(ChangeResource c) {
        var violations = c.spec().violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!c.spec().equals(spec)) { // the same spec again (a retried save) records nothing
            apply(new ResourceChanged(resourceId, c.spec()));
        }
    }

    @CommandHandler
    void handle(RetireResource c) {
        if (!retired) {
            apply(new ResourceRetired(resourceId));
        }
    }

    @CommandHandler
    void handle(PlaceHold c) {
        record(book.placeHold(spec, retired, c, true));
    }

    @CommandHandler
    void handle(MoveHold c) {
        record(book.moveHold(spec, retired, c));
    }

    @CommandHandler
    void handle(CompleteMove c) {
        record(book.completeMove(c));
    }

    @CommandHandler
    void handle(AbandonMove c) {
        record(book.abandonMove(c));
    }

    @CommandHandler
    void handle(ReleaseHold c) {
        record(book.releaseHold(c));
    }

    @CommandHandler
    void handle(AddBlackout c) {
        record(book.addBlackout(spec, c));
    }

    @CommandHandler
    void handle(RemoveBlackout c) {
        record(book.removeBlackout(c));
    }

    @CommandHandler
    void handle(LinkExternalCalendar c) {
        record(book.linkExternalCalendar(c));
    }

    /** A fresh read of the linked calendar: recorded only where it differs from what the schedule knows. */
    @CommandHandler
    void handle(RecordExternalBusy c) {
        record(book.recordExternalBusy(c));
    }

    /** Each event the book decided, in order (each folded in before the next is applied). */
    private static void record(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(ResourceRegistered event) {
        resourceId = event.resourceId();
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(ResourceChanged event) {
        spec = event.spec();
    }

    @EventSourcingHandler
    void on(ResourceRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(HoldPlaced event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(HoldRefused event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(HoldMoved event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(HoldMovePending event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(HoldMoveAbandoned event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(HoldReleased event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(BlackoutAdded event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(BlackoutRemoved event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(ExternalCalendarLinked event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(ExternalCalendarUnlinked event) {
        book.on(event);
    }

    @EventSourcingHandler
    void on(ExternalBusyChanged event) {
        book.on(event);
    }
}
