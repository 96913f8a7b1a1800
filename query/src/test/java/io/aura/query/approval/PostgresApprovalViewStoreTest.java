package io.aura.query.approval;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The approval views' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresApprovalViewStoreTest extends ApprovalViewStoreContract {
    static PGSimpleDataSource database;
    SqlApprovalViewStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlApprovalViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    ApprovalViewStore store() {
        return store;
    }
}
