package io.aura.command.site;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.site.SiteCommands.RegisterSite;
import io.aura.kernel.site.SiteEvents.SiteRegistered;
import io.aura.kernel.site.SiteRules;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A place resources belong to (an office, a campus): its name and time zone. */
public class Site {

    @AggregateIdentifier
    private String siteId;

    protected Site() {}

    @CommandHandler
    public Site(RegisterSite command) {
        List<FieldViolation> violations = SiteRules.violations(command.name(), command.timeZone());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new SiteRegistered(command.siteId(), command.name(), command.timeZone()));
    }

    @EventSourcingHandler
    void on(SiteRegistered event) {
        siteId = event.siteId();
    }
}
