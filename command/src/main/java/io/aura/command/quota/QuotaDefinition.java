package io.aura.command.quota;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.aura.kernel.quota.QuotaCommands.DefineQuota;
import io.aura.kernel.quota.QuotaCommands.RemoveQuota;
import io.aura.kernel.quota.QuotaEvents.QuotaDefined;
import io.aura.kernel.quota.QuotaEvents.QuotaRemoved;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A quota an administrator defined (ADR 0034). Its rules hold however the command arrives; once removed it
 * is gone: loading it again fails as "not found", so a second removal records nothing.
 */
public class QuotaDefinition {

    @AggregateIdentifier
    private String quotaId;

    protected QuotaDefinition() {}

    @CommandHandler
    public QuotaDefinition(DefineQuota command) {
        List<FieldViolation> violations = command.spec() == null
                ? List.of(new FieldViolation("period", "is required"))
                : command.spec().violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        apply(new QuotaDefined(command.quotaId(), command.spec()));
    }

    @CommandHandler
    public void handle(RemoveQuota command) {
        apply(new QuotaRemoved(quotaId));
    }

    @EventSourcingHandler
    void on(QuotaDefined event) {
        quotaId = event.quotaId();
    }

    @EventSourcingHandler
    void on(QuotaRemoved event) {
        markDeleted();
    }
}
