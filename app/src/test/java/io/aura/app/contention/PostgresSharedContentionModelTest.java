package io.aura.app.contention;

import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/** The shared contention model's contract on PostgreSQL: the SQL adapter the nodes of the postgres profile share. */
class PostgresSharedContentionModelTest extends SharedContentionModelContract {
    static PGSimpleDataSource database;
    SqlSharedContentionModel store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        store = new SqlSharedContentionModel(database, database, new DataSourceTransactionManager(database),
                JsonMapper.builder().build()).createSchema();
    }

    @Override
    SharedContentionModel store() {
        return store;
    }
}
