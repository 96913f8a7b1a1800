package io.aura.query.booking;

import static io.aura.query.resource.ResourceSpecs.aRoom;
import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.booking.BookingQueries.FindAlternatives;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.resource.ResourceQueries.ResourceView;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import io.aura.kernel.schedule.ScheduleQueries.FindBlackout;
import io.aura.kernel.schedule.ScheduleQueries.FindClosedTimes;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.resource.ResourceViewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;

/**
 * The availability projection, event in and query out, on either store: blackouts and busy times
 * close slots, "the same time elsewhere" reads the resources through their port, and a redelivered
 * event changes nothing. Each store's test extends this with its stores.
 */
abstract class AvailabilityProjectionContract {
    static final Instant MONDAY_9 = Instant.parse("2030-01-07T09:00:00Z");
    static final TimeRange SLOT = new TimeRange(MONDAY_9, MONDAY_9.plusSeconds(3600));

    ResourceViewStore resources;
    BookingViewStore bookings;
    AvailabilityProjection availability;

    void use(ClosedTimeViewStore closedTimes, ResourceViewStore resources, BookingViewStore bookings) {
        this.resources = resources;
        this.bookings = bookings;
        availability = new AvailabilityProjection(closedTimes, resources, bookings,
                SimpleQueryUpdateEmitter.builder().build());
        resources.save(room("r-asked", 10, 0));
        resources.save(room("r-small", 4, 0));
        resources.save(room("r-b", 12, 0));
        resources.save(room("r-a", 12, 0));
        resources.save(room("r-blacked-out", 10, 0));
        resources.save(room("r-booked", 10, 0));
        resources.save(room("r-buffered", 11, 30));
        resources.save(room("r-outlook", 20, 0));
    }

    @Test
    void the_same_time_elsewhere_is_a_candidate_on_free_resources_that_seat_everyone_smallest_first() {
        availability.on(new BlackoutAdded("r-blacked-out", "x-1", SLOT, "cleaning"));
        bookings.save(BookingViewStoreContract.booking("b-1", "r-booked", "alice", BookingStatus.CONFIRMED, SLOT));
        // ends 15 minutes before the slot: inside r-buffered's 30-minute buffer
        bookings.save(BookingViewStoreContract.booking("b-2", "r-buffered", "alice", BookingStatus.CONFIRMED,
                new TimeRange(MONDAY_9.minusSeconds(3600), MONDAY_9.minusSeconds(900))));
        availability.on(new ExternalBusyChanged("r-outlook", "hall@contoso.com", window(), List.of(SLOT)));

        List<Suggestion> suggestions = availability.sameSlotElsewhere(new FindAlternatives("r-asked", SLOT.start(), SLOT.end(),
                8, 10));

        assertThat(suggestions).extracting(Suggestion::resourceId).containsExactly("r-a", "r-b");
        assertThat(suggestions).allSatisfy(s -> {
            assertThat(s.start()).isEqualTo(SLOT.start());
            assertThat(s.score()).as("candidates: FreeSlotFinder ranks them").isZero();
        });
        assertThat(availability.sameSlotElsewhere(new FindAlternatives("r-asked", SLOT.start(), SLOT.end(), 8, 1)))
                .extracting(Suggestion::resourceId).containsExactly("r-a");
        assertThat(availability.sameSlotElsewhere(new FindAlternatives(null, SLOT.start(), SLOT.end(), 8, 10)))
                .extracting(Suggestion::resourceId).containsExactly("r-asked", "r-a", "r-b");
        assertThat(availability.sameSlotElsewhere(new FindAlternatives("r-asked", SLOT.start(), SLOT.end(), 100, 10))).isEmpty();
    }

    @Test
    void closed_times_come_by_start_and_a_redelivered_reading_or_blackout_changes_nothing() {
        BlackoutAdded cleaning = new BlackoutAdded("r-asked", "x-1", SLOT, "cleaning");
        ExternalBusyChanged reading = new ExternalBusyChanged("r-asked", "room@contoso.com", window(),
                List.of(new TimeRange(MONDAY_9.minusSeconds(1800), MONDAY_9.plusSeconds(600))));
        availability.on(cleaning);
        availability.on(reading);
        List<ClosedTime> once = closed();

        availability.on(cleaning);
        availability.on(reading);

        assertThat(closed()).isEqualTo(once).extracting(ClosedTime::source)
                .containsExactly(Conflict.Source.EXTERNAL, Conflict.Source.BLACKOUT);
        assertThat(availability.handle(new FindBlackout("x-1"))).hasValueSatisfying(b ->
                assertThat(b.reason()).isEqualTo("cleaning"));
    }

    @Test
    void a_new_reading_replaces_the_old_one_in_its_window_and_unlinking_forgets_it() {
        availability.on(new ExternalBusyChanged("r-asked", "room@contoso.com", window(), List.of(SLOT)));
        TimeRange later = new TimeRange(MONDAY_9.plusSeconds(7200), MONDAY_9.plusSeconds(9000));

        availability.on(new ExternalBusyChanged("r-asked", "room@contoso.com", window(), List.of(later)));

        assertThat(closed()).extracting(ClosedTime::start).containsExactly(later.start());
        availability.on(new ExternalCalendarUnlinked("r-asked", "room@contoso.com"));
        assertThat(closed()).isEmpty();
    }

    @Test
    void a_reset_forgets_every_closed_time() {
        availability.on(new BlackoutAdded("r-asked", "x-1", SLOT, "cleaning"));

        availability.reset();

        assertThat(closed()).isEmpty();
        assertThat(availability.handle(new FindBlackout("x-1"))).isEmpty();
    }

    List<ClosedTime> closed() {
        return availability.handle(new FindClosedTimes(null, MONDAY_9.minus(Duration.ofDays(1)),
                MONDAY_9.plus(Duration.ofDays(1))));
    }

    static TimeRange window() {
        return new TimeRange(MONDAY_9.minus(Duration.ofDays(1)), MONDAY_9.plus(Duration.ofDays(7)));
    }

    static ResourceView room(String id, int capacity, int bufferMinutes) {
        return ResourceView.of(id, aRoom().name("Room " + id).capacity(capacity).bufferMinutes(bufferMinutes).build());
    }
}
