package io.aura.app.audit;

import io.aura.app.storage.ChainedAppendStatement;
import io.aura.app.storage.ChainedAppendStatement.EventChain;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * A one-off measurement for docs/performance.md (not a test): verifying one aggregate against verifying the
 * whole store at {@code events} events (default 100 000, two per aggregate), on both verifiers — the SQL one
 * of the embedded default (SQLite, real file) and the event-store one of the production profile (Axon's
 * in-memory engine standing in for Axon Server). Run with the test class path, e.g.
 * {@code java -cp app/target/test-classes:app/target/classes:<deps> io.aura.app.audit.AuditPerAggregateFigures}.
 */
public final class AuditPerAggregateFigures {
    private AuditPerAggregateFigures() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int aggregates = events / 2;
        sqlite(aggregates);
        eventStore(aggregates);
    }

    private static void sqlite(int aggregates) throws Exception {
        Path dir = Files.createTempDirectory("audit-figures");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("axon.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE DomainEventEntry (globalIndex INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, type VARCHAR(255), "
                        + "eventIdentifier VARCHAR(255) NOT NULL, metaData BLOB, payload BLOB NOT NULL, "
                        + "payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL, timeStamp VARCHAR(255) NOT NULL, "
                        + ChainedAppendStatement.CHAIN_COLUMN + " CHAR(64), UNIQUE (aggregateIdentifier, sequenceNumber), "
                        + "UNIQUE (eventIdentifier))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier, "
                    + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp, "
                    + ChainedAppendStatement.CHAIN_COLUMN + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int a = 0; a < aggregates; a++) {
                    String previous = null;
                    for (int seq = 0; seq < 2; seq++) {
                        String id = UUID.randomUUID().toString();
                        byte[] meta = "{\"actor\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
                        byte[] payload = ("{\"username\":\"user-" + a + "\",\"roles\":[\"REQUESTER\"]}")
                                .getBytes(StandardCharsets.UTF_8);
                        String time = Instant.now().toString();
                        String type = seq == 0 ? "UserRegistered" : "RolesGranted";
                        String hash = EventChain.hash(previous, id, "user-" + a, seq, "UserAccount", time, type, null,
                                payload, meta);
                        insert.setString(1, "user-" + a);
                        insert.setLong(2, seq);
                        insert.setString(3, "UserAccount");
                        insert.setString(4, id);
                        insert.setBytes(5, meta);
                        insert.setBytes(6, payload);
                        insert.setString(7, null);
                        insert.setString(8, type);
                        insert.setString(9, time);
                        insert.setString(10, hash);
                        insert.addBatch();
                        previous = hash;
                    }
                    if (a % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        SqliteAuditLog log = new SqliteAuditLog(dir.toString(), null);
        report("SQLite (embedded default, SqliteAuditLog)", aggregates, () -> log.verify("user-" + aggregates / 2),
                () -> log.verify(null));
    }

    private static void eventStore(int aggregates) {
        Serializer serializer = Jackson3Serializer.builder().build();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.registerDispatchInterceptor(new EventChainSealer(store, serializer));
        try {
            for (int a = 0; a < aggregates; a++) {
                String user = "user-" + a;
                List<EventMessage<?>> two = new ArrayList<>(List.of(
                        new GenericDomainEventMessage<>("UserAccount", user, 0,
                                new UserRegistered(user, Set.of(Role.REQUESTER), user, null), Map.of("actor", "admin")),
                        new GenericDomainEventMessage<>("UserAccount", user, 1,
                                new RolesGranted(user, Set.of(Role.APPROVER)), Map.of("actor", "admin"))));
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(two));
            }
            EventStoreAuditLog log = new EventStoreAuditLog(store, serializer);
            report("Axon event store (production's EventStoreAuditLog, in-memory engine)", aggregates,
                    () -> log.verify("user-" + aggregates / 2), () -> log.verify(null));
        } finally {
            store.shutDown();
        }
    }

    private static void report(String store, int aggregates, Supplier<AuditLog.Verification> one,
                               Supplier<AuditLog.Verification> all) {
        for (int warm = 0; warm < 3; warm++) {
            one.get();
        }
        all.get();
        int rounds = 50;
        long started = System.nanoTime();
        AuditLog.Verification v1 = null;
        for (int i = 0; i < rounds; i++) {
            v1 = one.get();
        }
        double oneMs = (System.nanoTime() - started) / 1e6 / rounds;
        started = System.nanoTime();
        AuditLog.Verification vAll = null;
        for (int i = 0; i < 3; i++) {
            vAll = all.get();
        }
        double allMs = (System.nanoTime() - started) / 1e6 / 3;
        System.out.printf("%s, %d events: one aggregate %.2f ms (%s, %d events checked); whole store %.0f ms (%s, %d)%n",
                store, aggregates * 2, oneMs, v1.valid(), v1.checkedEvents(), allMs, vAll.valid(), vAll.checkedEvents());
    }
}
