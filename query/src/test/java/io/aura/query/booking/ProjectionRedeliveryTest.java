package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Projections, event in and query out, against a MongoDB wire server: a redelivered event (at
 * least once is all a tracking processor promises after a crash) leaves the views unchanged.
 */
class ProjectionRedeliveryTest {
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-07T08:00:00Z"), Instant.parse("2030-01-07T09:30:00Z"));
    static final BookingRequested REQUESTED = new BookingRequested("b-1", "r-1", "Standup", SLOT, List.of(SLOT), null,
            ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");
    static final BookingConfirmed CONFIRMED = new BookingConfirmed("b-1", "r-1", List.of(SLOT), List.of(), List.of());

    MongoServer server;
    MongoClient client;
    BookingProjection bookings;
    HeatmapProjection heatmap;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoTemplate mongo = new MongoTemplate(client, "test");
        bookings = new BookingProjection(new MongoBookingViewStore(mongo), SimpleQueryUpdateEmitter.builder().build());
        heatmap = new HeatmapProjection(mongo, SimpleQueryUpdateEmitter.builder().build());
        heatmap.on(new ResourceRegistered("r-1", new ResourceSpec("Room", 8, "Europe/Berlin", false, List.of(), 0, 15,
                240, 3650)), Instant.parse("2029-12-01T00:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_redelivered_confirmation_changes_neither_the_booking_nor_the_calendar_nor_the_heatmap() {
        bookings.on(REQUESTED, 0);
        bookings.on(CONFIRMED, 1);
        heatmap.on(CONFIRMED);
        BookingView once = bookings.handle(new FindBooking("b-1")).orElseThrow();
        List<CalendarEntry> calendarOnce = calendar();
        List<HeatmapCell> heatOnce = heat();

        bookings.on(REQUESTED, 0);
        bookings.on(CONFIRMED, 1);
        bookings.on(CONFIRMED, 1);
        heatmap.on(CONFIRMED);

        assertThat(bookings.handle(new FindBooking("b-1"))).contains(once);
        assertThat(calendar()).isEqualTo(calendarOnce).hasSize(1);
        assertThat(heat()).isEqualTo(heatOnce);
        // 09:00–10:30 Berlin on a Monday: 60 minutes at 9, 30 at 10
        assertThat(heatOnce).filteredOn(c -> c.dayOfWeek() == 1 && c.hour() == 9).extracting(HeatmapCell::bookedMinutes)
                .containsExactly(60L);
    }

    @Test
    void a_redelivered_cancellation_empties_the_slot_once_and_stays_empty() {
        bookings.on(REQUESTED, 0);
        bookings.on(CONFIRMED, 1);
        heatmap.on(CONFIRMED);
        BookingCancelled cancelled = new BookingCancelled("b-1", "r-1", null);

        bookings.on(cancelled, 2);
        heatmap.on(cancelled);
        bookings.on(cancelled, 2);
        heatmap.on(cancelled);

        assertThat(calendar()).isEmpty();
        assertThat(heat()).allSatisfy(c -> assertThat(c.bookedMinutes()).isZero());
        assertThat(bookings.handle(new FindBooking("b-1")).orElseThrow().occurrences())
                .allSatisfy(o -> assertThat(o.status()).isEqualTo("CANCELLED"));
    }

    @Test
    void blacked_out_minutes_leave_the_bookable_minutes_of_their_local_hours_once_however_often_delivered() {
        heatmap.on(CONFIRMED); // 09:00–10:30 Berlin
        BlackoutAdded cleaning = new BlackoutAdded("r-1", "x-1", new TimeRange(Instant.parse("2030-01-07T09:30:00Z"),
                Instant.parse("2030-01-07T10:30:00Z")), "cleaning"); // 10:30–11:30 Berlin
        heatmap.on(cleaning);
        heatmap.on(cleaning);

        assertThat(cell(1, 9)).isEqualTo(new HeatmapCell("r-1", 1, 9, 60, 1.0, 60));
        assertThat(cell(1, 10)).isEqualTo(new HeatmapCell("r-1", 1, 10, 30, 1.0, 30));
        assertThat(cell(1, 11)).isEqualTo(new HeatmapCell("r-1", 1, 11, 0, 0.0, 30));
        assertThat(cell(2, 10)).isEqualTo(new HeatmapCell("r-1", 2, 10, 0, 0.0, 60));
    }

    @Test
    void minutes_before_a_resource_was_registered_are_not_bookable() {
        heatmap.on(new ResourceRegistered("r-2", new ResourceSpec("New room", 8, "Europe/Berlin", false, List.of(), 0, 15,
                240, 3650)), Instant.parse("2030-01-09T12:30:00Z")); // Wednesday 13:30 in Berlin

        List<HeatmapCell> cells = heatmap.handle(new FindHeatmap(Instant.parse("2030-01-06T23:00:00Z"),
                Instant.parse("2030-01-13T23:00:00Z"), "r-2"));

        assertThat(cells).filteredOn(c -> c.dayOfWeek() < 3).allSatisfy(c -> assertThat(c.bookableMinutes()).isZero());
        assertThat(cells).filteredOn(c -> c.dayOfWeek() == 3 && c.hour() == 12).extracting(HeatmapCell::bookableMinutes)
                .containsExactly(0L);
        assertThat(cells).filteredOn(c -> c.dayOfWeek() == 3 && c.hour() == 13).extracting(HeatmapCell::bookableMinutes)
                .containsExactly(30L);
        assertThat(cells).filteredOn(c -> c.dayOfWeek() == 4).allSatisfy(c -> assertThat(c.bookableMinutes()).isEqualTo(60));
    }

    private HeatmapCell cell(int dayOfWeek, int hour) {
        return heat().stream().filter(c -> c.dayOfWeek() == dayOfWeek && c.hour() == hour).findFirst().orElseThrow();
    }

    private List<CalendarEntry> calendar() {
        return bookings.handle(new FindCalendar(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"), null));
    }

    private List<HeatmapCell> heat() {
        return heatmap.handle(new FindHeatmap(Instant.parse("2030-01-06T23:00:00Z"), Instant.parse("2030-01-13T23:00:00Z"), "r-1"));
    }
}
