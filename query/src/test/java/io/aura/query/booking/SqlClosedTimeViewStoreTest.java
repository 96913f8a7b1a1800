package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.query.SqliteViewsDatabase;
import io.aura.query.booking.ClosedTimeFold.BusyChanges;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * The closed-time store contract on SQLite (the embedded default's adapter), and what only a store
 * that commits with the processor's token can promise: a batch's changes are written when, and only
 * if, its unit of work commits.
 */
class SqlClosedTimeViewStoreTest extends ClosedTimeViewStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlClosedTimeViewStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlClosedTimeViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    ClosedTimeViewStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_nothing_if_it_rolls_back() {
        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        store.saveBlackout(blackout("x-1", "r-1", MONDAY_9, 60, "cleaning"));
        store.changeBusy(new BusyChanges(List.of(), List.of(busy("r-1", MONDAY_9, 60))));
        assertThat(rows()).isZero();
        committed.commit();
        assertThat(rows()).isEqualTo(2);

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        store.saveBlackout(blackout("x-2", "r-1", MONDAY_9, 60, "cleaning"));
        store.changeBusy(new BusyChanges(List.of(busy("r-1", MONDAY_9, 60)), List.of()));
        rolledBack.rollback();
        assertThat(rows()).isEqualTo(2);
        assertThat(store.findBlackout("x-2")).isEmpty();
        assertThat(store.busyOf("r-1")).hasSize(1);
    }

    @Test
    void the_closed_times_of_one_resource_are_read_through_its_index() {
        String plan = new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN SELECT id FROM closed_time "
                + "WHERE resource_id = 'r-1' AND start_at < 5 AND end_at > 1 AND start_at > 1 - "
                + "(SELECT longest FROM closed_time_span WHERE id = 1)").toString();

        assertThat(plan).contains("closed_time_resource");
    }

    private int rows() {
        return SqliteViewsDatabase.rows(database, "closed_time");
    }
}
