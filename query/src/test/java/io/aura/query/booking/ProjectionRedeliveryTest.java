package io.aura.query.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.booking.BookingQueries.FindCalendar;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.SqliteViewsDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * Projections, event in and query out, on each kind of store (a MongoDB wire server, a SQLite
 * file): a redelivered event (at least once is all a tracking processor promises after a crash)
 * leaves the views unchanged.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(ProjectionRedeliveryTest.Stores.class)
class ProjectionRedeliveryTest {
    enum Stores { MONGODB, SQLITE }

    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-07T08:00:00Z"), Instant.parse("2030-01-07T09:30:00Z"));
    static final BookingRequested REQUESTED = new BookingRequested("b-1", "r-1", "Standup", SLOT, List.of(SLOT), null,
            ConflictPolicy.ALL_OR_NOTHING, 4, List.of(), null, "alice");
    static final BookingConfirmed CONFIRMED = new BookingConfirmed("b-1", "r-1", List.of(SLOT), List.of(), List.of());

    @Parameter
    Stores stores;
    @TempDir
    Path dir;
    MongoServer server;
    MongoClient client;
    BookingProjection bookings;
    HeatmapProjection heatmap;

    @BeforeEach
    void setUp() {
        BookingViewStore bookingViews;
        HeatmapStore heatmapStore;
        if (stores == Stores.MONGODB) {
            server = new MongoServer(new MemoryBackend());
            client = MongoClients.create(server.bindAndGetConnectionString());
            MongoTemplate mongo = new MongoTemplate(client, "test");
            bookingViews = new MongoBookingViewStore(mongo);
            heatmapStore = new MongoHeatmapStore(mongo);
        } else {
            SQLiteDataSource database = SqliteViewsDatabase.in(dir);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
            bookingViews = new SqlBookingViewStore(database, database, transactions).createSchema();
            heatmapStore = new SqlHeatmapStore(database, database, transactions).createSchema();
        }
        bookings = new BookingProjection(bookingViews, SimpleQueryUpdateEmitter.builder().build());
        heatmap = new HeatmapProjection(heatmapStore, SimpleQueryUpdateEmitter.builder().build());
        heatmap.on(new ResourceRegistered("r-1", new ResourceSpec("Room", 8, "Europe/Berlin", false, List.of(), 0, 15,
                240, 3650)), Instant.parse("2029-12-01T00:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
            server.shutdownNow();
        }
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
                .allSatisfy(o -> assertThat(o.status()).isEqualTo(io.aura.kernel.booking.OccurrenceStatus.CANCELLED));
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

    @Test
    void a_rescheduled_booking_moves_its_minutes_and_redelivered_history_leaves_them_where_they_are() {
        TimeRange tuesday = new TimeRange(Instant.parse("2030-01-08T13:00:00Z"), Instant.parse("2030-01-08T14:00:00Z"));
        BookingRescheduled moved = new BookingRescheduled("b-1", "r-1", SLOT, tuesday); // to 14:00–15:00 Berlin
        heatmap.on(CONFIRMED);
        heatmap.on(moved);
        List<HeatmapCell> afterMove = heat();

        heatmap.on(CONFIRMED);
        heatmap.on(moved);

        assertThat(heat()).isEqualTo(afterMove);
        assertThat(booked(afterMove)).isEqualTo(60);
        assertThat(cell(1, 9).bookedMinutes()).isZero();
        assertThat(cell(2, 14).bookedMinutes()).isEqualTo(60);

        BookingCancelled cancelled = new BookingCancelled("b-1", "r-1", null);
        heatmap.on(cancelled);
        heatmap.on(moved);
        heatmap.on(cancelled);

        assertThat(booked(heat())).isZero();
    }

    @Test
    void a_cancelled_occurrence_leaves_the_series_other_occurrences_however_often_delivered() {
        TimeRange nextDay = new TimeRange(SLOT.start().plusSeconds(86_400), SLOT.end().plusSeconds(86_400));
        BookingConfirmed series = new BookingConfirmed("b-1", "r-1", List.of(SLOT, nextDay), List.of(), List.of());
        OccurrenceCancelled first = new OccurrenceCancelled("b-1", "r-1", SLOT);
        heatmap.on(series);
        heatmap.on(first);
        heatmap.on(series);
        heatmap.on(first);

        assertThat(cell(1, 9).bookedMinutes()).isZero();
        assertThat(cell(2, 9).bookedMinutes()).isEqualTo(60);
        assertThat(booked(heat())).isEqualTo(90);

        heatmap.on(new BookingDeclined("b-1", "r-1", "a-1", BookingStatus.EXPIRED, null, null));
        assertThat(booked(heat())).isZero();
    }

    @Test
    void a_batch_folds_its_events_in_one_unit_of_work_as_it_would_one_by_one() {
        TimeRange tokyoMorning = new TimeRange(Instant.parse("2030-01-07T00:00:00Z"), Instant.parse("2030-01-07T00:45:00Z"));
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        heatmap.on(new ResourceRegistered("r-2", new ResourceSpec("Tokyo room", 4, "Asia/Tokyo", false, List.of(), 0, 15,
                240, 3650)), Instant.parse("2029-12-01T00:00:00Z"));
        heatmap.on(new BookingConfirmed("b-2", "r-2", List.of(tokyoMorning), List.of(), List.of())); // 09:00 in Tokyo
        heatmap.on(new BookingConfirmed("b-3", "r-2", List.of(tokyoMorning.shiftedTo(tokyoMorning.end())), List.of(),
                List.of()));
        heatmap.on(new BookingCancelled("b-3", "r-2", null));
        batch.commit();

        List<HeatmapCell> all = heatmap.handle(new FindHeatmap(Instant.parse("2030-01-06T15:00:00Z"),
                Instant.parse("2030-01-13T15:00:00Z"), null));
        assertThat(all).extracting(HeatmapCell::resourceId).containsOnly("r-1", "r-2").hasSize(2 * 7 * 24);
        assertThat(all).filteredOn(c -> c.resourceId().equals("r-2") && c.bookedMinutes() > 0)
                .containsExactly(new HeatmapCell("r-2", 1, 9, 45, 0.75, 60));
    }

    private static long booked(List<HeatmapCell> cells) {
        return cells.stream().mapToLong(HeatmapCell::bookedMinutes).sum();
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
