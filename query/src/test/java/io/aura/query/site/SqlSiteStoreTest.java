package io.aura.query.site;

import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/** The site store contract on SQLite (the embedded default's adapter). */
class SqlSiteStoreTest extends SiteStoreContract {
    @TempDir
    Path dir;
    SqlSiteStore store;

    @BeforeEach
    void setUp() {
        SQLiteDataSource database = SqliteViewsDatabase.in(dir);
        store = new SqlSiteStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    SiteStore store() {
        return store;
    }
}
