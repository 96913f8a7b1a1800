package io.aura.query.resource;

import static io.aura.query.resource.ResourceSpecs.aRoom;
import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.resource.ResourceQueries.ResourceView;
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
 * The resource view store contract on SQLite (the embedded default's adapter), and what only a
 * store that commits with the processor's token can promise: a batch's views are written when, and
 * only if, its unit of work commits.
 */
class SqlResourceViewStoreTest extends ResourceViewStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlResourceViewStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlResourceViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    ResourceViewStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_nothing_if_it_rolls_back() {
        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        store.save(room("r-1", "Room", 8, 0));
        assertThat(rows()).isZero();
        committed.commit();
        assertThat(rows()).isEqualTo(1);

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        store.save(room("r-2", "Room", 8, 0));
        rolledBack.rollback();
        assertThat(rows()).isEqualTo(1);
        assertThat(store.find("r-2")).isEmpty();
    }

    @Test
    void creating_the_schema_again_keeps_the_views() {
        store.save(room("r-1", "Room", 8, 0));

        store.createSchema();

        assertThat(store.find("r-1")).isPresent();
    }

    @Test
    void the_resources_seating_enough_are_read_through_the_capacity_index() {
        String plan = new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN SELECT doc FROM resource_view "
                + "WHERE capacity >= 5 AND resource_id <> 'r-1' ORDER BY capacity, resource_id").toString();

        assertThat(plan).contains("resource_view_capacity");
    }

    @Test
    void a_row_written_before_the_view_held_its_spec_reads_and_is_written_again_in_the_same_shape() {
        // a row's JSON from when the view copied the spec's fields (the shape the store still writes)
        String before = """
                {"id":"r-old","name":"Hall","capacity":120,"timeZone":"Europe/Berlin","approvalRequired":true,\
                "approvers":["alice"],"bufferMinutes":15,"minDurationMinutes":30,"maxDurationMinutes":480,\
                "bookingWindowDays":180,"approvalLevels":[],"approvalDeadline":"P2D",\
                "externalCalendar":"hall@contoso.com"}""";
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.update("INSERT INTO resource_view (resource_id, name, capacity, doc) VALUES ('r-old', 'Hall', 120, ?)",
                before);

        ResourceView read = store.find("r-old").orElseThrow();
        store.save(read);

        assertThat(read).isEqualTo(new ResourceView("r-old", aRoom().name("Hall").capacity(120)
                .timeZone("Europe/Berlin").approvedBy("alice").bufferMinutes(15).durationMinutes(30, 480)
                .bookingWindowDays(180).approvalDeadline("P2D").build(), "hall@contoso.com"));
        // the same flat shape, with the fields added since (opening hours: none, always open; no check-in; bookings
        // not private unless asked; no site)
        assertThat(sql.queryForObject("SELECT doc FROM resource_view WHERE resource_id = 'r-old'", String.class))
                .isEqualTo(before.replace("\"approvalDeadline\":\"P2D\",",
                        "\"approvalDeadline\":\"P2D\",\"openingHours\":[],\"checkIn\":null,\"privateByDefault\":false,\"siteId\":null,"));
    }

    private int rows() {
        return SqliteViewsDatabase.rows(database, "resource_view");
    }
}
