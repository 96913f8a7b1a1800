package io.aura.app.storage;

import io.aura.app.security.AccountEvents;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Axon's JDBC event store as both SQL profiles (SQLite, PostgreSQL) set it up; only the tables' dialect differs. */
final class AxonJdbc {
    private AxonJdbc() {}

    /** The event store: events appended with the audit chain (ADR 0012), its tables made if missing. */
    static JdbcEventStorageEngine eventStore(Serializer serializer, Serializer eventSerializer,
                                             PersistenceExceptionResolver resolver, ConnectionProvider connections,
                                             TransactionManager transactions, EventSchema schema,
                                             List<EventUpcaster> upcasters, EventTableFactory tables) {
        JdbcEventStorageEngine engine = builder(serializer, eventSerializer, resolver, schema, upcasters)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .appendEvents(new ChainedAppendStatement())
                .build();
        transactions.executeInTransaction(() -> engine.createSchema(tables));
        return engine;
    }

    /** An account's events, read at each authenticated request on {@code reader}, outside any unit of work. */
    static AccountEvents accountEvents(DataSource reader, Serializer serializer, Serializer eventSerializer,
                                       PersistenceExceptionResolver resolver, EventSchema schema,
                                       List<EventUpcaster> upcasters) {
        JdbcEventStorageEngine engine = builder(serializer, eventSerializer, resolver, schema, upcasters)
                .connectionProvider(new DataSourceConnectionProvider(reader))
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
        return username -> engine.readEvents(username, 0);
    }

    private static JdbcEventStorageEngine.Builder builder(Serializer serializer, Serializer eventSerializer,
                                                          PersistenceExceptionResolver resolver, EventSchema schema,
                                                          List<EventUpcaster> upcasters) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(resolver)
                .schema(schema)
                .dataType(byte[].class)
                .upcasterChain(new EventUpcasterChain(upcasters));
    }
}
