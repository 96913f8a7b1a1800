package io.aura.app.idempotency;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The idempotency keys contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresIdempotencyStoreTest extends IdempotencyStoreContract {
    static PGSimpleDataSource database;
    SqlIdempotencyStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlIdempotencyStore(database, database, new DataSourceTransactionManager(database),
                JsonMapper.builder().build()).createSchema();
    }

    @Override
    IdempotencyStore store() {
        return store;
    }
}
