package io.aura.command.booking;

import static io.aura.command.booking.BookingTestData.aBookingRequest;

import io.aura.command.Fixtures;
import io.aura.kernel.booking.BookingCommands.RecordExternalEvent;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.ExternalEventRecorded;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Outlook event written for a date of a booking is kept in its history, once (ADR 0043). */
class BookingExternalEventTest {
    static final TimeRange SLOT = new TimeRange(Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"));
    static final TimeRange MOVED = new TimeRange(Instant.parse("2026-12-02T14:00:00Z"), Instant.parse("2026-12-02T15:00:00Z"));
    static final BookingRequested REQUESTED = aBookingRequest("b-1", SLOT).by("alice").recorded();
    static final BookingConfirmed CONFIRMED = new BookingConfirmed("b-1", "r-1", List.of(SLOT), List.of(), List.of());
    static final String ROOM = "room-a@contoso.com";

    FixtureConfiguration<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Booking.class);
    }

    @Test
    void the_outlook_event_of_a_confirmed_date_is_recorded() {
        fixture.given(REQUESTED, CONFIRMED)
                .when(new RecordExternalEvent("b-1", SLOT.start(), ROOM, "AAMk-1"))
                .expectEvents(new ExternalEventRecorded("b-1", "r-1", SLOT.start(), SLOT, ROOM, "AAMk-1"));
    }

    @Test
    void the_same_outlook_event_recorded_again_records_nothing() {
        fixture.given(REQUESTED, CONFIRMED, new ExternalEventRecorded("b-1", "r-1", SLOT.start(), SLOT, ROOM, "AAMk-1"))
                .when(new RecordExternalEvent("b-1", SLOT.start(), ROOM, "AAMk-1"))
                .expectNoEvents();
    }

    @Test
    void a_date_moved_before_graph_answered_is_recorded_at_its_times_now() {
        fixture.given(REQUESTED, CONFIRMED, new RescheduleRequested("b-1", "r-1", SLOT, MOVED, 4),
                        new BookingRescheduled("b-1", "r-1", SLOT, MOVED))
                .when(new RecordExternalEvent("b-1", SLOT.start(), ROOM, "AAMk-1"))
                .expectEvents(new ExternalEventRecorded("b-1", "r-1", SLOT.start(), MOVED, ROOM, "AAMk-1"));
    }

    @Test
    void a_date_the_booking_never_confirmed_records_nothing() {
        fixture.given(REQUESTED)
                .when(new RecordExternalEvent("b-1", SLOT.start(), ROOM, "AAMk-1"))
                .expectNoEvents();
        fixture.given(REQUESTED, CONFIRMED)
                .when(new RecordExternalEvent("b-1", MOVED.start(), ROOM, "AAMk-1"))
                .expectNoEvents();
    }
}
