package io.aura.app.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.h2.mvstore.MVStore;
import java.util.List;
import io.aura.query.booking.SqlBookingViewStore;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;

/**
 * The embedded default (ADR 0002): Axon's events, snapshots, tokens and sagas in one SQLite file
 * in WAL mode; the query side in an in-process MongoDB wire server backed by an H2 MVStore file.
 * Both live under {@code aura.data-dir}; nothing has to be installed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.storage", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedStorageConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedStorageConfiguration.class);

    /** The in-process MongoDB server's file; its maps use {@link ViewStoreTypes} (the earlier {@code query.mv} did not). */
    static final String VIEW_STORE_FILE = "views.mv";

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

    /** Booking views in the same database as the events, written with each batch's token (ADR 0021). */
    @Bean
    public SqlBookingViewStore bookingViewStore(DataSource dataSource, HikariDataSource viewReader,
                                                PlatformTransactionManager transactionManager) {
        return new SqlBookingViewStore(dataSource, viewReader, transactionManager).createSchema();
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
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(resolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .dataType(byte[].class)
                .appendEvents(new ChainedAppendStatement())
                .upcasterChain(new EventUpcasterChain(upcasters))
                .build();
        transactionManager.executeInTransaction(() -> engine.createSchema(new SqliteEventTableFactory()));
        return engine;
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TransactionManager transactionManager, QueryStoreDurability views,
                                 WriteBehindMongoTemplate viewWrites) {
        TokenSchema schema = TokenSchema.builder().build();
        JdbcTokenStore store = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(schema)
                .contentType(byte[].class)
                .build();
        transactionManager.executeInTransaction(() -> store.createSchema(GenericTokenTableFactory.INSTANCE));
        return new ViewsBeforeTokensTokenStore(store, views, viewWrites);
    }

    @Bean
    public JdbcSagaStore sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
                                   TransactionManager transactionManager) {
        transactionManager.executeInTransaction(() -> {
            try (Connection c = connectionProvider.getConnection(); Statement st = c.createStatement()) {
                for (String ddl : SqliteEventTableFactory.sagaTables()) {
                    st.execute(ddl);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the saga tables", e);
            }
        });
        return JdbcSagaStore.builder().connectionProvider(connectionProvider).serializer(serializer).build();
    }

    // ---- the query side: in-process MongoDB wire server ---------------------------------------

    /**
     * The MVStore behind the wire server, with its background auto-commit switched off: its
     * commit only tries a lock and silently skips while a background store runs, so a write we
     * meant to make durable could be left out. Here every commit is ours and they never overlap.
     */
    @Bean(destroyMethod = "close")
    public MVStore embeddedMongoFile(@Value("${aura.embedded-mongo.cache-mb:256}") int cacheMb) {
        // The in-process server scans whole collections (it ignores secondary indexes); with H2's default
        // 16 MB page cache a scan of ~100 000 bookings reads and deserialises from disk every time.
        Path views = dataDir.resolve(VIEW_STORE_FILE);
        Path legacy = dataDir.resolve("query.mv");
        if (!Files.exists(views) && Files.exists(legacy)) {
            // the file of an earlier version, with H2's default types: copied once into the typed format
            log.info("Copying the view store {} into the typed format {}", legacy, views);
            ViewStoreTypes.migrate(legacy, views);
        }
        if (ViewStoreTypes.compactIfSparse(views, 64L << 20, 50)) {
            log.info("Rewrote the view store {} with its live data only", views);
        }
        return openViewStore(views, cacheMb);
    }

    /**
     * The view store's file, committed only by {@link ConsistentH2Backend}: no background commits, and
     * (autoCommitBufferSize 0) no commit from inside a write once ~20 MB are unsaved either — that one
     * runs in the middle of a MongoDB command and could store half of it.
     */
    static MVStore openViewStore(Path file, int cacheMb) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0)
                .cacheSize(cacheMb).open();
    }

    @Bean
    public ConsistentH2Backend embeddedMongoBackend(MVStore embeddedMongoFile) {
        return new ConsistentH2Backend(embeddedMongoFile);
    }

    @Bean(destroyMethod = "shutdown")
    public MongoServer embeddedMongoServer(ConsistentH2Backend embeddedMongoBackend,
                                           @Value("${aura.embedded-mongo.port:0}") int port) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        server.bind("127.0.0.1", port);
        log.info("Embedded MongoDB wire server listening on {} (file {})", server.getLocalAddress(),
                dataDir.resolve(VIEW_STORE_FILE));
        return server;
    }

    /**
     * The views' collections, written in bulk per projection batch (ADR 0010). Their handlers never
     * use a write's result; the outboxes and credentials, which do, are not among them.
     */
    static final java.util.Set<String> BATCHED_VIEWS = java.util.Set.of("blackouts", "external_busy", "resources",
            "users", "approvals");

    @Bean
    public WriteBehindMongoTemplate mongoTemplate(org.springframework.data.mongodb.MongoDatabaseFactory factory,
                                                  org.springframework.data.mongodb.core.convert.MongoConverter converter) {
        return new WriteBehindMongoTemplate(factory, converter, BATCHED_VIEWS);
    }

    /**
     * Every event processor's batch collects its view writes and sends them in bulk as the batch
     * prepares to commit: after the handlers, before the token's transaction commits (which makes the
     * views durable first), so a token still never runs ahead of its views.
     */
    @Bean
    public org.axonframework.config.ConfigurerModule viewWritesPerBatch(WriteBehindMongoTemplate viewWrites) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processorName) -> (unitOfWork, chain) -> {
                    if (!unitOfWork.resources().containsKey(WriteBehindMongoTemplate.class.getName())) {
                        unitOfWork.resources().put(WriteBehindMongoTemplate.class.getName(), Boolean.TRUE);
                        viewWrites.begin();
                        unitOfWork.onPrepareCommit(u -> viewWrites.flush());
                        unitOfWork.onCleanup(u -> viewWrites.end());
                    }
                    return chain.proceed();
                }));
    }

    @Bean
    public QueryStoreDurability queryStoreDurability(ConsistentH2Backend embeddedMongoBackend) {
        return new MVStoreCommits(embeddedMongoBackend);
    }

    @Bean(destroyMethod = "close")
    @DependsOn("embeddedMongoServer")
    public MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
