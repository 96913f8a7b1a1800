package io.aura.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.audit.EventChainSealer;
import io.aura.app.audit.EventStoreAuditLog;
import io.aura.app.audit.JdbcAggregateEventIndexes;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.audit.AuditLog.Entry;
import io.aura.kernel.audit.AuditLog.Filter;
import io.aura.kernel.audit.AuditLog.Kind;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.query.PostgresTestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * On the {@code postgres} profile's event store (Axon's JDBC engine on a real PostgreSQL) the audit reads and
 * verifies one aggregate from that aggregate's rows only, with each entry's true global index, however many
 * other aggregates the store holds (ADR 0052): counted at the storage engine, which is asked for the global stream
 * not once.
 */
class PostgresAuditPerAggregateTest {
    private static final int OTHER_USERS = 500;
    static PGSimpleDataSource database;

    /** The JDBC engine, counting what is read of the global stream. */
    record CountingEngine(EventStorageEngine engine, AtomicLong streamedFromGlobal) implements EventStorageEngine {
        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            engine.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            engine.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return engine.readEvents(token, mayBlock).peek(e -> streamedFromGlobal.incrementAndGet());
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return engine.readSnapshot(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return engine.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return engine.createHeadToken();
        }
    }

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final AtomicLong streamedFromGlobal = new AtomicLong();
    private EmbeddedEventStore store;
    private AuditLog audit;

    @BeforeAll
    static void database() {
        database = PostgresTestServer.get().newDatabase();
    }

    @BeforeEach
    void eventStoreOnPostgres() {
        PostgresTestServer.reset(database);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        EventSchema schema = EventSchema.builder().build();
        EventStorageEngine engine = AxonJdbc.eventStore(serializer, serializer, new PostgresPersistenceExceptionResolver(),
                new DataSourceConnectionProvider(database), new SpringTransactionManager(transactions), schema,
                List.of(), EventTables.POSTGRES);
        store = EmbeddedEventStore.builder().storageEngine(new CountingEngine(engine, streamedFromGlobal)).build();
        store.registerDispatchInterceptor(new EventChainSealer(store, serializer));
        audit = new EventStoreAuditLog(store, serializer, new JdbcAggregateEventIndexes(database, schema));
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void userWithTwoEvents(String user) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(List.<EventMessage<?>>of(
                new GenericDomainEventMessage<>("UserAccount", user, 0,
                        new UserRegistered(user, Set.of(Role.REQUESTER), user, null), Map.of("actor", "admin")),
                new GenericDomainEventMessage<>("UserAccount", user, 1,
                        new RolesGranted(user, Set.of(Role.APPROVER)), Map.of("actor", "admin")))));
    }

    private List<String> thousandsOfEventsAroundAda() {
        List<String> others = new ArrayList<>();
        for (int i = 0; i < OTHER_USERS / 2; i++) {
            others.add("user-" + i);
            userWithTwoEvents("user-" + i);
        }
        userWithTwoEvents("ada");
        for (int i = OTHER_USERS / 2; i < OTHER_USERS; i++) {
            others.add("user-" + i);
            userWithTwoEvents("user-" + i);
        }
        return others;
    }

    @Test
    void reading_one_aggregate_reads_its_two_rows_with_their_global_indexes_and_nothing_of_the_global_stream() {
        thousandsOfEventsAroundAda();
        streamedFromGlobal.set(0);

        List<Entry> ada = audit.read(new Filter("ada", null, null, null, null, 0, 100));

        assertThat(streamedFromGlobal.get()).isZero();
        assertThat(ada).extracting(Entry::aggregateId, Entry::sequence, Entry::type, Entry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ada", 0L, "UserRegistered", "admin"),
                        org.assertj.core.groups.Tuple.tuple("ada", 1L, "RolesGranted", "admin"));
        // the same entries, indexes included, as a walk of the whole store finds them
        List<Entry> walked = audit.read(new Filter(null, null, null, null, null, 0, 10_000)).stream()
                .filter(e -> e.aggregateId().equals("ada")).toList();
        assertThat(ada).isEqualTo(walked);
    }

    @Test
    void reading_one_aggregate_after_an_index_and_by_type_keeps_to_the_filter() {
        thousandsOfEventsAroundAda();
        long first = audit.read(new Filter("ada", null, null, null, null, 0, 100)).get(0).globalIndex();

        assertThat(audit.read(new Filter("ada", null, null, null, null, first, 100)))
                .extracting(Entry::type).containsExactly("RolesGranted");
        assertThat(audit.read(new Filter("ada", "UserRegistered", null, null, null, 0, 100)))
                .extracting(Entry::sequence).containsExactly(0L);
        assertThat(audit.read(new Filter("ada", null, "someone-else", null, null, 0, 100))).isEmpty();
        assertThat(audit.read(new Filter("ada", null, null, null, null, 0, 1))).hasSize(1);
        assertThat(audit.read(new Filter("nobody", null, null, null, null, 0, 100))).isEmpty();
        assertThat(streamedFromGlobal.get()).isZero();
    }

    @Test
    void verifying_one_altered_aggregate_names_the_altered_event_at_its_global_index_without_walking_the_store()
            throws SQLException {
        thousandsOfEventsAroundAda();
        long altered = audit.read(new Filter("ada", null, null, null, null, 0, 100)).get(1).globalIndex();
        try (Connection c = database.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'APPROVER', 'ADMIN'), 'UTF8') WHERE aggregateIdentifier = 'ada' AND sequenceNumber = 1")) {
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        streamedFromGlobal.set(0);

        AuditLog.Verification verification = audit.verify("ada");

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBreak().kind()).isEqualTo(Kind.ALTERED);
        assertThat(verification.firstBreak().globalIndex()).isEqualTo(altered);
        assertThat(audit.verify("user-3")).isEqualTo(new AuditLog.Verification(true, 2, null));
        assertThat(streamedFromGlobal.get()).isZero();
    }
}
