package io.aura.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chain as Axon's own in-memory store keeps it: sealed at append, verified from what the store gives back. */
class EventChainSealerTest {
    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AuditLog audit = new EventStoreAuditLog(store, serializer);

    EventChainSealerTest() {
        store.registerDispatchInterceptor(new EventChainSealer(store, serializer));
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private static DomainEventMessage<?> event(String user, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("UserAccount", user, sequence, payload, Map.of("actor", "admin"));
    }

    /** One unit of work, as a command handler's events are appended together. */
    private void append(EventMessage<?>... events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(events));
    }

    private List<? extends DomainEventMessage<?>> stored(String user) {
        return store.readEvents(user).asStream().toList();
    }

    @Test
    void events_of_one_commit_chain_to_each_other_and_a_later_commit_chains_to_the_stored_last_one() {
        append(event("ada", 0, new UserRegistered("ada", Set.of(Role.REQUESTER), "Ada", null)),
                event("ada", 1, new RolesGranted("ada", Set.of(Role.APPROVER))));
        append(event("ada", 2, new RolesGranted("ada", Set.of(Role.ADMIN))));

        List<? extends DomainEventMessage<?>> events = stored("ada");
        String first = MetaDataChain.hash(null, events.get(0), serializer);
        String second = MetaDataChain.hash(first, events.get(1), serializer);
        String third = MetaDataChain.hash(second, events.get(2), serializer);
        assertThat(events).extracting(e -> e.getMetaData().get(MetaDataChain.KEY)).containsExactly(first, second, third);
        assertThat(events).allSatisfy(e -> assertThat(e.getMetaData()).containsEntry("actor", "admin"));
        assertThat(audit.verify(null)).isEqualTo(new AuditLog.Verification(true, 3, null));
    }

    @Test
    void a_hash_supplied_by_the_caller_is_replaced_not_trusted() {
        append(event("bob", 0, new UserRegistered("bob", Set.of(Role.REQUESTER), "Bob", null))
                .andMetaData(Map.of(MetaDataChain.KEY, "0".repeat(64))));

        assertThat(stored("bob").get(0).getMetaData().get(MetaDataChain.KEY))
                .isEqualTo(MetaDataChain.hash(null, stored("bob").get(0), serializer));
        assertThat(audit.verify("bob").valid()).isTrue();
    }

    @Test
    void aggregates_chain_separately_and_one_aggregate_is_verified_alone() {
        append(event("cy", 0, new UserRegistered("cy", Set.of(Role.REQUESTER), "Cy", null)),
                event("di", 0, new UserRegistered("di", Set.of(Role.REQUESTER), "Di", null)),
                event("cy", 1, new RolesGranted("cy", Set.of(Role.APPROVER))));

        assertThat(audit.verify("cy")).isEqualTo(new AuditLog.Verification(true, 2, null));
        assertThat(audit.verify("di")).isEqualTo(new AuditLog.Verification(true, 1, null));
        assertThat(stored("di").get(0).getMetaData().get(MetaDataChain.KEY))
                .isEqualTo(MetaDataChain.hash(null, stored("di").get(0), serializer));
    }

    /** A store that counts how often an aggregate's events are read back. */
    static final class CountingStore extends EmbeddedEventStore {
        final java.util.concurrent.atomic.AtomicInteger aggregateReads = new java.util.concurrent.atomic.AtomicInteger();

        CountingStore(InMemoryEventStorageEngine engine) {
            super(EmbeddedEventStore.builder().storageEngine(engine));
        }

        @Override
        public org.axonframework.eventsourcing.eventstore.DomainEventStream readEvents(String id, long first) {
            aggregateReads.incrementAndGet();
            return super.readEvents(id, first);
        }
    }

    @Test
    void a_later_commit_chains_to_this_nodes_last_one_without_reading_it_back_but_reads_what_another_node_stored() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        CountingStore shared = new CountingStore(engine);
        try {
            shared.registerDispatchInterceptor(new EventChainSealer(shared, serializer));
            java.util.function.Consumer<EventMessage<?>> appendHere = e ->
                    DefaultUnitOfWork.startAndGet(null).execute(() -> shared.publish(e));
            appendHere.accept(event("eve", 0, new UserRegistered("eve", Set.of(Role.REQUESTER), "Eve", null)));
            appendHere.accept(event("eve", 1, new RolesGranted("eve", Set.of(Role.APPROVER))));
            assertThat(shared.aggregateReads).as("the previous hash was remembered from the last commit").hasValue(0);

            // another node stores sequence 2 in the same store, sealed by its own sealer
            String first = shared.readEvents("eve").asStream().toList().get(1).getMetaData().get(MetaDataChain.KEY)
                    .toString();
            DomainEventMessage<?> elsewhere = event("eve", 2, new RolesGranted("eve", Set.of(Role.ADMIN)));
            engine.appendEvents(elsewhere.andMetaData(Map.of(MetaDataChain.KEY,
                    MetaDataChain.hash(first, elsewhere, serializer))));
            int readsBefore = shared.aggregateReads.get();
            appendHere.accept(event("eve", 3, new RolesGranted("eve", Set.of(Role.REQUESTER))));

            assertThat(shared.aggregateReads.get()).as("sequence 2 was not this node's: read back").isGreaterThan(readsBefore);
            assertThat(new EventStoreAuditLog(shared, serializer).verify("eve")).isEqualTo(
                    new AuditLog.Verification(true, 4, null));
        } finally {
            shared.shutDown();
        }
    }
}
