package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.ClaimRace;
import io.aura.app.notify.WebhookStore.Delivery;
import io.aura.app.notify.WebhookStore.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** What every webhook store does, whatever keeps it: each adapter's test extends this with its own store. */
abstract class WebhookStoreContract {
    static final Instant T = Instant.parse("2030-01-07T09:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(1);

    abstract WebhookStore store();

    static Registration hook(String id, Instant at) {
        return new Registration(id, "https://hooks.example.org/" + id, "admin", at);
    }

    static Delivery delivery(String id, String webhookId, Instant due) {
        return new Delivery(id, webhookId, "https://hooks.example.org/" + webhookId, "secret-of-" + webhookId,
                "BookingRequested", "{\"id\":\"" + id + "\"}", DeliveryStatus.PENDING, 0, due, null, null);
    }

    static Delivery withBody(String id, String body, DeliveryStatus status) {
        return new Delivery(id, "w-1", "https://hooks.example.org/w-1", "secret-of-w-1", "BookingRequested", body,
                status, 0, T, null, null);
    }

    @Test
    void the_deliveries_containing_a_text_are_found_queued_or_done_this_batch_s_included() {
        store().addDelivery(withBody("d-1", "{\"payload\":{\"requester\":\"alice\"}}", DeliveryStatus.PENDING));
        store().addDelivery(withBody("d-2", "{\"payload\":{\"requester\":\"alice\"}}", DeliveryStatus.DELIVERED));
        store().addDelivery(withBody("d-3", "{\"payload\":{\"requester\":\"alice_b\"}}", DeliveryStatus.PENDING));
        store().addDelivery(withBody("d-4", "{\"payload\":{\"requester\":\"al%ce\"}}", DeliveryStatus.PENDING));

        assertThat(store().deliveriesContaining("\"alice\"")).extracting(Delivery::id)
                .containsExactlyInAnyOrder("d-1", "d-2");
        assertThat(store().deliveriesContaining("\"al%ce\"")).extracting(Delivery::id).containsExactly("d-4");
        assertThat(store().deliveriesContaining("\"alic_\"")).isEmpty(); // _ is no wildcard

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().addDelivery(withBody("d-5", "{\"payload\":{\"by\":\"alice\"}}", DeliveryStatus.PENDING));
            assertThat(store().deliveriesContaining("\"alice\"")).extracting(Delivery::id)
                    .containsExactlyInAnyOrder("d-1", "d-2", "d-5");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
    }

    @Test
    void a_replaced_body_is_the_one_kept_and_sent_whatever_the_delivery_s_status_this_batch_s_included() {
        store().addDelivery(withBody("d-1", "{\"title\":\"Surprise\"}", DeliveryStatus.PENDING));
        store().addDelivery(withBody("d-2", "{\"title\":\"Surprise\"}", DeliveryStatus.DELIVERED));

        store().replaceBody("d-2", "{\"title\":\"[erased]\"}");
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().addDelivery(withBody("d-3", "{\"title\":\"Surprise\"}", DeliveryStatus.PENDING));
            store().replaceBody("d-1", "{\"title\":\"[erased]\"}");
            store().replaceBody("d-3", "{\"title\":\"[erased]\"}");
            assertThat(store().deliveriesContaining("Surprise")).isEmpty();
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        store().replaceBody("nothing", "{}");

        assertThat(store().deliveriesOf("w-1")).extracting(Delivery::body).containsOnly("{\"title\":\"[erased]\"}")
                .hasSize(3);
        assertThat(store().claimDue(T, T.plus(LEASE))).map(Delivery::body).contains("{\"title\":\"[erased]\"}");
    }

    @Test
    void a_secret_is_kept_by_webhook_and_replaced_when_saved_again() {
        store().saveSecret("h-1", "first-secret-0123456789");
        store().saveSecret("h-2", "other-secret-0123456789");
        store().saveSecret("h-1", "second-secret-0123456789");

        assertThat(store().secret("h-1")).contains("second-secret-0123456789");
        assertThat(store().secret("h-3")).isEmpty();
        assertThat(store().secrets(List.of("h-1", "h-2", "h-3")))
                .isEqualTo(Map.of("h-1", "second-secret-0123456789", "h-2", "other-secret-0123456789"));
        assertThat(store().secrets(List.of())).isEmpty();
    }

    @Test
    void registrations_are_found_by_id_and_listed_oldest_first() {
        store().saveRegistration(hook("h-2", T.plusSeconds(60)));
        store().saveRegistration(hook("h-1", T));

        assertThat(store().registration("h-1")).contains(hook("h-1", T));
        assertThat(store().registration("h-3")).isEmpty();
        assertThat(store().registrations()).containsExactly(hook("h-1", T), hook("h-2", T.plusSeconds(60)));
    }

    @Test
    void removing_a_webhook_cancels_what_waits_for_it_and_forgets_its_secret_and_registration() {
        store().saveSecret("h-1", "secret-0123456789abc");
        store().saveRegistration(hook("h-1", T));
        store().saveRegistration(hook("h-2", T));
        store().addDelivery(delivery("waiting", "h-1", T));
        store().addDelivery(delivery("done", "h-1", T.minusSeconds(10)));
        store().addDelivery(delivery("other-hook", "h-2", T));
        store().claimDue(T, T.plus(LEASE)); // "done"
        store().delivered("done", 200);

        store().remove("h-1");

        assertThat(store().registration("h-1")).isEmpty();
        assertThat(store().registrations()).extracting(Registration::id).containsExactly("h-2");
        assertThat(store().secret("h-1")).isEmpty();
        assertThat(statusOf("h-1", "waiting")).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(store().deliveriesOf("h-1")).filteredOn(d -> d.id().equals("waiting")).singleElement()
                .extracting(Delivery::lastError).isEqualTo("webhook removed");
        assertThat(statusOf("h-1", "done")).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(statusOf("h-2", "other-hook")).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void a_delivery_is_queued_once_and_a_second_add_of_its_id_changes_nothing() {
        Delivery first = delivery("d-1", "h-1", T);
        store().addDelivery(first);
        store().addDelivery(new Delivery("d-1", "h-1", "https://elsewhere.example.org/", "s", "Other", "{}",
                DeliveryStatus.PENDING, 0, T.plusSeconds(60), null, null));

        assertThat(store().deliveriesOf("h-1")).containsExactly(first);
        assertThat(store().deliveriesOf("h-2")).isEmpty();
    }

    @Test
    void the_delivery_due_longest_is_claimed_first_and_not_again_until_its_lease_has_passed() {
        store().addDelivery(delivery("later", "h-1", T.minusSeconds(10)));
        store().addDelivery(delivery("earlier", "h-1", T.minusSeconds(20)));
        store().addDelivery(delivery("not-yet", "h-1", T.plusSeconds(10)));

        Delivery claimed = store().claimDue(T, T.plus(LEASE)).orElseThrow();
        assertThat(claimed.id()).isEqualTo("earlier");
        assertThat(claimed.nextAttemptAt()).isEqualTo(T.plus(LEASE));
        assertThat(claimed.secret()).isEqualTo("secret-of-h-1");
        assertThat(claimed.body()).isEqualTo("{\"id\":\"earlier\"}");
        assertThat(store().claimDue(T, T.plus(LEASE)).orElseThrow().id()).isEqualTo("later");
        assertThat(store().claimDue(T, T.plus(LEASE))).isEmpty();
        assertThat(store().claimDue(T.plus(LEASE), T.plus(LEASE).plus(LEASE))).isPresent();
    }

    @Test
    void a_failed_attempt_waits_for_its_next_one_and_is_given_up_at_last() {
        store().addDelivery(delivery("d-1", "h-1", T));
        store().claimDue(T, T.plus(LEASE));

        store().failed("d-1", DeliveryStatus.PENDING, 1, 503, "HTTP 503", T.plusSeconds(2));

        Delivery failed = only("h-1");
        assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastStatus()).isEqualTo(503);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        assertThat(store().claimDue(T.plusSeconds(1), T.plusSeconds(1).plus(LEASE))).isEmpty();
        assertThat(store().claimDue(T.plusSeconds(2), T.plusSeconds(2).plus(LEASE))).isPresent();

        store().failed("d-1", DeliveryStatus.FAILED, 10, null, "connection refused", T.plusSeconds(3600));

        assertThat(only("h-1").status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(only("h-1").lastStatus()).isNull();
        assertThat(store().claimDue(T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void a_delivery_counts_its_attempt_and_a_cancelled_one_stays_cancelled_whatever_its_sender_reports() {
        store().saveRegistration(hook("h-1", T));
        store().addDelivery(delivery("delivered", "h-1", T));
        store().addDelivery(delivery("cancelled", "h-1", T.plusSeconds(1)));
        store().claimDue(T, T.plus(LEASE));
        store().claimDue(T.plusSeconds(1), T.plus(LEASE));
        store().delivered("delivered", 204);

        store().remove("h-1");
        store().delivered("cancelled", 200);
        store().failed("cancelled", DeliveryStatus.PENDING, 1, 500, "HTTP 500", T.plusSeconds(2));

        Delivery delivered = store().deliveriesOf("h-1").stream().filter(d -> d.id().equals("delivered")).findFirst()
                .orElseThrow();
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastStatus()).isEqualTo(204);
        assertThat(statusOf("h-1", "cancelled")).isEqualTo(DeliveryStatus.CANCELLED);
    }

    @Test
    void two_senders_claiming_at_the_same_time_take_each_delivery_once() throws Exception {
        for (int i = 0; i < 30; i++) {
            store().addDelivery(delivery("d-" + i, "h-" + (i % 3), T.minusSeconds(i)));
        }
        List<String> claimed = ClaimRace.twoSendersClaimEverything(
                () -> store().claimDue(T, T.plus(LEASE)).map(Delivery::id));

        assertThat(claimed).hasSize(30).doesNotHaveDuplicates();
    }

    private DeliveryStatus statusOf(String webhookId, String deliveryId) {
        return store().deliveriesOf(webhookId).stream().filter(d -> d.id().equals(deliveryId)).findFirst()
                .orElseThrow().status();
    }

    private Delivery only(String webhookId) {
        List<Delivery> deliveries = store().deliveriesOf(webhookId);
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }
}
