package io.aura.app.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aura.app.security.AccountEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded default (ADR 0002, ADR 0021): Axon's events, snapshots, tokens and sagas, and every
 * view, in one SQLite file in WAL mode under {@code aura.data-dir}; nothing has to be installed. A
 * processor batch writes its views and its token in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.storage", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedStorageConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorageConfiguration.class);

    private final Path dataDir;

    public EmbeddedStorageConfiguration(@Value("${aura.data-dir}") String dataDir) {
        this.dataDir = Path.of(dataDir).toAbsolutePath();
        try {
            Files.createDirectories(this.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + this.dataDir, e);
        }
    }

    // ---- Axon's state: SQLite --------------------------------------------------------------

    @Bean
    @Primary
    public DataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("axon-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("axon.db"));
        // One connection: SQLite has one writer, and with more pooled connections read-then-write
        // transactions fail with SQLITE_BUSY_SNAPSHOT (STACK.md).
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        // WAL + synchronous=NORMAL: a commit survives a process crash (kill -9); FULL would also
        // survive a power cut at a cost under concurrency.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("foreign_keys", "false");
        // a row deleted or rewritten (an erased person's view, ADR 0046) is zeroed in its page where that costs no
        // extra write ("FAST"); older page images in the write-ahead log are overwritten as it is reused
        config.setConnectionInitSql("PRAGMA secure_delete = FAST");
        // Lazy: a transaction takes the one connection at its first statement, not when it begins, so an
        // event processor's batch holds it only for its token write at the end, not while it builds views.
        return new org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy(
                SqliteConnections.nullSafe(new HikariDataSource(config)));
    }

    /**
     * Reading connections to the same SQLite file, for the views' queries: in WAL mode a reader sees the
     * last commit and never waits for, nor blocks, the one writing connection that commands and
     * processor batches share (a dashboard query never queues behind a batch). They only read.
     */
    @Bean(destroyMethod = "close")
    public HikariDataSource viewReader(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.isValid(1); // the writer opened the file first (and put it in WAL mode)
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("views-read");
        config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("axon.db"));
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("busy_timeout", "10000");
        config.setConnectionInitSql("PRAGMA query_only = 1");
        return new HikariDataSource(config);
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    /** Axon's units of work commit through the same JDBC transaction as the events they append. */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** The writer before any lock, for every command (ADR 0057); the deadline manager takes it too. */
    @Bean
    public WriterFirst writerFirst(DataSource dataSource, CommandBus commandBus) {
        WriterFirst writerFirst = new WriterFirst(dataSource);
        // after the bus's own transaction interceptor, which opens the transaction this one takes the writer for
        commandBus.registerHandlerInterceptor(writerFirst);
        return writerFirst;
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SqlitePersistenceExceptionResolver();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder().build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver resolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema schema,
                                                 List<EventUpcaster> upcasters) {
        return AxonJdbc.eventStore(serializer, eventSerializer, resolver, connectionProvider, transactionManager,
                schema, upcasters, EventTables.SQLITE);
    }

    /**
     * An account's events, read at each authenticated request on the reading connections: a sign-in or
     * a request's role check never queues behind a command or a batch holding the one writing connection.
     */
    @Bean
    public AccountEvents accountEvents(@Qualifier("viewReader") DataSource viewReader, Serializer serializer,
                                       @Qualifier("eventSerializer") Serializer eventSerializer,
                                       PersistenceExceptionResolver resolver, EventSchema schema,
                                       List<EventUpcaster> upcasters) {
        return AxonJdbc.accountEvents(viewReader, serializer, eventSerializer, resolver, schema, upcasters);
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TransactionManager transactionManager) {
        TokenSchema schema = TokenSchema.builder().build();
        JdbcTokenStore store = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(schema)
                .contentType(byte[].class)
                .build();
        transactionManager.executeInTransaction(() -> store.createSchema(GenericTokenTableFactory.INSTANCE));
        return new TokenWrittenAtCommit(store);
    }

    @Bean
    public JdbcSagaStore sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
                                   TransactionManager transactionManager) {
        transactionManager.executeInTransaction(() -> {
            try (Connection c = connectionProvider.getConnection(); Statement st = c.createStatement()) {
                for (String ddl : EventTables.sqliteSagaTables()) {
                    st.execute(ddl);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the saga tables", e);
            }
        });
        return JdbcSagaStore.builder().connectionProvider(connectionProvider).serializer(serializer).build();
    }
}
