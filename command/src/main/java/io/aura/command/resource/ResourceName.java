package io.aura.command.resource;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.resource.ResourceCommands.ClaimResourceName;
import io.aura.kernel.resource.ResourceCommands.ReleaseResourceName;
import io.aura.kernel.resource.ResourceEvents.ResourceNameClaimed;
import io.aura.kernel.resource.ResourceEvents.ResourceNameReleased;
import io.aura.kernel.resource.ResourceNames;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One resource name (compared by {@link ResourceNames#key}) and the resource holding it, if any: the
 * consistency boundary that makes names unique across resources (ADR 0028). Its id is derived from the
 * name, so two first claims of one name append the same stream's first event and the event store lets
 * only one of them in; later claims load it and see who holds it.
 */
public class ResourceName {

    @AggregateIdentifier
    private String claimId;
    /** the resource holding the name; null while nobody does */
    private String holder;

    protected ResourceName() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClaimResourceName c) {
        if (holder != null && !holder.equals(c.resourceId())) {
            throw new InvalidInputException(List.of(FieldViolation.of("name", Rule.RESOURCE_NAME_TAKEN)));
        }
        if (holder == null) { // held by this resource already: a retried claim records nothing
            apply(new ResourceNameClaimed(c.name(), c.resourceId()));
        }
    }

    @CommandHandler
    void handle(ReleaseResourceName c) {
        if (c.resourceId().equals(holder)) {
            apply(new ResourceNameReleased(c.name(), c.resourceId()));
        }
    }

    @EventSourcingHandler
    void on(ResourceNameClaimed e) {
        claimId = ResourceNames.claimId(e.name());
        holder = e.resourceId();
    }

    @EventSourcingHandler
    void on(ResourceNameReleased e) {
        holder = null;
    }
}
