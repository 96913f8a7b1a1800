package io.aura.app.storage;

import io.aura.app.audit.EventChainSealer;
import io.aura.app.audit.EventStoreAuditLog;
import io.aura.app.audit.JdbcAggregateEventIndexes;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.audit.AuditLog.Filter;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.query.PostgresTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A one-off measurement for docs/performance.md (not a test), the PostgreSQL row of
 * {@code AuditPerAggregateFigures}: the {@code postgres} profile's audit (Axon's JDBC engine on a throw-away
 * PostgreSQL of Debian's binaries) reading and verifying one aggregate, and the whole store, at {@code events}
 * events (default 100 000, two per aggregate). Run it like that class, with this class's name.
 */
public final class PostgresAuditPerAggregateFigures {
    private PostgresAuditPerAggregateFigures() {}

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int aggregates = events / 2;
        PGSimpleDataSource database = PostgresTestServer.get().newDatabase();
        Serializer serializer = Jackson3Serializer.builder().build();
        EventSchema schema = EventSchema.builder().build();
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(AxonJdbc.eventStore(serializer, serializer, new PostgresPersistenceExceptionResolver(),
                        new DataSourceConnectionProvider(database),
                        new SpringTransactionManager(new DataSourceTransactionManager(database)), schema, List.of(),
                        EventTables.POSTGRES))
                .build();
        store.registerDispatchInterceptor(new EventChainSealer(store, serializer));
        try {
            for (int from = 0; from < aggregates; from += 1_000) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int a = from; a < Math.min(aggregates, from + 1_000); a++) {
                    String user = "user-" + a;
                    batch.add(new GenericDomainEventMessage<>("UserAccount", user, 0,
                            new UserRegistered(user, Set.of(Role.REQUESTER), user, null), Map.of("actor", "admin")));
                    batch.add(new GenericDomainEventMessage<>("UserAccount", user, 1,
                            new RolesGranted(user, Set.of(Role.APPROVER)), Map.of("actor", "admin")));
                }
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(batch));
            }
            String middle = "user-" + aggregates / 2;
            AuditLog indexed = new EventStoreAuditLog(store, serializer, new JdbcAggregateEventIndexes(database, schema));
            AuditLog walking = new EventStoreAuditLog(store, serializer);
            Filter one = new Filter(middle, null, null, null, null, 0, 100);
            time("read one aggregate's entries, indexed (the postgres profile now)", () -> indexed.read(one).size(), 50);
            time("read one aggregate's entries, walking the stream (before)", () -> walking.read(one).size(), 3);
            time("verify one aggregate", () -> indexed.verify(middle).checkedEvents(), 50);
            time("verify the whole store", () -> indexed.verify(null).checkedEvents(), 3);
        } finally {
            store.shutDown();
        }
    }

    private static void time(String what, Supplier<Object> run, int rounds) {
        for (int warm = 0; warm < 2; warm++) {
            run.get();
        }
        long started = System.nanoTime();
        Object result = null;
        for (int i = 0; i < rounds; i++) {
            result = run.get();
        }
        System.out.printf("PostgreSQL %s: %.2f ms (%s)%n", what, (System.nanoTime() - started) / 1e6 / rounds, result);
    }
}
