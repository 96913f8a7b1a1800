package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.query.PostgresTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The user views' contract on PostgreSQL: the same SQL adapter the embedded default runs on SQLite (ADR 0053). */
class PostgresUserViewStoreTest extends UserViewStoreContract {
    static PGSimpleDataSource database;
    SqlUserViewStore store;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void setUp() {
        PostgresTestServer.reset(database);
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
}
