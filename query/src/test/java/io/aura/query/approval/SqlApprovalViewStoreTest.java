package io.aura.query.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalStatus;
import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * The approval view store contract on SQLite (the embedded default's adapter), and what only a store
 * that commits with the processor's token can promise: a batch's views are written when, and only
 * if, its unit of work commits. The sweep's and the inboxes' queries read through their indexes.
 */
class SqlApprovalViewStoreTest extends ApprovalViewStoreContract {
    @TempDir
    Path dir;
    SQLiteDataSource database;
    SqlApprovalViewStore store;

    @BeforeEach
    void setUp() {
        database = database(dir);
        store = new SqlApprovalViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    static SQLiteDataSource database(Path dir) {
        SQLiteDataSource database = SqliteViewsDatabase.in(dir);
        return database;
    }

    @Override
    ApprovalViewStore store() {
        return store;
    }

    @Test
    void a_batch_writes_nothing_until_its_unit_of_work_commits() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.save(approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of("olga"), List.of("APPROVER"), OPENED));
        assertThat(rows("approval_view")).isZero();
        batch.commit();

        assertThat(rows("approval_view")).isEqualTo(1);
        assertThat(rows("approval_approver")).isEqualTo(1);
        assertThat(rows("approval_role")).isEqualTo(1);
    }

    @Test
    void a_batch_that_rolls_back_leaves_no_view_behind() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);

        store.save(approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of("olga"), List.of(), OPENED));
        batch.rollback();

        assertThat(rows("approval_view")).isZero();
        assertThat(store.find("a-1")).isEmpty();
    }

    @Test
    void an_approver_named_twice_is_one_row_of_their_inbox() {
        store.save(approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of("olga", "olga"), List.of(), OPENED));

        assertThat(store.find("a-1").orElseThrow().approvers()).containsExactly("olga", "olga");
        assertThat(rows("approval_approver")).isEqualTo(1);
    }

    @Test
    void the_sweep_and_the_inboxes_read_through_their_indexes() {
        assertThat(plan("SELECT approval_id FROM approval_view WHERE status = 'PENDING' AND next_deadline_at <= 5 "
                + "ORDER BY next_deadline_at, approval_id LIMIT 10")).contains("approval_view_due");
        assertThat(plan("SELECT approval_id FROM approval_approver WHERE username = 'olga' AND status = 'PENDING'"))
                .contains("approval_approver_inbox");
        assertThat(plan("SELECT approval_id FROM approval_role WHERE role IN ('APPROVER') AND status = 'PENDING'"))
                .contains("approval_role_inbox");
        assertThat(plan("SELECT doc FROM approval_view WHERE booking_id = 'b-1' ORDER BY requested_at, approval_id"))
                .contains("approval_view_booking");
    }

    private String plan(String query) {
        return new JdbcTemplate(database).queryForList("EXPLAIN QUERY PLAN " + query).toString();
    }

    private int rows(String table) {
        return SqliteViewsDatabase.rows(database, table);
    }
}
