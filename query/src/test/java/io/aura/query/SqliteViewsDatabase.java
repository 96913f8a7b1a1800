package io.aura.query;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A SQLite views database for a store test, opened as the embedded default opens it (WAL), and what tests read back. */
public final class SqliteViewsDatabase {
    private SqliteViewsDatabase() {}

    /** A new database file {@code views.db} in {@code dir}. */
    public static SQLiteDataSource in(Path dir) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource database = new SQLiteDataSource(config);
        database.setUrl("jdbc:sqlite:" + dir.resolve("views.db"));
        return database;
    }

    /** How many rows {@code table} holds as committed: what a crash would leave. */
    public static int rows(DataSource database, String table) {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
