package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingStatus;
import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * The booking view store contract on SQLite (the embedded default's adapter), and what only a store
 * that commits with the processor's token can promise: a batch's views are written when, and only
 * if, its unit of work commits.
 */
class SqlBookingViewStoreTest extends BookingViewStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlBookingViewStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlBookingViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    BookingViewStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits() {
        BookingView confirmed = booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.save(confirmed);
        assertThat(rows("booking_view")).isZero();
        batch.commit();

        assertThat(rows("booking_view")).isEqualTo(1);
        assertThat(rows("booking_slot")).isEqualTo(1);
    }

    @Test
    void a_batch_that_rolls_back_leaves_no_view_behind() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.save(booking("b-1", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60)));
        batch.rollback();

        assertThat(rows("booking_view")).isZero();
        assertThat(store.find("b-1")).isEmpty();
    }

    @Test
    void the_calendar_of_one_resource_is_read_through_its_index() {
        String plan = new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN SELECT booking_id "
                + "FROM booking_slot WHERE resource_id = 'r-1' AND start_at < 5 AND end_at > 1 AND start_at > 1 - "
                + "(SELECT longest FROM booking_slot_span WHERE id = 1)").toString();

        assertThat(plan).contains("booking_slot_calendar");
    }

    @Test
    void views_written_before_their_last_end_was_kept_get_it_when_the_store_starts() {
        BookingView old = booking("old", "r-1", "alice", BookingStatus.CONFIRMED, slot(MONDAY_9, 60));
        store.save(old);
        new JdbcTemplate(database).update("UPDATE booking_view SET last_end_at = NULL, resource_id = NULL");
        assertThat(store.endedBefore(MONDAY_9.plusSeconds(7200), null, 10)).isEmpty();

        SqlBookingViewStore restarted = new SqlBookingViewStore(database, database,
                new DataSourceTransactionManager(database)).createSchema();

        assertThat(restarted.endedBefore(MONDAY_9.plusSeconds(7200), "r-1", 10)).containsExactly(old);
        assertThat(restarted.endedBefore(MONDAY_9.plusSeconds(3600), null, 10)).isEmpty();
    }

    private int rows(String table) {
        return SqliteViewsDatabase.rows(database, table);
    }
}
