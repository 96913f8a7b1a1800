package io.aura.query.booking;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The booking views' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresBookingViewStoreTest extends BookingViewStoreContract {
    static PGSimpleDataSource database;
    SqlBookingViewStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlBookingViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    BookingViewStore store() {
        return store;
    }
}
