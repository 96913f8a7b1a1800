package io.aura.query.booking;

import io.aura.query.SqliteViewsDatabase;
import io.aura.query.resource.SqlResourceViewStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/** The availability projection on the SQL stores of the embedded default. */
class SqlAvailabilityProjectionTest extends AvailabilityProjectionContract {
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        SQLiteDataSource database = SqliteViewsDatabase.in(dir);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        use(new SqlClosedTimeViewStore(database, database, transactions).createSchema(),
                new SqlResourceViewStore(database, database, transactions).createSchema(),
                new SqlBookingViewStore(database, database, transactions).createSchema());
    }
}
