package io.aura.app.storage;

import io.aura.query.category.CategoryStore;
import io.aura.query.category.MongoCategoryStore;
import io.aura.query.category.SqlCategoryStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The category list's store (ADR 0040): in the event store's SQL database on the embedded default (written with
 * each batch's token, ADR 0021), in MongoDB in production.
 */
@Configuration(proxyBeanMethods = false)
public class CategoryViewsConfiguration {

    /** SQL beside the tokens; the concrete type, so that a one-pass rebuild batches it too. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Embedded {
        @Bean
        public SqlCategoryStore categoryStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                        PlatformTransactionManager transactionManager) {
            return new SqlCategoryStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Production {
        @Bean
        public CategoryStore categoryStore(MongoTemplate mongo) {
            return new MongoCategoryStore(mongo);
        }
    }
}
