package io.aura.app.storage;

import io.aura.app.contention.MongoSharedContentionModel;
import io.aura.app.contention.SharedContentionModel;
import io.aura.app.contention.SqlSharedContentionModel;
import io.aura.app.external.MongoOutlookOutbox;
import io.aura.app.external.OutlookOutbox;
import io.aura.app.external.SqlOutlookOutbox;
import io.aura.app.idempotency.IdempotencyStore;
import io.aura.app.idempotency.MongoIdempotencyStore;
import io.aura.app.idempotency.SqlIdempotencyStore;
import io.aura.app.notify.LegacyWebhookMigration;
import io.aura.app.notify.MongoWebhookStore;
import io.aura.app.notify.SqlWebhookStore;
import io.aura.app.notify.WebhookStore;
import io.aura.app.ops.QueryStoreHealthIndicator;
import io.aura.app.security.CredentialStore;
import io.aura.app.security.MongoCredentialStore;
import io.aura.app.security.SqlCredentialStore;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's own stores that are not views of one projection: credentials, idempotency keys,
 * inboxes with the mail outbox, webhook registrations with their secrets and delivery outbox, the
 * Outlook outbox (ADR 0043), the contention model every node shares (ADR 0055), and the
 * query store's health. On the embedded default they are tables in the event store's SQLite database
 * (writes on the one writing connection, committed at once or with the processor batch's token;
 * reads through {@code viewReader}); in production MongoDB collections, as before.
 */
@Configuration(proxyBeanMethods = false)
public class AppStoresConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Sql {

        @Bean
        SqlCredentialStore credentialStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                           PlatformTransactionManager transactionManager) {
            return new SqlCredentialStore(dataSource, viewReader, transactionManager).createSchema();
        }

        @Bean
        SqlIdempotencyStore idempotencyStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                             PlatformTransactionManager transactionManager, JsonMapper jsonMapper) {
            return new SqlIdempotencyStore(dataSource, viewReader, transactionManager, jsonMapper).createSchema();
        }


        @Bean
        SqlWebhookStore webhookStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                     PlatformTransactionManager transactionManager) {
            return new SqlWebhookStore(dataSource, viewReader, transactionManager).createSchema();
        }

        @Bean
        SqlOutlookOutbox outlookOutbox(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                       PlatformTransactionManager transactionManager) {
            return new SqlOutlookOutbox(dataSource, viewReader, transactionManager).createSchema();
        }

        @Bean
        SqlSharedContentionModel sharedContentionModel(DataSource dataSource,
                                                       @Qualifier("viewReader") DataSource viewReader,
                                                       PlatformTransactionManager transactionManager,
                                                       JsonMapper jsonMapper) {
            return new SqlSharedContentionModel(dataSource, viewReader, transactionManager, jsonMapper).createSchema();
        }

        @Bean(QueryStoreHealthIndicator.NAME)
        QueryStoreHealthIndicator queryStoreHealthIndicator(@Qualifier("viewReader") DataSource viewReader) {
            return QueryStoreHealthIndicator.sql(viewReader);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Mongo {

        @Bean
        CredentialStore credentialStore(MongoTemplate mongo) {
            return new MongoCredentialStore(mongo);
        }

        @Bean
        IdempotencyStore idempotencyStore(MongoTemplate mongo) {
            return new MongoIdempotencyStore(mongo);
        }


        @Bean
        WebhookStore webhookStore(MongoTemplate mongo) {
            return new MongoWebhookStore(mongo);
        }

        @Bean
        OutlookOutbox outlookOutbox(MongoTemplate mongo) {
            return new MongoOutlookOutbox(mongo);
        }

        @Bean
        SharedContentionModel sharedContentionModel(MongoTemplate mongo, JsonMapper jsonMapper) {
            return new MongoSharedContentionModel(mongo, jsonMapper);
        }

        /** Webhooks an earlier version kept only as MongoDB documents: registered as events once, at start. */
        @Bean
        LegacyWebhookMigration legacyWebhookMigration(MongoTemplate mongo, WebhookStore webhookStore,
                                                      CommandGateway commandGateway, EventStore eventStore) {
            return new LegacyWebhookMigration(mongo, webhookStore, commandGateway, eventStore);
        }

        @Bean(QueryStoreHealthIndicator.NAME)
        QueryStoreHealthIndicator queryStoreHealthIndicator(MongoTemplate mongo) {
            return QueryStoreHealthIndicator.mongo(mongo);
        }
    }
}
