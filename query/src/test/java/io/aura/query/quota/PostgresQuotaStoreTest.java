package io.aura.query.quota;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The quotas' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresQuotaStoreTest extends QuotaStoreContract {
    static PGSimpleDataSource database;
    SqlQuotaStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlQuotaStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    QuotaStore store() {
        return store;
    }
}
