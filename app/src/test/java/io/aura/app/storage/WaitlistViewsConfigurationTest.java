package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.query.store.BatchedViewStore;
import io.aura.query.waitlist.MongoWaitlistViewStore;
import io.aura.query.waitlist.SqlWaitlistViewStore;
import io.aura.query.waitlist.WaitlistViewStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.sqlite.SQLiteDataSource;

/** Which store the waitlist view gets: SQL beside the tokens on the embedded default, MongoDB in production. */
class WaitlistViewsConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void the_embedded_default_keeps_the_view_in_sql_and_a_rebuild_batches_it() {
        SQLiteDataSource database = new SQLiteDataSource();
        database.setUrl("jdbc:sqlite:" + dir.resolve("axon.db"));
        new ApplicationContextRunner()
                .withUserConfiguration(WaitlistViewsConfiguration.class)
                .withBean("dataSource", DataSource.class, () -> database, d -> d.setPrimary(true))
                .withBean("viewReader", DataSource.class, () -> database)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(database))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(WaitlistViewStore.class)).isInstanceOf(SqlWaitlistViewStore.class);
                    assertThat(context.getBeansOfType(BatchedViewStore.class)).hasSize(1);
                });
    }

    @Test
    void production_keeps_the_view_in_mongodb() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            new ApplicationContextRunner()
                    .withPropertyValues("aura.views=mongo")
                    .withUserConfiguration(WaitlistViewsConfiguration.class)
                    .withBean(MongoTemplate.class, () -> new MongoTemplate(client, "test"))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(WaitlistViewStore.class)).isInstanceOf(MongoWaitlistViewStore.class);
                        assertThat(context.getBeansOfType(BatchedViewStore.class)).isEmpty();
                    });
        } finally {
            server.shutdownNow();
        }
    }
}
