package io.aura.kernel.webhook;

import io.aura.kernel.TargetsAggregate;

/** Commands of a webhook subscription. Its signing secret never travels in a command: it stays out of the log. */
public final class WebhookCommands {
    private WebhookCommands() {}

    public record RegisterWebhook(String webhookId, String url) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return webhookId;
        }
    }

    public record RemoveWebhook(String webhookId) implements TargetsAggregate {
        @Override
        public String targetAggregateId() {
            return webhookId;
        }
    }
}
