package io.aura.query.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/** The quota store contract on SQLite (the embedded default's adapter), and its batch. */
class SqlQuotaStoreTest extends QuotaStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlQuotaStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlQuotaStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    QuotaStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_its_changes_are_read_meanwhile() {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        store.save(new QuotaView("q-1", THREE_A_WEEK));
        store.saveCharges("alice", "b-1", List.of(charge("b-1", "2026-12-07T09:00:00Z")));
        assertThat(count("quota") + count("quota_charge")).isZero();
        assertThat(store.quotas()).hasSize(1);
        assertThat(store.chargesOf("alice")).hasSize(1);
        store.saveCharges("alice", "b-1", List.of());
        assertThat(store.chargesOf("alice")).isEmpty();
        unit.commit();
        assertThat(count("quota")).isEqualTo(1);
        assertThat(count("quota_charge")).isZero();
    }

    private int count(String table) {
        return SqliteViewsDatabase.rows(database, table);
    }
}
