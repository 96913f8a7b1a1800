package io.aura.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.axon.upcasting.BookingRequestedUpcaster;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Given a BookingRequested as first stored (no revision), when it is read, it has the revision-2 shape. */
class BookingRequestedUpcasterTest {

    @Test
    void a_stored_single_booking_of_revision_none_reads_as_one_occurrence_with_the_default_policy() throws Exception {
        Serializer serializer = AxonMessagingConfiguration.jsonSerializer();
        byte[] payload;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/booking-requested-revision-none.json")) {
            payload = in.readAllBytes();
        }
        var stored = new GenericDomainEventEntry<>("Booking", "b-legacy", 0, "e-1", Instant.parse("2026-11-01T08:00:00Z"),
                BookingRequested.class.getName(), null, payload, "{}".getBytes());

        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new BookingRequestedUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        BookingRequested event = serializer.deserialize(new SimpleSerializedObject<>(
                upcast.get(0).getData(byte[].class).getData(), byte[].class, upcast.get(0).getType()));
        TimeRange range = new TimeRange(Instant.parse("2026-12-02T08:00:00Z"), Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(event.range()).isEqualTo(range);
        assertThat(event.occurrences()).containsExactly(range);
        assertThat(event.policy()).isEqualTo(ConflictPolicy.ALL_OR_NOTHING);
        assertThat(event.recurrence()).isNull();
        assertThat(event.requester()).isEqualTo("alice");
    }

    @Test
    void the_current_shape_is_stored_with_revision_2() {
        assertThat(AxonMessagingConfiguration.jsonSerializer().typeForClass(BookingRequested.class).getRevision())
                .isEqualTo("2");
    }
}
