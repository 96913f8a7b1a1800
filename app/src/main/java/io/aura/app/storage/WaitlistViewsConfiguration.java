package io.aura.app.storage;

import io.aura.query.waitlist.MongoWaitlistViewStore;
import io.aura.query.waitlist.SqlWaitlistViewStore;
import io.aura.query.waitlist.WaitlistViewStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The waitlist view's store (ADR 0036): in the event store's SQL database on the embedded default (written
 * with each batch's token, ADR 0021), in MongoDB in production.
 */
@Configuration(proxyBeanMethods = false)
public class WaitlistViewsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Embedded {
        @Bean
        public SqlWaitlistViewStore waitlistViewStore(DataSource dataSource,
                                                      @Qualifier("viewReader") DataSource viewReader,
                                                      PlatformTransactionManager transactionManager) {
            return new SqlWaitlistViewStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Production {
        @Bean
        public WaitlistViewStore waitlistViewStore(MongoTemplate mongo) {
            return new MongoWaitlistViewStore(mongo);
        }
    }
}
