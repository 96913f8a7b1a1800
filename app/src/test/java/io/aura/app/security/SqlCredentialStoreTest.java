package io.aura.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.storage.SqliteTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential store contract on SQLite (the embedded default's adapter). */
class SqlCredentialStoreTest extends CredentialStoreContract {
    @TempDir
    Path dir;
    SqliteTestDatabase database;
    SqlCredentialStore store;

    @BeforeEach
    void setUp() {
        database = new SqliteTestDatabase(dir);
        store = new SqlCredentialStore(database.writer, database.reader, database.transactions).createSchema();
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Override
    CredentialStore store() {
        return store;
    }

    @Test
    void a_created_credential_is_committed_at_once_and_the_schema_can_be_created_again() {
        store.create("alice", "hash-a");
        new SqlCredentialStore(database.writer, database.reader, database.transactions).createSchema();

        assertThat(database.rows("credential")).isEqualTo(1);
    }
}
