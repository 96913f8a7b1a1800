package io.aura.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.feed.CalendarFeedEvents.CalendarFeedIssued;
import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/** The calendar feed store contract on SQLite (the embedded default's adapter), and its batch. */
class SqlCalendarFeedStoreTest extends CalendarFeedStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlCalendarFeedStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlCalendarFeedStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    CalendarFeedStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_feed_is_found_meanwhile() {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        store.save(CalendarFeedFold.issued(new CalendarFeedIssued("calendar-feed:alice", "alice", "n1", "h1")));
        assertThat(rows()).isZero();
        assertThat(store.bySecretHash("h1")).isPresent();
        unit.commit();
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void a_secret_is_found_through_the_hash_index() {
        String plan = new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN SELECT owner_id FROM calendar_feed "
                + "WHERE secret_hash = 'x'").toString();

        assertThat(plan).contains("calendar_feed_secret");
    }

    private int rows() {
        return SqliteViewsDatabase.rows(database, "calendar_feed");
    }
}
