package io.aura.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifying one aggregate through Axon's event store (the production profile's audit log) reads that
 * aggregate's stream and nothing else, however many other aggregates the store holds (ADR 0052): counted at
 * the storage engine, Axon's own in-memory one, which is what every store's engine is asked for.
 */
class AuditPerAggregateTest {
    /** Axon's in-memory engine, counting what it is asked to read: the global stream, and aggregates' streams. */
    static final class CountingEngine extends InMemoryEventStorageEngine {
        final AtomicLong streamedFromGlobal = new AtomicLong();
        final AtomicLong readFromAggregates = new AtomicLong();
        /** As Axon Server (and Axon's JDBC engine) answer: an aggregate's events without their global index. */
        boolean aggregateStreamsUntracked;

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return super.readEvents(token, mayBlock).peek(e -> streamedFromGlobal.incrementAndGet());
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            DomainEventStream events = super.readEvents(aggregateIdentifier, firstSequenceNumber);
            Stream<? extends DomainEventMessage<?>> read = events.asStream().peek(e -> readFromAggregates.incrementAndGet());
            return DomainEventStream.of(aggregateStreamsUntracked
                    ? read.map(e -> new GenericDomainEventMessage<>(e.getType(), e.getAggregateIdentifier(),
                            e.getSequenceNumber(), e, e.getTimestamp()))
                    : read);
        }

        void reset() {
            streamedFromGlobal.set(0);
            readFromAggregates.set(0);
        }
    }

    private static final int OTHER_USERS = 2_000;

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final CountingEngine engine = new CountingEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final AuditLog audit = new EventStoreAuditLog(store, serializer);

    AuditPerAggregateTest() {
        store.registerDispatchInterceptor(new EventChainSealer(store, serializer));
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private static DomainEventMessage<?> event(String user, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("UserAccount", user, sequence, payload, Map.of("actor", "admin"));
    }

    private void userWithTwoEvents(String user) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(List.<EventMessage<?>>of(
                event(user, 0, new UserRegistered(user, Set.of(Role.REQUESTER), user, null)),
                event(user, 1, new RolesGranted(user, Set.of(Role.APPROVER))))));
    }

    @Test
    void verifying_one_aggregate_reads_its_two_events_out_of_thousands_and_nothing_of_the_global_stream() {
        List<String> others = new ArrayList<>();
        for (int i = 0; i < OTHER_USERS; i++) {
            others.add("user-" + i);
            userWithTwoEvents("user-" + i);
        }
        userWithTwoEvents("ada");
        engine.reset();

        assertThat(audit.verify("ada")).isEqualTo(new AuditLog.Verification(true, 2, null));
        assertThat(engine.readFromAggregates.get()).isEqualTo(2);
        assertThat(engine.streamedFromGlobal.get()).isZero();

        engine.reset();
        assertThat(audit.verify(others.get(OTHER_USERS / 2))).isEqualTo(new AuditLog.Verification(true, 2, null));
        assertThat(engine.streamedFromGlobal.get()).isZero();
    }

    @Test
    void reading_one_aggregates_entries_reads_its_two_events_out_of_thousands_and_nothing_of_the_global_stream() {
        for (int i = 0; i < OTHER_USERS; i++) {
            userWithTwoEvents("user-" + i);
        }
        userWithTwoEvents("ada");
        engine.reset();

        List<AuditLog.Entry> ada = audit.read(new AuditLog.Filter("ada", null, null, null, null, 0, 100));

        assertThat(ada).extracting(AuditLog.Entry::sequence, AuditLog.Entry::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, "UserRegistered"),
                        org.assertj.core.groups.Tuple.tuple(1L, "RolesGranted"));
        assertThat(ada).extracting(AuditLog.Entry::globalIndex).containsExactly(2L * OTHER_USERS, 2L * OTHER_USERS + 1);
        assertThat(engine.readFromAggregates.get()).isEqualTo(2);
        assertThat(engine.streamedFromGlobal.get()).isZero();
    }

    @Test
    void on_a_store_whose_aggregate_streams_carry_no_global_index_one_aggregate_is_still_read_from_its_own_stream_and_paged_by_sequence() {
        engine.aggregateStreamsUntracked = true;
        for (int i = 0; i < OTHER_USERS; i++) {
            userWithTwoEvents("user-" + i);
        }
        userWithTwoEvents("ada");
        engine.reset();

        AuditLog.Filter onePerPage = new AuditLog.Filter("ada", null, null, null, null, 0, 1);
        List<AuditLog.Entry> first = audit.read(onePerPage);
        List<AuditLog.Entry> second = audit.read(onePerPage.after(first.get(0)));
        List<AuditLog.Entry> third = audit.read(onePerPage.after(second.get(0)));

        assertThat(first).extracting(AuditLog.Entry::type, AuditLog.Entry::globalIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UserRegistered", null));
        assertThat(second).extracting(AuditLog.Entry::type).containsExactly("RolesGranted");
        assertThat(third).isEmpty();
        assertThat(engine.streamedFromGlobal.get()).isZero();
        assertThat(audit.verify("ada")).isEqualTo(new AuditLog.Verification(true, 2, null));
        assertThat(engine.streamedFromGlobal.get()).isZero();
    }

    @Test
    void the_whole_store_is_still_verified_by_one_walk_of_the_global_stream() {
        for (int i = 0; i < 50; i++) {
            userWithTwoEvents("user-" + i);
        }
        engine.reset();

        assertThat(audit.verify(null)).isEqualTo(new AuditLog.Verification(true, 100, null));
        assertThat(engine.streamedFromGlobal.get()).isEqualTo(100);
    }

    @Test
    void an_unknown_aggregate_verifies_as_empty_without_reading_anything_else() {
        userWithTwoEvents("ada");
        engine.reset();

        assertThat(audit.verify("nobody")).isEqualTo(new AuditLog.Verification(true, 0, null));
        assertThat(engine.streamedFromGlobal.get()).isZero();
    }
}
