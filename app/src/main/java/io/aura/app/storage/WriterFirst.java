package io.aura.app.storage;

import java.sql.Connection;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One lock order on the embedded store (ADR 0057): the one writing connection first, then the saga's and the
 * aggregates' locks. A command takes the writer before its handler takes an aggregate lock, and a deadline before
 * its saga is loaded. Without it a command took its aggregate's lock and then waited for the writer, while a
 * request deciding in its own thread (the booking saga runs where the request is) held the writer and waited for
 * that lock: each waited for the other until the pool's timeout.
 */
public final class WriterFirst implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final DataSource dataSource;

    public WriterFirst(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        takeWriter();
        return chain.proceed();
    }

    /** The same order for a unit of work that loads a saga before it sends anything (a deadline). */
    public TransactionManager around(TransactionManager transactions) {
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                takeWriter();
            } catch (RuntimeException e) {
                // not left bound to the thread: the next unit of work on it would join it and never commit
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }

    /**
     * Takes the physical connection of the transaction on this thread now (it is otherwise taken at the first
     * statement, ADR 0011); nothing when there is no transaction or it has the connection already.
     */
    void takeWriter() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        if (connection instanceof ConnectionProxy lazy) {
            lazy.getTargetConnection();
        }
    }
}
