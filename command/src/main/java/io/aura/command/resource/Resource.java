package io.aura.command.resource;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.resource.ResourceCommands.RegisterResource;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.validation.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A room, venue or piece of equipment with its booking rules. */
public class Resource {

    @AggregateIdentifier
    private String resourceId;

    protected Resource() {}

    @CommandHandler
    public Resource(RegisterResource command) {
        var violations = command.spec().violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new ResourceRegistered(command.resourceId(), command.spec()));
    }

    @EventSourcingHandler
    void on(ResourceRegistered event) {
        resourceId = event.resourceId();
    }
}
