package io.aura.query.waitlist;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The waitlist views' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresWaitlistViewStoreTest extends WaitlistViewStoreContract {
    static PGSimpleDataSource database;
    SqlWaitlistViewStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlWaitlistViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    WaitlistViewStore store() {
        return store;
    }
}
