package io.aura.app.storage;

import io.aura.query.site.MongoSiteStore;
import io.aura.query.site.SiteStore;
import io.aura.query.site.SqlSiteStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The site view's store: beside the tokens on the embedded default (ADR 0021), in MongoDB in production. */
@Configuration(proxyBeanMethods = false)
public class SiteViewsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
    static class Embedded {
        @Bean
        public SqlSiteStore siteStore(DataSource dataSource, @Qualifier("viewReader") DataSource viewReader,
                                      PlatformTransactionManager transactionManager) {
            return new SqlSiteStore(dataSource, viewReader, transactionManager).createSchema();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aura.views", havingValue = "mongo")
    static class Production {
        @Bean
        public SiteStore siteStore(MongoTemplate mongo) {
            return new MongoSiteStore(mongo);
        }
    }
}
