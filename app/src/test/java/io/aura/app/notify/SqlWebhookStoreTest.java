package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.notify.WebhookStore.Registration;
import io.aura.app.storage.SqliteTestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook store contract on SQLite (the embedded default's adapter), and what only a store that
 * commits with the processor's token can promise: a batch's registrations, removals and deliveries
 * are written when, and only if, its unit of work commits, and its later events see them before.
 */
class SqlWebhookStoreTest extends WebhookStoreContract {
    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlWebhookStore store;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlWebhookStore(database.writer, database.reader, database.transactions).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Override
    WebhookStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_later_events_see_its_registrations() {
        store.saveSecret("h-1", "secret-0123456789abc");
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.saveRegistration(hook("h-1", T));
        store.addDelivery(delivery("d-1", "h-1", T));

        assertThat(database.rows("webhook_registration")).isZero();
        assertThat(database.rows("webhook_delivery")).isZero();
        assertThat(store.registrations()).containsExactly(hook("h-1", T));
        assertThat(store.registration("h-1")).isPresent();
        batch.commit();

        assertThat(store.registrations()).containsExactly(hook("h-1", T));
        assertThat(store.deliveriesOf("h-1")).extracting(WebhookStore.Delivery::status)
                .containsExactly(DeliveryStatus.PENDING);
    }

    @Test
    void a_webhook_removed_in_a_batch_is_gone_for_its_later_events_and_what_the_batch_queued_for_it_is_cancelled() {
        store.saveSecret("h-1", "secret-0123456789abc");
        store.saveRegistration(hook("h-1", T));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.addDelivery(delivery("d-1", "h-1", T));
        store.remove("h-1");

        assertThat(store.registrations()).isEmpty();
        assertThat(store.registration("h-1")).isEmpty();
        assertThat(store.secrets(List.of("h-1"))).isEmpty();
        assertThat(database.rows("webhook_registration")).isEqualTo(1);
        batch.commit();

        assertThat(database.rows("webhook_registration")).isZero();
        assertThat(database.rows("webhook_secret")).isZero();
        assertThat(store.deliveriesOf("h-1")).extracting(WebhookStore.Delivery::status)
                .containsExactly(DeliveryStatus.CANCELLED);
    }

    @Test
    void a_batch_that_rolls_back_leaves_nothing_behind() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.saveRegistration(new Registration("h-1", "https://hooks.example.org/", "admin", T));
        store.addDelivery(delivery("d-1", "h-1", T));
        batch.rollback();

        assertThat(store.registrations()).isEmpty();
        assertThat(store.deliveriesOf("h-1")).isEmpty();
    }

    @Test
    void the_due_deliveries_are_read_through_their_index() {
        assertThat(database.plan("SELECT delivery_id FROM webhook_delivery WHERE status = 'PENDING' "
                + "AND next_attempt_at <= 5 ORDER BY next_attempt_at LIMIT 20")).contains("webhook_delivery_due");
    }
}
