package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.app.notify.MailQueue;
import io.aura.app.notify.MongoNotificationStore;
import io.aura.app.notify.NotificationStore;
import io.aura.app.notify.SqlNotificationStore;
import io.aura.query.approval.ApprovalViewStore;
import io.aura.query.approval.MongoApprovalViewStore;
import io.aura.query.approval.SqlApprovalViewStore;
import io.aura.query.store.BatchedViewStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * Each storage gets one adapter per port: SQL beside the event store on the embedded default (also
 * found by the rebuild as batched view stores), MongoDB in production.
 */
class ApprovalViewsConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void the_embedded_default_keeps_approvals_and_notifications_in_sql() {
        SQLiteDataSource database = new SQLiteDataSource();
        database.setUrl("jdbc:sqlite:" + dir.resolve("axon.db"));
        new ApplicationContextRunner()
                .withBean("dataSource", DataSource.class, () -> database, d -> d.setPrimary(true))
                .withBean("viewReader", DataSource.class, () -> database)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(database))
                .withUserConfiguration(ApprovalViewsConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ApprovalViewStore.class)).isInstanceOf(SqlApprovalViewStore.class);
                    assertThat(context.getBean(NotificationStore.class)).isInstanceOf(SqlNotificationStore.class);
                    assertThat(context.getBean(MailQueue.class)).isSameAs(context.getBean(NotificationStore.class));
                    assertThat(context.getBeansOfType(BatchedViewStore.class)).hasSize(2);
                });
    }

    @Test
    void production_keeps_them_in_mongodb() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            new ApplicationContextRunner()
                    .withPropertyValues("aura.views=mongo")
                    .withBean(MongoTemplate.class, () -> new MongoTemplate(client, "test"))
                    .withUserConfiguration(ApprovalViewsConfiguration.class)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(ApprovalViewStore.class)).isInstanceOf(MongoApprovalViewStore.class);
                        assertThat(context.getBean(NotificationStore.class)).isInstanceOf(MongoNotificationStore.class);
                        assertThat(context.getBean(MailQueue.class)).isSameAs(context.getBean(NotificationStore.class));
                        assertThat(context.getBeansOfType(BatchedViewStore.class)).isEmpty();
                    });
        } finally {
            server.shutdownNow();
        }
    }
}
