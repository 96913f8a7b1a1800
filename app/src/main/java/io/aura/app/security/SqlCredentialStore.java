package io.aura.app.security;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credentials in SQL, in the event store's database. A create is one {@code INSERT ... ON CONFLICT
 * DO NOTHING}: the primary key decides which of two racing creates wins. Writes commit at once (or
 * with the caller's transaction when there is one); reads go through {@code reader}.
 */
public final class SqlCredentialStore implements CredentialStore {
    private final JdbcTemplate writer;
    private final JdbcTemplate reader;
    private final TransactionTemplate transaction;

    public SqlCredentialStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Creates the table when it is missing. */
    public SqlCredentialStore createSchema() {
        transaction.executeWithoutResult(s -> writer.execute("CREATE TABLE IF NOT EXISTS credential ("
                + "username VARCHAR(200) PRIMARY KEY, password_hash TEXT NOT NULL)"));
        return this;
    }

    @Override
    public boolean create(String username, String passwordHash) {
        Integer inserted = transaction.execute(s -> writer.update("INSERT INTO credential (username, password_hash) "
                + "VALUES (?, ?) ON CONFLICT (username) DO NOTHING", username, passwordHash));
        return inserted != null && inserted == 1;
    }

    @Override
    public Optional<String> passwordHash(String username) {
        List<String> hashes = reader.queryForList("SELECT password_hash FROM credential WHERE username = ?",
                String.class, username);
        return hashes.stream().findFirst();
    }

    @Override
    public void replace(String username, String passwordHash) {
        transaction.executeWithoutResult(s -> writer.update("UPDATE credential SET password_hash = ? WHERE username = ?",
                passwordHash, username));
    }

    @Override
    public void delete(String username) {
        transaction.executeWithoutResult(s -> writer.update("DELETE FROM credential WHERE username = ?", username));
    }
}
