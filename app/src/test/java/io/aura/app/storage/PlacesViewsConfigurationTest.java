package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
 * Which stores the resources, users, closed-times and calendar-feed views get: SQL beside the tokens on the
 * embedded default (each one batched by a rebuild), MongoDB in production.
 */
class PlacesViewsConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void the_embedded_default_keeps_the_views_in_sql_and_a_rebuild_batches_them() {
        SQLiteDataSource database = new SQLiteDataSource();
        database.setUrl("jdbc:sqlite:" + dir.resolve("axon.db"));
        new ApplicationContextRunner()
                .withUserConfiguration(PlacesViewsConfiguration.class)
                .withBean("dataSource", DataSource.class, () -> database, d -> d.setPrimary(true))
                .withBean("viewReader", DataSource.class, () -> database)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(database))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ResourceViewStore.class)).isInstanceOf(SqlResourceViewStore.class);
                    assertThat(context.getBean(UserViewStore.class)).isInstanceOf(SqlUserViewStore.class);
                    assertThat(context.getBean(ClosedTimeViewStore.class)).isInstanceOf(SqlClosedTimeViewStore.class);
                    assertThat(context.getBean(CalendarFeedStore.class)).isInstanceOf(SqlCalendarFeedStore.class);
                    assertThat(context.getBeansOfType(BatchedViewStore.class)).hasSize(4);
                });
    }

    @Test
    void production_keeps_the_views_in_mongodb() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            new ApplicationContextRunner()
                    .withPropertyValues("aura.views=mongo")
                    .withUserConfiguration(PlacesViewsConfiguration.class)
                    .withBean(MongoTemplate.class, () -> new MongoTemplate(client, "test"))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(ResourceViewStore.class)).isInstanceOf(MongoResourceViewStore.class);
                        assertThat(context.getBean(UserViewStore.class)).isInstanceOf(MongoUserViewStore.class);
                        assertThat(context.getBean(ClosedTimeViewStore.class))
                                .isInstanceOf(MongoClosedTimeViewStore.class);
                        assertThat(context.getBean(CalendarFeedStore.class)).isInstanceOf(MongoCalendarFeedStore.class);
                        assertThat(context.getBeansOfType(BatchedViewStore.class)).isEmpty();
                    });
        } finally {
            server.shutdownNow();
        }
    }
}
