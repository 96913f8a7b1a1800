package io.aura.query.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/** The waitlist view store contract on SQLite (the embedded default's adapter), and its batch. */
class SqlWaitlistViewStoreTest extends WaitlistViewStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlWaitlistViewStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlWaitlistViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    WaitlistViewStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_entries_are_seen_meanwhile() {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        store.save(joined("e-a", "r-1", 1, "alice"));
        assertThat(rows()).isZero();
        assertThat(store.find("e-a")).isPresent();
        assertThat(store.ofOwner("alice")).hasSize(1);
        assertThat(store.openOf("r-1")).hasSize(1);
        unit.commit();
        assertThat(rows()).isEqualTo(1);
    }

    private int rows() {
        return SqliteViewsDatabase.rows(database, "waitlist_entry");
    }
}
