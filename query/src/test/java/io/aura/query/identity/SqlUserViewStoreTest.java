package io.aura.query.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.identity.Role;
import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * The user view store contract on SQLite (the embedded default's adapter), and what only a store
 * that commits with the processor's token can promise: a batch's views are written when, and only
 * if, its unit of work commits.
 */
class SqlUserViewStoreTest extends UserViewStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlUserViewStore store;

    @BeforeEach
    void setUp() {
        database = SqliteViewsDatabase.in(dir);
        store = new SqlUserViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @Override
    UserViewStore store() {
        return store;
    }

    @Override
    void storeAsBeforeUsersCouldBeDisabled(String username, Role role) {
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.update("INSERT INTO user_view (username, doc) VALUES (?, ?)", username, "{\"username\":\"" + username
                + "\",\"roles\":[\"" + role.name() + "\"],\"displayName\":null,\"email\":null}");
        sql.update("INSERT INTO user_role (role, username) VALUES (?, ?)", role.name(), username);
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits_and_nothing_if_it_rolls_back() {
        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        store.save(user("alice", Role.ADMIN));
        assertThat(rows("user_view")).isZero();
        committed.commit();
        assertThat(rows("user_view")).isEqualTo(1);
        assertThat(rows("user_role")).isEqualTo(1);

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        store.save(user("bob", Role.ADMIN));
        rolledBack.rollback();
        assertThat(rows("user_view")).isEqualTo(1);
        assertThat(store.find("bob")).isEmpty();
    }

    @Test
    void everyone_holding_a_role_is_read_through_the_role_key() {
        String plan = new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN SELECT v.doc FROM user_role r "
                + "JOIN user_view v ON v.username = r.username WHERE r.role = 'ADMIN' ORDER BY r.username").toString();

        assertThat(plan).doesNotContain("SCAN r").doesNotContain("SCAN user_role").doesNotContain("TEMP B-TREE");
    }

    private int rows(String table) {
        return SqliteViewsDatabase.rows(database, table);
    }
}
