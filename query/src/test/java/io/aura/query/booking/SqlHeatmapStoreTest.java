package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.query.SqliteViewsDatabase;
import io.aura.query.booking.HeatmapStore.Held;
import io.aura.query.booking.HeatmapStore.HourTotals;
import io.aura.query.booking.HeatmapStore.Zone;
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
 * The heatmap store contract on SQLite (the embedded default's adapter), and what only a store that
 * commits with the processor's token can promise: a batch's writes land when, and only if, its unit
 * of work commits; and the heatmap's window is read through an index.
 */
class SqlHeatmapStoreTest extends HeatmapStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlHeatmapStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlHeatmapStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    HeatmapStore store() {
        return store;
    }

    @Test
    void creating_the_schema_again_keeps_what_is_stored() {
        store.saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 60)));

        store.createSchema();

        assertThat(store.hours("r-1", MONDAY, MONDAY)).containsExactly(new HourTotals("r-1", MONDAY, 9, 60, 0));
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.saveZone(new Zone("r-1", "UTC", REGISTERED));
        store.saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 60)));
        store.saveHeld(new Held("b-1", "r-1", List.of(range("2030-01-07T09:00:00Z", "2030-01-07T10:00:00Z"))));
        assertThat(rows("heatmap_zone") + rows("heatmap_share") + rows("heatmap_held")).isZero();
        batch.commit();

        assertThat(rows("heatmap_zone")).isEqualTo(1);
        assertThat(rows("heatmap_share")).isEqualTo(1);
        assertThat(rows("heatmap_held")).isEqualTo(1);
    }

    @Test
    void a_batch_that_rolls_back_leaves_nothing_behind() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.saveZone(new Zone("r-1", "UTC", REGISTERED));
        store.saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 60)));
        batch.rollback();

        assertThat(rows("heatmap_zone") + rows("heatmap_share")).isZero();
        assertThat(store.zone("r-1")).isEmpty();
    }

    @Test
    void a_rebuilds_explicit_batch_writes_at_each_flush_only() {
        store.beginBatch();
        try {
            store.saveShares(List.of(booked("r-1", MONDAY, 9, "b-1_0_0", 60)));
            store.saveZone(new Zone("r-1", "UTC", REGISTERED));
            assertThat(store.zone("r-1")).isPresent();
            assertThat(rows("heatmap_share")).isZero();
            store.flushBatch();
            assertThat(rows("heatmap_share")).isEqualTo(1);
            store.saveShares(List.of(booked("r-1", MONDAY, 10, "b-1_0_1", 30)));
        } finally {
            store.endBatch();
        }

        assertThat(rows("heatmap_share")).isEqualTo(1);
    }

    @Test
    void the_window_of_every_resource_is_summed_off_the_covering_index_without_a_sort() {
        String plan = plan("SELECT resource_id, local_day, local_hour, kind, SUM(minutes) FROM heatmap_share "
                + "WHERE local_day >= 1 AND local_day <= 30 GROUP BY local_day, resource_id, local_hour, kind");

        assertThat(plan).contains("USING COVERING INDEX heatmap_share_window").doesNotContain("TEMP B-TREE");
    }

    @Test
    void the_window_of_one_resource_is_read_through_an_index() {
        String plan = plan("SELECT resource_id, local_day, local_hour, kind, SUM(minutes) FROM heatmap_share "
                + "WHERE local_day >= 1 AND local_day <= 30 AND resource_id = 'r-1' GROUP BY local_day, resource_id, local_hour, kind");

        assertThat(plan).containsAnyOf("USING COVERING INDEX heatmap_share_window", "USING INDEX sqlite_autoindex_heatmap_share_1")
                .doesNotContain("SCAN heatmap_share ");
    }

    private String plan(String sql) {
        return new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN " + sql).toString();
    }

    private int rows(String table) {
        return SqliteViewsDatabase.rows(database, table);
    }
}
