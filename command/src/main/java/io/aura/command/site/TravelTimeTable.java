package io.aura.command.site;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.site.SiteCommands;
import io.aura.kernel.site.SiteCommands.SetTravelTime;
import io.aura.kernel.site.SiteEvents.TravelTimeSet;
import io.aura.kernel.site.SiteQueries.TravelTime;
import io.aura.kernel.site.SiteRules;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The travel times between sites, one table for the organisation: a time holds either way, and setting the same
 * time again records nothing. That both sites exist is checked where the request enters (they are other
 * aggregates).
 */
public class TravelTimeTable {

    @AggregateIdentifier
    private String id;

    /** minutes per unordered pair of sites ("a|b", a before b) */
    private final Map<String, Integer> minutes = new HashMap<>();

    protected TravelTimeTable() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetTravelTime command) {
        id = SiteCommands.TRAVEL_TIMES_ID;
        List<FieldViolation> violations = SiteRules.travelViolations(command.fromSiteId(), command.toSiteId(),
                command.minutes());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Integer known = minutes.get(TravelTime.pairKey(command.fromSiteId(), command.toSiteId()));
        if (known == null || known != command.minutes()) {
            apply(new TravelTimeSet(command.fromSiteId(), command.toSiteId(), command.minutes()));
        }
    }

    @EventSourcingHandler
    void on(TravelTimeSet event) {
        id = SiteCommands.TRAVEL_TIMES_ID;
        minutes.put(TravelTime.pairKey(event.fromSiteId(), event.toSiteId()), event.minutes());
    }
}
