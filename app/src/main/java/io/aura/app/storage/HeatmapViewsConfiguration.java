package io.aura.app.storage;

import io.aura.query.booking.HeatmapStore;
import io.aura.query.booking.MongoHeatmapStore;
import io.aura.query.booking.SqlHeatmapStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Where the heatmap's view is kept: beside the event store's tokens (embedded) or in MongoDB (production). */
@Configuration(proxyBeanMethods = false)
public class HeatmapViewsConfiguration {

    /** In the event store's database, written with each batch's token (ADR 0021). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Embedded {
        /** The concrete type, so that a rebuild finds it as a {@code BatchedViewStore} too. */
        @Bean
        public SqlHeatmapStore heatmapStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                            PlatformTransactionManager transactionManager) {
            return new SqlHeatmapStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Production {
        @Bean
        public HeatmapStore heatmapStore(MongoTemplate mongo) {
            return new MongoHeatmapStore(mongo);
        }
    }
}
