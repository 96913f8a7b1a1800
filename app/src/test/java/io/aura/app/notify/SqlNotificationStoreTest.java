package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.notify.NotificationStore.ApprovalContext;
import io.aura.app.notify.NotificationStore.Recipient;
import io.aura.app.storage.SqliteTestDatabase;
import java.nio.file.Path;
import java.util.Set;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification store contract on SQLite (the embedded default's adapter), and what only a store
 * that commits with the processor's token can promise: a batch's entries, recipients and contexts are
 * written when, and only if, its unit of work commits, and the batch's later events see them before.
 */
class SqlNotificationStoreTest extends NotificationStoreContract {
    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlNotificationStore store;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlNotificationStore(database.writer, database.reader, database.transactions).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Override
    NotificationStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_later_events_see_what_it_holds() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.saveRecipient(new Recipient("alice", Set.of("APPROVER"), "alice@example.test"));
        store.saveApprovalContext(new ApprovalContext("a-1", "b-1", "r-1", "bob"));
        assertThat(store.add(entry("e-1", "alice", T, NotificationDocument.PENDING))).isTrue();

        assertThat(database.rows("notification")).isZero();
        assertThat(database.rows("notification_recipient")).isZero();
        assertThat(store.add(entry("e-1", "alice", T, "OFF"))).as("the batch's own entry").isFalse();
        assertThat(store.recipient("alice").orElseThrow().email()).isEqualTo("alice@example.test");
        assertThat(store.membersOf("APPROVER")).containsExactly("alice");
        assertThat(store.noRecipients()).isFalse();
        assertThat(store.approvalContext("a-1").orElseThrow().requester()).isEqualTo("bob");
        batch.commit();

        assertThat(database.rows("notification")).isEqualTo(1);
        assertThat(store.find("e-1").orElseThrow().mailStatus()).isEqualTo(NotificationDocument.PENDING);
        assertThat(store.membersOf("APPROVER")).containsExactly("alice");
        assertThat(store.approvalContext("a-1")).isPresent();
    }

    @Test
    void a_recipient_changed_in_a_batch_is_a_member_of_its_roles_of_now() {
        store.saveRecipient(new Recipient("alice", Set.of("APPROVER"), null));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.saveRecipient(new Recipient("alice", Set.of("ADMIN"), null));
        store.saveRecipient(new Recipient("bob", Set.of("APPROVER"), null));

        assertThat(store.membersOf("APPROVER")).containsExactly("bob");
        assertThat(store.membersOf("ADMIN")).containsExactly("alice");
        batch.commit();
        assertThat(store.membersOf("APPROVER")).containsExactly("bob");
    }

    @Test
    void a_batch_that_rolls_back_leaves_nothing_behind() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.add(entry("e-1", "alice", T, NotificationDocument.PENDING));
        store.saveRecipient(new Recipient("alice", Set.of("APPROVER"), null));
        batch.rollback();

        assertThat(store.find("e-1")).isEmpty();
        assertThat(store.noRecipients()).isTrue();
    }

    @Test
    void a_rebuild_batch_is_written_when_flushed() {
        store.beginBatch();
        try {
            store.add(entry("e-1", "alice", T, "REPLAYED"));
            assertThat(database.rows("notification")).isZero();
            store.flushBatch();
            assertThat(database.rows("notification")).isEqualTo(1);
        } finally {
            store.endBatch();
        }
    }

    @Test
    void an_inbox_and_the_due_mails_are_read_through_their_indexes() {
        assertThat(database.plan("SELECT id FROM notification WHERE user_name = 'alice' ORDER BY created_at DESC "
                + "LIMIT 10")).contains("notification_inbox");
        assertThat(database.plan("SELECT id FROM notification WHERE mail_status = 'PENDING' "
                + "AND mail_next_attempt_at <= 5 ORDER BY mail_next_attempt_at LIMIT 20")).contains("notification_outbox");
    }
}
