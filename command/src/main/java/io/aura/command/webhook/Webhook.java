package io.aura.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.webhook.WebhookCommands.RegisterWebhook;
import io.aura.kernel.webhook.WebhookCommands.RemoveWebhook;
import io.aura.kernel.webhook.WebhookEvents.WebhookRegistered;
import io.aura.kernel.webhook.WebhookEvents.WebhookRemoved;
import io.aura.kernel.webhook.WebhookUrls;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A URL that receives booking and approval events. Once removed it is gone: loading it again fails
 * as "not found", so a second removal records nothing.
 */
public class Webhook {

    @AggregateIdentifier
    private String webhookId;

    protected Webhook() {}

    @CommandHandler
    public Webhook(RegisterWebhook command) {
        if (!WebhookUrls.isHttpUrl(command.url())) {
            throw new InvalidInputException(List.of(FieldViolation.of("url", Rule.WEBHOOK_URL)));
        }
        apply(new WebhookRegistered(command.webhookId(), command.url()));
    }

    @CommandHandler
    public void handle(RemoveWebhook command) {
        apply(new WebhookRemoved(webhookId));
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        webhookId = event.webhookId();
    }

    @EventSourcingHandler
    void on(WebhookRemoved event) {
        markDeleted();
    }
}
