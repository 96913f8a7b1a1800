package io.aura.app.notify;

/** Where a webhook delivery is; stored by its name, as the outbox always wrote it. */
public enum DeliveryStatus {
    /** Waiting in the outbox (due at its next attempt). */
    PENDING,
    DELIVERED,
    /** Given up after {@link WebhookOutbox#MAX_ATTEMPTS}. */
    FAILED,
    /** Not sent, and never will be: its host pointed at a private address when it was due ({@link WebhookTargets}). */
    REFUSED,
    /** Its webhook was removed before it was delivered. */
    CANCELLED
}
