package io.aura.app.external;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The Outlook outbox contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresOutlookOutboxTest extends OutlookOutboxContract {
    static PGSimpleDataSource database;
    SqlOutlookOutbox store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlOutlookOutbox(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    OutlookOutbox store() {
        return store;
    }
}
