package io.aura.app.security;

import io.aura.app.security.LoginThrottle.Failures;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failures every node counts, in the shared PostgreSQL database (ADR 0053). One step is one transaction that
 * first takes a transaction-scoped advisory lock per key (in key order, so two steps never wait on each other in a
 * circle): two nodes checking the same name at once are serialised as the one-node throttle is.
 */
public final class SqlFailureLedger implements LoginThrottle.FailureLedger {
    private final JdbcTemplate sql;
    private final TransactionTemplate transaction;

    public SqlFailureLedger(DataSource dataSource, PlatformTransactionManager transactions) {
        this.sql = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(s -> sql.execute("CREATE TABLE IF NOT EXISTS login_failure ("
                + "failure_key VARCHAR(600) PRIMARY KEY, failures INTEGER NOT NULL, last_at TIMESTAMP NOT NULL)"));
    }

    @Override
    public <T> T atomically(List<String> keys, Function<Map<String, Failures>, T> work) {
        return transaction.execute(s -> {
            keys.stream().sorted().forEach(key ->
                    sql.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", key));
            Map<String, Failures> some = new HashMap<>();
            for (String key : keys) {
                sql.query("SELECT failures, last_at FROM login_failure WHERE failure_key = ?", rs -> {
                    some.put(key, new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant()));
                }, key);
            }
            T result = work.apply(some);
            for (String key : keys) {
                Failures f = some.get(key);
                if (f == null) {
                    sql.update("DELETE FROM login_failure WHERE failure_key = ?", key);
                } else {
                    sql.update("INSERT INTO login_failure (failure_key, failures, last_at) VALUES (?, ?, ?) "
                                    + "ON CONFLICT (failure_key) DO UPDATE SET failures = EXCLUDED.failures, "
                                    + "last_at = EXCLUDED.last_at", key, f.count(), Timestamp.from(f.last()));
                }
            }
            return result;
        });
    }
}
