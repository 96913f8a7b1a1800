package io.aura.app.contention;

import io.aura.app.storage.SqliteTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The shared contention model's contract on SQLite (the embedded default's adapter). */
class SqlSharedContentionModelTest extends SharedContentionModelContract {
    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlSharedContentionModel store;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlSharedContentionModel(database.writer, database.reader, database.transactions,
                JsonMapper.builder().build()).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Override
    SharedContentionModel store() {
        return store;
    }
}
