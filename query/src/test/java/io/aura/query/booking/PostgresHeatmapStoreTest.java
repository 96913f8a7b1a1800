package io.aura.query.booking;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The heatmap' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresHeatmapStoreTest extends HeatmapStoreContract {
    static PGSimpleDataSource database;
    SqlHeatmapStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlHeatmapStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    HeatmapStore store() {
        return store;
    }
}
