package io.aura.query.resource;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The resource views' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresResourceViewStoreTest extends ResourceViewStoreContract {
    static PGSimpleDataSource database;
    SqlResourceViewStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlResourceViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    ResourceViewStore store() {
        return store;
    }
}
