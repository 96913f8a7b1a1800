package io.aura.query.category;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/** The category store contract on SQLite (the embedded default's adapter), and its batch. */
class SqlCategoryStoreTest extends CategoryStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlCategoryStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlCategoryStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    CategoryStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_changes_are_read_meanwhile() {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        store.save(TRAINING);
        store.save(INTERVIEW);
        store.remove(INTERVIEW.categoryId());
        assertThat(SqliteViewsDatabase.rows(database, "category_view")).isZero();
        assertThat(store.categories()).containsExactly(TRAINING);
        assertThat(store.category(INTERVIEW.categoryId())).isEmpty();
        unit.commit();
        assertThat(SqliteViewsDatabase.rows(database, "category_view")).isEqualTo(1);
    }
}
