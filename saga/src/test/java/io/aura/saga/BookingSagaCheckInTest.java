package io.aura.saga;

import io.aura.kernel.booking.BookingCommands.ConfirmBooking;
import io.aura.kernel.booking.BookingCommands.MarkNoShow;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check-in (ADR 0033): the saga carries the policy to the booking, tells it the time, and releases a no-show. */
class BookingSagaCheckInTest {
    static final String B = "b-1";
    static final String R = "r-1";
    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final TimeRange MONDAY = new TimeRange(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));
    static final TimeRange TUESDAY = new TimeRange(Instant.parse("2026-12-08T09:00:00Z"), Instant.parse("2026-12-08T10:00:00Z"));
    static final CheckInPolicy TEN_MINUTES = new CheckInPolicy(true, 10);
    static final BookingRequested REQUESTED = new BookingRequested(B, R, "Standup", MONDAY, List.of(MONDAY, TUESDAY),
            null, ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");
    static final BookingConfirmed CONFIRMED = new BookingConfirmed(B, R, List.of(MONDAY, TUESDAY), List.of(), List.of(),
            TEN_MINUTES);

    SagaTestFixture<BookingSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BookingSaga.class);
        SagaTestFixture<BookingSaga> f = fixture;
        fixture.registerResource(new Clock() {
            public ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(ZoneId zone) { return this; }
            public Instant instant() { return f.currentTime(); }
        });
    }

    @Test
    void a_hold_placed_under_a_check_in_policy_confirms_the_booking_with_it() {
        fixture.givenAggregate(B).published(REQUESTED)
                .whenAggregate(R).publishes(new HoldPlaced(R, B, List.of(MONDAY, TUESDAY), List.of(), List.of(), false,
                        NOW, List.of(), null, TEN_MINUTES))
                .expectDispatchedCommands(new ConfirmBooking(B, List.of(MONDAY, TUESDAY), List.of(), List.of(), TEN_MINUTES));
    }

    @Test
    void a_confirmation_needing_check_in_schedules_each_date_at_the_end_of_its_window() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(CONFIRMED)
                .expectScheduledDeadline(Instant.parse("2026-12-07T09:10:00Z"),
                        new MarkNoShow(B, MONDAY, Instant.parse("2026-12-07T09:10:00Z")))
                .expectScheduledDeadline(Instant.parse("2026-12-08T09:10:00Z"),
                        new MarkNoShow(B, TUESDAY, Instant.parse("2026-12-08T09:10:00Z")));
    }

    @Test
    void without_a_required_check_in_nothing_is_scheduled() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED)
                .whenAggregate(B).publishes(new BookingConfirmed(B, R, List.of(MONDAY), List.of(), List.of(),
                        new CheckInPolicy(false, 10)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void when_the_window_ends_the_booking_is_told_the_time() throws Exception {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED)
                .andThenAggregate(B).published(CONFIRMED)
                .whenTimeElapses(Duration.ofMinutes(70))
                .expectDispatchedCommands(new MarkNoShow(B, MONDAY, NOW.plus(Duration.ofMinutes(70))));
    }

    @Test
    void a_no_show_releases_that_date_of_the_hold_at_once() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED, CONFIRMED)
                .whenAggregate(B).publishes(new OccurrenceMarkedNoShow(B, R, MONDAY, Instant.parse("2026-12-07T09:10:00Z"), "alice"))
                .expectDispatchedCommands(new ReleaseHold(R, B, List.of(MONDAY)))
                .expectActiveSagas(1);
    }

    @Test
    void a_booking_that_was_a_no_show_as_a_whole_ends_the_saga_and_its_deadlines() {
        fixture.givenCurrentTime(NOW).andThenAggregate(B).published(REQUESTED, CONFIRMED)
                .whenAggregate(B).publishes(new BookingMarkedNoShow(B, R))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }
}
