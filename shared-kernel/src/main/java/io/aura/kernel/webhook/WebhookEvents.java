package io.aura.kernel.webhook;

/**
 * Facts about webhook subscriptions: who sent booking and approval events where, and from when, is
 * part of the audit. The actor travels in the metadata; the secret is not recorded.
 */
public final class WebhookEvents {
    private WebhookEvents() {}

    public record WebhookRegistered(String webhookId, String url) {}

    public record WebhookRemoved(String webhookId) {}
}
