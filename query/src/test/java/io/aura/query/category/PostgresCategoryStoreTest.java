package io.aura.query.category;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The categories' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresCategoryStoreTest extends CategoryStoreContract {
    static PGSimpleDataSource database;
    SqlCategoryStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlCategoryStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    CategoryStore store() {
        return store;
    }
}
