package io.aura.query.store;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every SQL adapter of a view shares (ADR 0021): writes through the one writing data source, in
 * the transaction of the batch that computed them (the caller's when it has one); reads through
 * {@code reader}; a batch's records held in {@link PendingViewWrites} until the batch commits.
 *
 * @param <V> what the store holds back per key while a batch runs
 */
public abstract class SqlViewStore<V> implements BatchedViewStore {
    protected final JdbcTemplate writer;
    protected final JdbcTemplate reader;
    protected final TransactionTemplate transaction;
    protected final PendingViewWrites<V> pending = new PendingViewWrites<>(this::writeBatch);

    protected SqlViewStore(DataSource writer, DataSource reader, PlatformTransactionManager transactions) {
        this.writer = new JdbcTemplate(writer);
        this.reader = new JdbcTemplate(reader);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Writes a batch's records, in one transaction (the caller's when it has one). */
    protected abstract void writeBatch(Map<String, V> batch);

    @Override
    public final void beginBatch() {
        pending.begin();
    }

    @Override
    public final void flushBatch() {
        pending.flush();
    }

    @Override
    public final void endBatch() {
        pending.end();
    }
}
