package io.aura.kernel.webhook;

/** Whether a webhook is registered, as the delivering side sees it (for read-your-writes after a change). */
public final class WebhookQueries {
    private WebhookQueries() {}

    public record WatchWebhook(String webhookId) {}

    public record WebhookState(String webhookId, boolean registered) {}
}
