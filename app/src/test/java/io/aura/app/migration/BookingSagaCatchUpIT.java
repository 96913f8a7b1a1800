package io.aura.app.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.IntegrationTest;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A data directory of the release whose booking saga tracked the store (before ADR 0057): a request it had not
 * handled when that release stopped is decided once the new one starts, and the saga's old position is gone.
 */
class BookingSagaCatchUpIT extends IntegrationTest {
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    io.aura.app.storage.WriterFirst writerFirst;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactions;

    @Test
    void a_request_stored_after_the_tracking_sagas_last_position_is_decided_at_start_once_and_the_position_is_deleted() {
        String room = http.post("/api/resources", adminToken, Map.of("name", unique("Catch-up room"), "capacity", 8,
                "timeZone", "UTC")).body().get("id").asString();
        // what the earlier release left: the saga's position, and after it a request it never saw
        transactions.executeInTransaction(() -> tokenStore.initializeTokenSegments(BookingSagaCatchUp.PROCESSOR, 1,
                eventStore.createHeadToken()));
        String bookingId = UUID.randomUUID().toString();
        Instant start = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TimeRange range = new TimeRange(start, start.plus(1, ChronoUnit.HOURS));
        transactions.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>("Booking",
                bookingId, 0, new BookingRequested(bookingId, room, "Left in flight", range, List.of(range), null,
                        ConflictPolicy.ALL_OR_NOTHING, 2, List.of(), null, "admin"),
                Map.of(MessageMetadata.ACTOR, "admin", MessageMetadata.ACTOR_ROLES, "ADMIN"))));

        // the new release starts here: what is stored now is the end of its catch-up
        BookingSagaCatchUp catchUp = new BookingSagaCatchUp(processing, eventStore, tokenStore, transactions,
                writerFirst, axon.correlationDataProviders());
        // a request to the started release, decided by the saga where it is published, before the catch-up runs
        Instant later = start.plus(3, ChronoUnit.HOURS);
        assertThat(http.post("/events/create", adminToken, Map.of("title", "Live", "resourceId", room, "start",
                later.toString(), "end", later.plus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(201);

        assertThat(catchUp.catchUpIfBehind()).as("the request left in flight, and not the live one").isEqualTo(1);

        assertThat(tokenStore.fetchSegments(BookingSagaCatchUp.PROCESSOR)).isEmpty();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("status").asString())
                .isEqualTo("CONFIRMED"));
        // nothing is left to catch up with: a second start hands the saga nothing
        assertThat(catchUp.catchUpIfBehind()).isZero();
    }
}
