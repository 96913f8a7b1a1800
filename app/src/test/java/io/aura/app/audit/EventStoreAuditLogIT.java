package io.aura.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.audit.AuditLog;
import io.aura.kernel.audit.AuditLog.Filter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The production profile's audit log reads through Axon's event stream (Axon Server has no table to
 * query). Run here on the embedded store, it must answer exactly what the direct SQLite read answers.
 */
class EventStoreAuditLogIT extends IntegrationTest {
    @Autowired
    AuditLog sqlite;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** Both logs show personal data opened for the auditor (ADR 0046). */
    @Autowired
    io.aura.app.privacy.PersonalDataCipher personalData;

    @Test
    void reading_through_axons_event_stream_gives_the_same_entries_as_reading_the_store_directly() {
        // with the JDBC index lookup one aggregate is read from its own rows, indexes included; without one (as on
        // Axon Server, whose aggregate streams carry no global index) from its own rows too, entries without index
        sameEntriesAsTheStore(streamed(new JdbcAggregateEventIndexes(jdbc.getDataSource(), EventSchema.builder().build())),
                true);
        sameEntriesAsTheStore(streamed(), false);
    }

    private void sameEntriesAsTheStore(AuditLog streamed, boolean indexed) {
        Instant before = Instant.now();
        String name = unique("streamed");
        userWithRoles(name, "REQUESTER");
        http.post("/api/users/" + name + "/roles", adminToken, Map.of("roles", List.of("APPROVER")));
        // bounded by now: whatever other work appends meanwhile is outside every filter
        Instant after = Instant.now();
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);

        for (Filter filter : List.of(
                new Filter(name, null, null, null, after, 0, 500),
                new Filter(null, "RolesGranted", null, before, after, 0, 500),
                new Filter(null, null, "admin", before, after, 0, 500),
                new Filter(null, null, null, null, after, 0, 3),
                new Filter(null, null, null, null, after, head - 2, 10),
                new Filter(null, null, null, null, before, 0, 50))) {
            List<AuditLog.Entry> expected = sqlite.read(filter);
            if (filter.aggregateId() != null && !indexed) {
                expected = expected.stream().map(e -> new AuditLog.Entry(null, e.aggregateId(), e.aggregateType(),
                        e.sequence(), e.type(), e.timestamp(), e.actor(), e.payload())).toList();
            }
            assertThat(streamed.read(filter)).as("%s", filter).isEqualTo(expected);
        }
        // one aggregate paged one event at a time, by index or by sequence, as the API's Link header pages it
        Filter one = new Filter(name, null, null, null, after, 0, 1);
        List<AuditLog.Entry> first = streamed.read(one);
        assertThat(first).extracting(AuditLog.Entry::type).containsExactly("UserRegistered");
        assertThat(streamed.read(one.after(first.get(0)))).extracting(AuditLog.Entry::type)
                .containsExactly("RolesGranted");
        assertThat(sqlite.read(one.after(first.get(0)))).extracting(AuditLog.Entry::type).containsExactly("RolesGranted");
        assertThat(streamed.read(new Filter(name, null, null, null, null, 0, 500))).hasSize(2)
                .extracting(AuditLog.Entry::type).containsExactly("UserRegistered", "RolesGranted");
    }

    // ---- the chain in the metadata: what verifies events kept in Axon Server ------------------------


    private AuditLog streamed() {
        return streamed(null);
    }

    private AuditLog streamed(AggregateEventIndexes indexes) {
        return new EventStoreAuditLog(eventStore, eventSerializer, personalData, indexes);
    }

    // altering, removing and reordering stored events: AuditIT, with both verifiers

    @Test
    void every_appended_event_carries_a_chain_hash_in_its_metadata_and_an_untouched_store_verifies_through_the_stream() {
        String name = userWithTwoEvents("chained");
        List<String> metaData = jdbc.queryForList("SELECT CAST(metaData AS TEXT) FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", String.class, name);
        assertThat(metaData).hasSize(2).allSatisfy(m -> assertThat(m).contains("\"" + MetaDataChain.KEY + "\""));

        AuditLog.Verification one = streamed().verify(name);
        AuditLog.Verification all = streamed().verify(null);

        assertThat(one).isEqualTo(new AuditLog.Verification(true, 2, null));
        assertThat(all.valid()).as("%s", all.firstBreak()).isTrue();
        assertThat(all.checkedEvents()).isGreaterThan(2);
    }

    @Test
    void the_digest_for_anchors_through_the_stream_covers_every_event_up_to_its_index() {
        String name = userWithTwoEvents("chained");
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        AuditLog.Digest before = streamed().digest(head);
        assertThat(before.events()).isEqualTo(sqlite.digest(head).events());
        withStoredEventRemoved(name, 1, () -> assertThat(streamed().digest(head)).isNotEqualTo(before));
        assertThat(streamed().digest(head)).isEqualTo(before);
    }

    @Test
    void events_appended_to_one_aggregate_by_many_concurrent_commands_form_one_unbroken_chain() throws Exception {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Chained room"), "capacity", 4,
                "timeZone", "UTC")).body().get("id").asString();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(40));
        List<Callable<Integer>> senders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            senders.add(() -> {
                int created = 0;
                for (int i = 0; i < 5; i++) {
                    Instant start = day.plus(Duration.ofHours(thread * 5L + i));
                    created += http.post("/api/resources/" + room + "/blackouts", adminToken, Map.of("start",
                            start.toString(), "end", start.plusSeconds(1800).toString(), "reason", "load")).status() == 201 ? 1 : 0;
                }
                return created;
            });
        }
        int created = 0;
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (var result : threads.invokeAll(senders)) {
                created += result.get();
            }
        }
        assertThat(created).isEqualTo(40);

        assertThat(streamed().verify(room)).isEqualTo(new AuditLog.Verification(true, 41, null));
        assertThat(sqlite.verify(room)).isEqualTo(new AuditLog.Verification(true, 41, null));
    }
}
