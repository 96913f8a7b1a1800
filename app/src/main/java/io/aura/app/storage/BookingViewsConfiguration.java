package io.aura.app.storage;

import io.aura.query.booking.BookingViewStore;
import io.aura.query.booking.MongoBookingViewStore;
import io.aura.query.booking.SqlBookingViewStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Where the booking views are kept: beside the event store's tokens (SQL) or in MongoDB (production). */
@Configuration(proxyBeanMethods = false)
public class BookingViewsConfiguration {

    /** In the event store's database, written with each batch's token (ADR 0021). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Sql {
        /** The concrete type, so that a rebuild finds it as a {@code BatchedViewStore} too. */
        @Bean
        public SqlBookingViewStore bookingViewStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                                    PlatformTransactionManager transactionManager) {
            return new SqlBookingViewStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Mongo {
        @Bean
        public BookingViewStore bookingViewStore(MongoTemplate mongo) {
            return new MongoBookingViewStore(mongo);
        }
    }
}
