package io.aura.app.privacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys of ADR 0046: the master key (environment, or generated into the data directory on the embedded default)
 * and the persons' key store, which lives in its own database, never in the event store's: on the embedded default
 * {@code keys/personal-keys.db} beside it; elsewhere {@code aura.privacy.key-store-url} (any JDBC URL).
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    public MasterKey masterKey(@Value("${aura.master-key:}") String base64, @Value("${aura.data-dir}") String dataDir,
                               org.springframework.core.env.Environment environment) {
        return MasterKey.load(base64, java.util.List.of(environment.getActiveProfiles()), Path.of(dataDir));
    }

    @Bean(destroyMethod = "close")
    public PersonalKeys personalKeys(MasterKey masterKey, @Value("${aura.privacy.key-store-url:}") String url,
                                     @Value("${aura.data-dir}") String dataDir,
                                     @Value("${aura.shared-keys-required:false}") boolean shared) {
        if (shared && (url == null || url.isBlank())) {
            throw new IllegalStateException("Every node must use the same personal key store: set AURA_KEY_STORE_URL to "
                    + "a JDBC URL of a database other than the event store's (e.g. jdbc:postgresql://db/aura_keys?user=…)");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("personal-keys");
        if (url == null || url.isBlank()) {
            Path keys = Path.of(dataDir).resolve("keys");
            try {
                Files.createDirectories(keys);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.setJdbcUrl("jdbc:sqlite:" + keys.resolve("personal-keys.db"));
            // one writer; a rollback journal rather than a write-ahead log, and deleted rows overwritten with zeros,
            // so an erased key does not linger in the file (lookups are cached, so one connection is plenty)
            config.setMaximumPoolSize(1);
            config.setConnectionInitSql("PRAGMA secure_delete = ON");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
        } else {
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(4);
        }
        return new PersonalKeys(new HikariDataSource(config), masterKey);
    }

    @Bean
    public PersonalDataCipher personalDataCipher(PersonalKeys personalKeys) {
        return new PersonalDataCipher(personalKeys);
    }
}
