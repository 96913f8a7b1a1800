package io.aura.query.site;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The sites' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresSiteStoreTest extends SiteStoreContract {
    static PGSimpleDataSource database;
    SqlSiteStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlSiteStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    SiteStore store() {
        return store;
    }
}
