package io.aura.app.security;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The credential store contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresCredentialStoreTest extends CredentialStoreContract {
    static PGSimpleDataSource database;
    SqlCredentialStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlCredentialStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    CredentialStore store() {
        return store;
    }
}
