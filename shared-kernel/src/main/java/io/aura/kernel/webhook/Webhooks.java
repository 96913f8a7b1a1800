package io.aura.kernel.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Webhook subscriptions, implemented where secrets are kept and commands sent. The HTTP API and the
 * administration view both use it, so a webhook registered in the UI goes through the same checks.
 */
public interface Webhooks {

    record Subscription(String id, String url, String createdBy, Instant createdAt) {}

    /**
     * Registers {@code url}; deliveries follow once this returns.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming {@code url} and/or {@code secret}
     */
    Subscription register(String url, String secret);

    List<Subscription> all();

    /** @return false if there is no such webhook (never registered, or removed already) */
    boolean remove(String id);
}
