package io.aura.app.storage;

import io.aura.query.booking.ClosedTimeViewStore;
import io.aura.query.booking.MongoClosedTimeViewStore;
import io.aura.query.booking.SqlClosedTimeViewStore;
import io.aura.query.feed.CalendarFeedStore;
import io.aura.query.feed.MongoCalendarFeedStore;
import io.aura.query.feed.SqlCalendarFeedStore;
import io.aura.query.identity.MongoUserViewStore;
import io.aura.query.identity.SqlUserViewStore;
import io.aura.query.identity.UserViewStore;
import io.aura.query.resource.MongoResourceViewStore;
import io.aura.query.resource.ResourceViewStore;
import io.aura.query.resource.SqlResourceViewStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The stores of the resources, users, blackouts, busy-times and calendar feed views: in the event store's SQL
 * database on the embedded default (written with each batch's token, ADR 0021), in MongoDB in
 * production.
 */
@Configuration(proxyBeanMethods = false)
public class PlacesViewsConfiguration {

    /** SQL beside the tokens; each bean is also a BatchedViewStore, so a one-pass rebuild batches it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Embedded {
        @Bean
        public SqlResourceViewStore resourceViewStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                                      PlatformTransactionManager transactionManager) {
            return new SqlResourceViewStore(dataSource, viewReader, transactionManager).createSchema();
        }

        @Bean
        public SqlUserViewStore userViewStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                              PlatformTransactionManager transactionManager) {
            return new SqlUserViewStore(dataSource, viewReader, transactionManager).createSchema();
        }

        @Bean
        public SqlClosedTimeViewStore closedTimeViewStore(DataSource dataSource,
                                                          @Qualifier("viewReader") DataSource viewReader,
                                                          PlatformTransactionManager transactionManager) {
            return new SqlClosedTimeViewStore(dataSource, viewReader, transactionManager).createSchema();
        }

        @Bean
        public SqlCalendarFeedStore calendarFeedStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                                      PlatformTransactionManager transactionManager) {
            return new SqlCalendarFeedStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Production {
        @Bean
        public ResourceViewStore resourceViewStore(MongoTemplate mongo) {
            return new MongoResourceViewStore(mongo);
        }

        @Bean
        public UserViewStore userViewStore(MongoTemplate mongo) {
            return new MongoUserViewStore(mongo);
        }

        @Bean
        public ClosedTimeViewStore closedTimeViewStore(MongoTemplate mongo) {
            return new MongoClosedTimeViewStore(mongo);
        }

        @Bean
        public CalendarFeedStore calendarFeedStore(MongoTemplate mongo) {
            return new MongoCalendarFeedStore(mongo);
        }
    }
}
