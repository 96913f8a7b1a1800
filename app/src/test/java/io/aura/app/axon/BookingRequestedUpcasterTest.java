package io.aura.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.axon.upcasting.BookingRequestedUpcaster;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.QuotaPeriod;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.quota.QuotaSpec;
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
        assertThat(event.applicableQuotas()).isEqualTo(ApplicableQuotas.NONE);
    }

    @Test
    void a_revision_2_event_stored_before_quotas_travelled_with_it_reads_as_counting_against_none() {
        Serializer serializer = AxonMessagingConfiguration.jsonSerializer();
        TimeRange range = new TimeRange(Instant.parse("2026-12-02T08:00:00Z"), Instant.parse("2026-12-02T09:00:00Z"));
        String before = "{\"bookingId\":\"b-1\",\"resourceId\":\"r-1\",\"title\":\"Standup\",\"range\":"
                + "{\"start\":\"2026-12-02T08:00:00Z\",\"end\":\"2026-12-02T09:00:00Z\"},\"occurrences\":[{\"start\":"
                + "\"2026-12-02T08:00:00Z\",\"end\":\"2026-12-02T09:00:00Z\"}],\"recurrence\":null,\"policy\":"
                + "\"ALL_OR_NOTHING\",\"attendees\":4,\"attendeeNames\":[],\"description\":null,\"requester\":\"alice\"}";
        BookingRequested old = serializer.deserialize(new SimpleSerializedObject<>(before.getBytes(), byte[].class,
                serializer.typeForClass(BookingRequested.class)));
        assertThat(old.applicableQuotas()).isEqualTo(ApplicableQuotas.NONE);
        assertThat(old.occurrences()).containsExactly(range);

        var quotas = ApplicableQuotas.of(List.of(new QuotaView("q-1", new QuotaSpec("r-1", null, null, "alice",
                QuotaPeriod.P1M, 600, null))), "Europe/Berlin");
        var now = new BookingRequested("b-1", "r-1", "Standup", range, List.of(range), null, ConflictPolicy.ALL_OR_NOTHING,
                4, List.of(), null, "alice", quotas);
        assertThat((Object) serializer.deserialize(serializer.serialize(now, byte[].class))).isEqualTo(now);
    }

    @Test
    void the_current_shape_is_stored_with_revision_2() {
        assertThat(AxonMessagingConfiguration.jsonSerializer().typeForClass(BookingRequested.class).getRevision())
                .isEqualTo("2");
    }
}
