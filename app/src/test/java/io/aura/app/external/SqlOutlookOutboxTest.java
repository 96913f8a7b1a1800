package io.aura.app.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.external.OutlookOutbox.Kind;
import io.aura.app.external.OutlookOutbox.OutlookDate;
import io.aura.app.storage.SqliteTestDatabase;
import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Outlook outbox contract on SQLite, and what only a store that commits with the processor's token
 * promises: a batch's links, dates and deliveries are written when, and only if, it commits, and its later
 * events see them before.
 */
class SqlOutlookOutboxTest extends OutlookOutboxContract {
    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlOutlookOutbox store;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlOutlookOutbox(database.writer, database.reader, database.transactions).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Override
    OutlookOutbox store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_later_events_see_what_it_holds() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.link("r-1", ROOM);
        store.saveDate(new OutlookDate("b-1", NINE.start(), ROOM, NINE, true));
        store.addDelivery(delivery("e-1:1", NINE.start(), Kind.CREATE, NINE, 1, T));

        assertThat(database.rows("outlook_link")).isZero();
        assertThat(database.rows("outlook_delivery")).isZero();
        assertThat(store.mailboxOf("r-1")).contains(ROOM);
        assertThat(store.datesOf("b-1")).hasSize(1);
        batch.commit();

        assertThat(database.rows("outlook_link")).isEqualTo(1);
        assertThat(database.rows("outlook_date")).isEqualTo(1);
        assertThat(store.deliveriesOf("b-1")).hasSize(1);
    }

    @Test
    void a_batch_that_rolls_back_queues_nothing() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        store.addDelivery(delivery("e-1:1", NINE.start(), Kind.CREATE, NINE, 1, T));

        batch.rollback();

        assertThat(database.rows("outlook_delivery")).isZero();
    }
}
