package io.aura.app.storage;

import io.aura.app.notify.MongoNotificationStore;
import io.aura.app.notify.SqlNotificationStore;
import io.aura.query.approval.MongoApprovalViewStore;
import io.aura.query.approval.SqlApprovalViewStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Where the approvals view and the notification inbox are kept: beside the event store on the
 * embedded default, written with each processor batch's token (ADR 0021); in MongoDB in production.
 * The SQL beans are declared as their classes so the rebuild also finds them as batched view stores.
 */
@Configuration(proxyBeanMethods = false)
public class ApprovalViewsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Embedded {
        @Bean
        SqlApprovalViewStore approvalViewStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                               PlatformTransactionManager transactionManager) {
            return new SqlApprovalViewStore(dataSource, viewReader, transactionManager).createSchema();
        }

        /** The inbox's entries and their mails, written with the batch's token: the mail outbox is transactional. */
        @Bean
        SqlNotificationStore notificationStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                               PlatformTransactionManager transactionManager) {
            return new SqlNotificationStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Production {
        @Bean
        MongoApprovalViewStore approvalViewStore(MongoTemplate mongo) {
            return new MongoApprovalViewStore(mongo);
        }

        @Bean
        MongoNotificationStore notificationStore(MongoTemplate mongo) {
            return new MongoNotificationStore(mongo).copyRecipientsOnceFromTheUsersView();
        }
    }
}
