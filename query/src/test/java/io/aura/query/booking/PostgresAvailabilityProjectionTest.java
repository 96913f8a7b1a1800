package io.aura.query.booking;

import io.aura.query.PostgresTestServer;
import io.aura.query.resource.SqlResourceViewStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The availability projection on the SQL stores, on PostgreSQL (ADR 0053). */
class PostgresAvailabilityProjectionTest extends AvailabilityProjectionContract {
    static PGSimpleDataSource database;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        use(new SqlClosedTimeViewStore(database, database, transactions).createSchema(),
                new SqlResourceViewStore(database, database, transactions).createSchema(),
                new SqlBookingViewStore(database, database, transactions).createSchema());
    }
}
