package io.aura.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.app.axon.upcasting.SingleRangeUpcaster;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.TimeRange;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/** Given events as stored before bookings had series (one range each), when read, they have today's shapes. */
class SingleRangeUpcasterTest {
    static final TimeRange RANGE = new TimeRange(Instant.parse("2026-12-02T08:00:00Z"), Instant.parse("2026-12-02T09:00:00Z"));
    final Serializer serializer = AxonMessagingConfiguration.jsonSerializer();

    IntermediateEventRepresentation read(Class<?> type, String revision, byte[] payload) {
        var stored = new GenericDomainEventEntry<>("Aggregate", "a-1", 0, "e-1", Instant.parse("2026-11-01T08:00:00Z"),
                type.getName(), revision, payload, "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new SingleRangeUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    <T> T readFixture(Class<T> type, String fixture) throws Exception {
        byte[] payload;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/" + fixture)) {
            payload = in.readAllBytes();
        }
        IntermediateEventRepresentation upcast = read(type, null, payload);
        return serializer.deserialize(new SimpleSerializedObject<>(upcast.getData(byte[].class).getData(), byte[].class,
                upcast.getType()));
    }

    @Test
    void a_hold_of_one_range_reads_as_one_occurrence_held_nothing_skipped() throws Exception {
        HoldPlaced placed = readFixture(HoldPlaced.class, "hold-placed-revision-none.json");
        assertThat(placed.occurrences()).containsExactly(RANGE);
        assertThat(placed.skipped()).isEmpty();
        assertThat(placed.requestedAt()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));

        HoldReleased released = readFixture(HoldReleased.class, "hold-released-revision-none.json");
        assertThat(released.occurrences()).containsExactly(RANGE);
    }

    @Test
    void a_refusal_of_one_range_reads_with_its_conflict_and_no_occurrence_named() throws Exception {
        HoldRefused refused = readFixture(HoldRefused.class, "hold-refused-revision-none.json");
        assertThat(refused.occurrences()).containsExactly(RANGE);
        assertThat(refused.conflicts()).containsExactly(new Conflict(RANGE, Conflict.Source.BOOKING, "b-other", null));
    }

    @Test
    void a_confirmation_or_a_wait_for_approval_of_one_range_reads_as_one_held() throws Exception {
        BookingConfirmed confirmed = readFixture(BookingConfirmed.class, "booking-confirmed-revision-none.json");
        assertThat(confirmed.held()).containsExactly(RANGE);
        assertThat(confirmed.skipped()).isEmpty();
        assertThat(confirmed.skippedConflicts()).isEmpty();

        BookingAwaitingApproval waiting = readFixture(BookingAwaitingApproval.class,
                "booking-awaiting-approval-revision-none.json");
        assertThat(waiting.held()).containsExactly(RANGE);
    }

    @Test
    void a_reschedule_request_without_attendees_reads_with_one() throws Exception {
        RescheduleRequested requested = readFixture(RescheduleRequested.class, "reschedule-requested-revision-none.json");
        assertThat(requested.attendees()).isEqualTo(1);
        assertThat(requested.from()).isEqualTo(RANGE);
    }

    @Test
    void events_in_todays_shape_pass_untouched_byte_for_byte_with_or_without_a_revision() {
        byte[] today = ("{\"bookingId\":\"b-1\",\"resourceId\":\"r-1\",\"held\":[{\"start\":\"2026-12-02T08:00:00Z\","
                + "\"end\":\"2026-12-02T09:00:00Z\"}],\"skipped\":[],\"skippedConflicts\":[]}").getBytes(StandardCharsets.UTF_8);
        for (String revision : new String[] {null, "2"}) {
            IntermediateEventRepresentation read = read(BookingConfirmed.class, revision, today);
            assertThat(read.getData(byte[].class).getData()).as("revision " + revision).isEqualTo(today);
            assertThat(read.getType().getRevision()).isEqualTo(revision);
        }
    }

    @Test
    void the_changed_shapes_are_stored_with_revision_2_from_now_on() {
        for (Class<?> type : List.of(BookingConfirmed.class, BookingAwaitingApproval.class, RescheduleRequested.class,
                HoldPlaced.class, HoldRefused.class, HoldReleased.class)) {
            assertThat(serializer.typeForClass(type).getRevision()).as(type.getSimpleName()).isEqualTo("2");
        }
    }
}
