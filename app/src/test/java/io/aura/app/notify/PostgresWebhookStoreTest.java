package io.aura.app.notify;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The webhook registrations and deliveries contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresWebhookStoreTest extends WebhookStoreContract {
    static PGSimpleDataSource database;
    SqlWebhookStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlWebhookStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    WebhookStore store() {
        return store;
    }
}
