package io.aura.app.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook registrations as the webhook processor has seen them, their signing secrets (written by the
 * API before it registers: never in an event), and the delivery outbox that the processor fills and
 * {@link WebhookOutbox} drains. Adapters: {@link SqlWebhookStore} (embedded default: the processor's
 * writes commit with its token) and {@link MongoWebhookStore} (production: deliveries are
 * insert-only, so a redelivered event queues nothing twice); one contract test suite holds both to the
 * same behaviour.
 */
public interface WebhookStore {
    record Registration(String id, String url, String createdBy, Instant createdAt) {}

    /**
     * One event for one webhook; its id (the event's and the webhook's) is the receiver's key for
     * deduplication.
     */
    record Delivery(String id, String webhookId, String url, String secret, String eventType, String body,
                    DeliveryStatus status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError) {}

    // ---- secrets: written by the API -----------------------------------------------------------

    void saveSecret(String webhookId, String secret);

    Optional<String> secret(String webhookId);

    /** The secrets of those of the webhooks that have one, by webhook id. */
    Map<String, String> secrets(Collection<String> webhookIds);

    // ---- registrations: written by the processor ------------------------------------------------

    void saveRegistration(Registration registration);

    /**
     * Forgets a removed webhook: what still waits to be delivered to it is CANCELLED, its secret and
     * its registration go (the registration last).
     */
    void remove(String webhookId);

    Optional<Registration> registration(String webhookId);

    /** Every registration, oldest first. */
    List<Registration> registrations();

    // ---- the delivery outbox --------------------------------------------------------------------

    /** Queues a delivery unless one with its id is there already (then that one stays as it is). */
    void addDelivery(Delivery delivery);

    /**
     * Claims the PENDING delivery due longest by moving its next attempt to {@code leaseUntil}: of several
     * senders claiming at once each delivery goes to one only, and to another only once the lease has passed.
     *
     * @return the claimed delivery (as it is after the claim), or empty when nothing is due
     */
    Optional<Delivery> claimDue(Instant now, Instant leaseUntil);

    /** Delivered (HTTP {@code httpStatus}), one attempt more; only while still PENDING (a removal has the last word). */
    void delivered(String deliveryId, int httpStatus);

    /** A failed attempt: PENDING to retry at {@code nextAttemptAt}, or FAILED; only while still PENDING. */
    void failed(String deliveryId, DeliveryStatus status, int attempts, Integer httpStatus, String error,
                Instant nextAttemptAt);

    /** The deliveries queued for one webhook, in no particular order. */
    List<Delivery> deliveriesOf(String webhookId);

    // ---- erasure (ADR 0046): rare, so these may read every delivery --------------------------------

    /** The deliveries whose body contains {@code text}, queued or done, this batch's included; in no particular order. */
    List<Delivery> deliveriesContaining(String text);

    /** The delivery's body is {@code body} from now on (an erased person's words gone), whatever its status. */
    void replaceBody(String deliveryId, String body);
}
