package io.aura.query.feed;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The calendar feeds' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresCalendarFeedStoreTest extends CalendarFeedStoreContract {
    static PGSimpleDataSource database;
    SqlCalendarFeedStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlCalendarFeedStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    CalendarFeedStore store() {
        return store;
    }
}
