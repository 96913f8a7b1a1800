package io.aura.query.identity;

import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.query.store.SqlViewStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * User views in SQL, beside the event store (ADR 0021): a row per user holding its view as JSON,
 * and a row per role held by a user who is not disabled ({@code user_role}), which "everyone
 * holding a role" reads through its primary key.
 *
 * <p>Writes go through the writing data source, in the transaction of the processor batch that
 * computed them (with its token); reads through {@code reader}. Plain SQL that SQLite and
 * PostgreSQL both run.
 */
public final class SqlUserViewStore extends SqlViewStore<UserView> implements UserViewStore {
    /**
     * A view stored before users could be disabled has no {@code disabled}: read as false, not refused;
     * one stored before users chose a language has no {@code language}: read as none.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();


    public SqlUserViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        super(writer, reader, transactions);
    }

    /** Creates the tables when they are missing. */
    public SqlUserViewStore createSchema() {
        transaction.executeWithoutResult(s -> {
            writer.execute("CREATE TABLE IF NOT EXISTS user_view (username VARCHAR(200) PRIMARY KEY, doc TEXT NOT NULL)");
            writer.execute("CREATE TABLE IF NOT EXISTS user_role (role VARCHAR(32) NOT NULL, "
                    + "username VARCHAR(200) NOT NULL, PRIMARY KEY (role, username))");
            writer.execute("CREATE INDEX IF NOT EXISTS user_role_username ON user_role (username)");
        });
        return this;
    }

    @Override
    public Optional<UserView> find(String username) {
        Map<String, UserView> batch = pending.peek();
        if (batch != null && batch.containsKey(username)) {
            return Optional.ofNullable(batch.get(username));
        }
        List<String> docs = reader.queryForList("SELECT doc FROM user_view WHERE username = ?", String.class, username);
        return docs.isEmpty() ? Optional.empty() : Optional.of(read(docs.get(0)));
    }

    @Override
    public void save(UserView view) {
        Map<String, UserView> batch = pending.open();
        if (batch == null) {
            write(List.of(view));
        } else {
            batch.put(view.username(), view);
        }
    }

    @Override
    public List<UserView> withRole(Role role) {
        return reader.queryForList("SELECT v.doc FROM user_role r JOIN user_view v ON v.username = r.username "
                + "WHERE r.role = ? ORDER BY r.username", String.class, role.name()).stream()
                .map(SqlUserViewStore::read).toList();
    }

    @Override
    public List<UserView> all() {
        return reader.queryForList("SELECT doc FROM user_view ORDER BY username", String.class).stream()
                .map(SqlUserViewStore::read).toList();
    }

    @Override
    public void clear() {
        pending.discard();
        transaction.executeWithoutResult(s -> {
            writer.update("DELETE FROM user_role");
            writer.update("DELETE FROM user_view");
        });
    }

    /** As the fold made it: the roles an immutable set (JSON reads them into a mutable one). */
    private static UserView read(String doc) {
        UserView v = JSON.readValue(doc, UserView.class);
        return new UserView(v.username(), UserViewFold.roles(v.roles()), v.displayName(), v.email(), v.disabled(),
                v.language());
    }

    /** Upserts the views and replaces their roles, in one transaction (the caller's when it has one). */
    private void write(Collection<UserView> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        List<Object[]> names = new ArrayList<>(views.size());
        List<Object[]> roles = new ArrayList<>();
        for (UserView v : views) {
            rows.add(new Object[] {v.username(), JSON.writeValueAsString(v)});
            names.add(new Object[] {v.username()});
            for (Role role : v.disabled() ? Set.<Role>of() : v.roles()) { // a disabled user acts in no role
                roles.add(new Object[] {role.name(), v.username()});
            }
        }
        transaction.executeWithoutResult(s -> {
            writer.batchUpdate("INSERT INTO user_view (username, doc) VALUES (?, ?) "
                    + "ON CONFLICT (username) DO UPDATE SET doc = excluded.doc", rows);
            writer.batchUpdate("DELETE FROM user_role WHERE username = ?", names);
            if (!roles.isEmpty()) {
                writer.batchUpdate("INSERT INTO user_role (role, username) VALUES (?, ?)", roles);
            }
        });
    }

    @Override
    protected void writeBatch(java.util.Map<String, UserView> batch) {
        write(batch.values());
    }
}
