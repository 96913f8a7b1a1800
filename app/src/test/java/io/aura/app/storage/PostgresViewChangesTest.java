package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.booking.BookingQueries.WatchHeatmap;
import io.aura.query.PostgresTestServer;
import io.aura.query.booking.SqlBookingViewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What one node's processor changes reaches the live queries of another node, once its batch commits (ADR 0053). */
class PostgresViewChangesTest {
    static final HeatmapChanged MONDAY_MORNING = new HeatmapChanged("room-1", Instant.parse("2026-12-14T08:00:00Z"),
            Instant.parse("2026-12-14T10:00:00Z"));

    PGSimpleDataSource database;
    PostgresViewChanges writingNode;
    PostgresViewChanges watchingNode;
    BlockingQueue<Object> heardOnTheWatchingNode = new LinkedBlockingQueue<>();
    TransactionTemplate batch;

    @BeforeEach
    void twoNodes() throws Exception {
        PostgresTestServer postgres = PostgresTestServer.get();
        database = postgres.newDatabase();
        String url = postgres.url(database.getDatabaseName());
        writingNode = new PostgresViewChanges(database, url, "aura", "");
        watchingNode = new PostgresViewChanges(database, url, "aura", "");
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new WatchHeatmap(null),
                        ResponseTypes.instanceOf(Object.class), ResponseTypes.instanceOf(HeatmapChanged.class)), 16)
                .getUpdates().subscribe(update -> heardOnTheWatchingNode.add(update.getPayload()));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        watchingNode.relayTo(new SqlBookingViewStore(database, database, transactions).createSchema(), emitter);
        batch = new TransactionTemplate(transactions);
        Thread.sleep(1000); // the watching node's LISTEN is in place
    }

    @AfterEach
    void stop() throws Exception {
        writingNode.close();
        watchingNode.close();
    }

    @Test
    void a_heatmap_change_committed_on_one_node_reaches_the_live_heatmaps_of_another() throws Exception {
        batch.executeWithoutResult(s -> writingNode.heatmapChanged(MONDAY_MORNING));

        assertThat(heardOnTheWatchingNode.poll(2, TimeUnit.SECONDS)).isEqualTo(MONDAY_MORNING);
    }

    @Test
    void a_batch_that_rolls_back_tells_nobody() throws Exception {
        batch.executeWithoutResult(s -> {
            writingNode.heatmapChanged(MONDAY_MORNING);
            s.setRollbackOnly();
        });

        assertThat(heardOnTheWatchingNode.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void a_node_does_not_tell_itself_what_its_own_projection_already_told() throws Exception {
        batch.executeWithoutResult(s -> watchingNode.heatmapChanged(MONDAY_MORNING));

        assertThat(heardOnTheWatchingNode.poll(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }
}
