package io.aura.command.feed;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.feed.CalendarFeedCommands;
import io.aura.kernel.feed.CalendarFeedCommands.IssueCalendarFeed;
import io.aura.kernel.feed.CalendarFeedCommands.RotateCalendarFeed;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedIssued;
import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedRotated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A person's calendar feed secret (ADR 0032). Issuing is idempotent (asking for one's links twice gives
 * one secret); rotating replaces it, so every URL made from the old secret stops working. The edge draws
 * the nonce and computes the hash: the aggregate records them, in order, for the audit and the view.
 */
public class CalendarFeed {

    @AggregateIdentifier
    private String feedId;

    private boolean issued;

    protected CalendarFeed() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueCalendarFeed command) {
        if (!issued) {
            apply(new CalendarFeedIssued(CalendarFeedCommands.feedId(command.ownerId()), command.ownerId(),
                    command.nonce(), command.secretHash()));
        }
    }

    /** Rotating a feed never issued issues it: either way the owner ends with this secret only. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RotateCalendarFeed command) {
        String id = CalendarFeedCommands.feedId(command.ownerId());
        if (issued) {
            apply(new CalendarFeedRotated(id, command.ownerId(), command.nonce(), command.secretHash()));
        } else {
            apply(new CalendarFeedIssued(id, command.ownerId(), command.nonce(), command.secretHash()));
        }
    }

    @EventSourcingHandler
    void on(CalendarFeedIssued event) {
        feedId = event.feedId();
        issued = true;
    }
}
