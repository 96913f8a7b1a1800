package io.aura.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The notification store contract on SQLite (the embedded default's adapter), and what only a store
 * that commits with the processor's token can promise: a batch's entries, and so its mails, exist
 * when, and only if, its unit of work commits.
 */
class SqlNotificationStoreTest extends NotificationStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlNotificationStore store;

    @BeforeEach
    void setUp() {
        database = database(dir);
        store = new SqlNotificationStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    static SQLiteDataSource database(Path dir) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource database = new SQLiteDataSource(config);
        database.setUrl("jdbc:sqlite:" + dir.resolve("views.db"));
        return database;
    }

    @Override
    NotificationStore store() {
        return store;
    }

    @Test
    void a_recipient_kept_before_users_could_be_disabled_is_not_disabled() {
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.execute("DROP TABLE notification_recipient");
        sql.execute("CREATE TABLE notification_recipient (username VARCHAR(200) PRIMARY KEY, email TEXT)");
        sql.update("INSERT INTO notification_recipient (username, email) VALUES ('olga', 'olga@example.test')");

        SqlNotificationStore reopened = new SqlNotificationStore(database, database,
                new DataSourceTransactionManager(database)).createSchema();

        assertThat(reopened.recipient("olga")).contains(new Recipient("olga", java.util.Set.of(), "olga@example.test"));
        reopened.saveRecipient(new Recipient("olga", java.util.Set.of(), null, true));
        assertThat(reopened.recipient("olga")).map(Recipient::disabled).contains(true);
    }

    @Test
    void a_batch_writes_no_entry_and_so_no_mail_until_its_unit_of_work_commits() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.add(entry("e-1:olga", "olga", AT, MailStatus.PENDING));
        assertThat(rows("notification")).isZero();
        assertThat(store.leaseNextDue(AT, AT.plusSeconds(120))).isEmpty();
        batch.commit();

        assertThat(rows("notification")).isEqualTo(1);
        assertThat(store.leaseNextDue(AT, AT.plusSeconds(120))).isPresent();
    }

    @Test
    void a_batch_that_rolls_back_leaves_no_entry_behind() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.add(entry("e-1:olga", "olga", AT, MailStatus.PENDING));
        batch.rollback();

        assertThat(rows("notification")).isZero();
        assertThat(store.entry("e-1:olga")).isEmpty();
    }

    @Test
    void the_inbox_the_outbox_and_a_roles_members_are_read_through_their_indexes() {
        assertThat(plan("SELECT id FROM notification WHERE username = 'olga' ORDER BY created_at DESC, id LIMIT 5"))
                .contains("notification_inbox");
        assertThat(plan("SELECT id FROM notification WHERE mail_status = 'PENDING' AND mail_next_attempt_at <= 5 "
                + "ORDER BY mail_next_attempt_at, id LIMIT 8")).contains("notification_outbox");
        assertThat(plan("SELECT username FROM notification_recipient_role WHERE role = 'APPROVER' ORDER BY username"))
                .containsAnyOf("sqlite_autoindex_notification_recipient_role", "COVERING INDEX");
    }

    private String plan(String query) {
        return new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN " + query).toString();
    }

    private int rows(String table) {
        return new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
