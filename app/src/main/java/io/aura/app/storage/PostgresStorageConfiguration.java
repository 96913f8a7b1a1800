package io.aura.app.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aura.app.notify.NotificationStore;
import io.aura.app.security.AccountEvents;
import io.aura.query.approval.ApprovalViewStore;
import io.aura.query.booking.BookingViewStore;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code postgres} profile (ADR 0053): Axon's events, tokens and sagas and every view in one PostgreSQL
 * database shared by any number of nodes. The same SQL adapters as the embedded default (their contract tests run
 * on both); a processor batch writes its views and its token in one transaction, on a connection of its own.
 * Commands for one aggregate may arrive on any node: the unique (aggregate, sequence) key decides a race, the
 * loser's cached aggregate is dropped and its command sent again ({@link ConcurrencyRetry}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.storage", havingValue = "postgres")
public class PostgresStorageConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    public HikariDataSource dataSource(@Value("${spring.datasource.url}") String url,
                                       @Value("${spring.datasource.username:}") String username,
                                       @Value("${spring.datasource.password:}") String password,
                                       @Value("${aura.postgres.pool-size:16}") int poolSize) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The postgres profile needs SPRING_DATASOURCE_URL=jdbc:postgresql://host:port/db"
                    + " (and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD); it is " + url);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("aura-postgres");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    /** Reads go to the same pool: PostgreSQL readers never wait for writers (MVCC). */
    @Bean
    public DataSource viewReader(HikariDataSource dataSource) {
        return dataSource;
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

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
        return new PostgresPersistenceExceptionResolver();
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
                schema, upcasters, EventTables.POSTGRES);
    }

    /** An account's events at each authenticated request, outside any unit of work. */
    @Bean
    public AccountEvents accountEvents(DataSource dataSource, Serializer serializer,
                                       @Qualifier("eventSerializer") Serializer eventSerializer,
                                       PersistenceExceptionResolver resolver, EventSchema schema,
                                       List<EventUpcaster> upcasters) {
        return AxonJdbc.accountEvents(dataSource, serializer, eventSerializer, resolver, schema, upcasters);
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TransactionManager transactionManager) {
        JdbcTokenStore store = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .contentType(byte[].class)
                .build();
        transactionManager.executeInTransaction(() -> store.createSchema(PostgresTokenTableFactory.INSTANCE));
        return store;
    }

    @Bean
    public JdbcSagaStore sagaStore(ConnectionProvider connectionProvider, Serializer serializer,
                                   TransactionManager transactionManager) {
        JdbcSagaStore store = JdbcSagaStore.builder().connectionProvider(connectionProvider).serializer(serializer)
                .sqlSchema(new PostgresSagaSqlSchema()).build();
        // Axon's PostgreSQL saga tables say IF NOT EXISTS: every node may run this at start
        transactionManager.executeInTransaction(() -> {
            try {
                store.createSchema();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create the saga tables", e);
            }
        });
        return store;
    }

    /** Live updates across nodes: a view written on one node reaches the live queries of every other. */
    @Bean(destroyMethod = "close")
    public PostgresViewChanges viewChanges(DataSource dataSource, @Value("${spring.datasource.url}") String url,
                                           @Value("${spring.datasource.username:}") String username,
                                           @Value("${spring.datasource.password:}") String password) {
        return new PostgresViewChanges(dataSource, url, username, password);
    }

    /** Listens once the node serves: other nodes' news is relayed to this node's subscribers. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> relayOtherNodesViewChanges(PostgresViewChanges changes,
                                                                                BookingViewStore bookings,
                                                                                ApprovalViewStore approvals,
                                                                                NotificationStore notifications,
                                                                                QueryUpdateEmitter emitter) {
        return ready -> changes.relayTo(new PostgresViewChanges.LocalViews(bookings, approvals, notifications,
                emitter));
    }

    @Bean(destroyMethod = "close")
    public ConcurrencyRetry concurrencyRetry() {
        return new ConcurrencyRetry();
    }

    /** Axon's gateway, plus the retry of a command that lost a race with another node. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConcurrencyRetry retry) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retry).build();
    }
}
