package io.aura.app.migration;

import io.aura.app.idempotency.IdempotencyStore;
import io.aura.app.notify.NotificationStore;
import io.aura.app.notify.WebhookStore;
import io.aura.app.security.CredentialStore;
import java.nio.file.Path;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A data directory of an earlier release is migrated once every bean exists, before any processor starts. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aura.views", havingValue = "sql", matchIfMissing = true)
public class LegacyDataMigrationConfiguration {

    @Bean
    public SmartInitializingSingleton legacyDataMigration(@Value("${aura.data-dir}") String dataDir,
                                                          CredentialStore credentials, IdempotencyStore idempotency,
                                                          NotificationStore notifications, WebhookStore webhooks,
                                                          TokenStore tokenStore, TransactionManager transactions) {
        LegacyDataMigration migration = new LegacyDataMigration(Path.of(dataDir).toAbsolutePath(), credentials,
                idempotency, notifications, webhooks, tokenStore, transactions);
        return () -> migration.migrateIfNeeded();
    }
}
