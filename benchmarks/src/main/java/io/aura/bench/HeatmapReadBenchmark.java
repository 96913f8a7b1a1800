package io.aura.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.booking.BookingQueries.FindHeatmap;
import io.aura.kernel.booking.BookingQueries.HeatmapCell;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.booking.HeatmapFold;
import io.aura.query.booking.HeatmapProjection;
import io.aura.query.booking.HeatmapStore;
import io.aura.query.booking.HeatmapStore.Zone;
import io.aura.query.booking.MongoHeatmapStore;
import io.aura.query.booking.SqlHeatmapStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The heatmap's reads as history grows (a benchmark, not a test): the store filled with N bookings the
 * way the heatmap projection writes them (through {@link HeatmapFold}: 100 resources in four time zones,
 * eight 45-minute bookings per resource and day going back in time, one in ten cancelled again, a
 * blackout per resource and week), then the heatmap of every resource over the last 30 days and of one
 * resource over the last 28 (what free-slot ranking asks) — each timed 200 times after 50 warm-ups, on
 * the SQL adapter (a SQLite file in WAL mode) and, for comparison, the MongoDB adapter on the
 * in-process MongoDB server (memory backend).
 *
 * <p>Arguments: sizes for SQL (default 10000,1000000) and for MongoDB (default 10000,100000).
 */
public final class HeatmapReadBenchmark {
    static final int RESOURCES = 100;
    static final int PER_DAY = 8;
    static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"};
    static final Instant NOW = ViewReadBenchmark.NOW;

    public static void main(String[] args) throws Exception {
        int[] sqlSizes = ViewReadBenchmark.sizes(args, 0, "10000,1000000");
        int[] mongoSizes = ViewReadBenchmark.sizes(args, 1, "10000,100000");
        List<String> lines = new ArrayList<>();
        for (int n : sqlSizes) {
            try (ViewReadBenchmark.SqliteFile file = ViewReadBenchmark.SqliteFile.create("aura-heatmap-bench")) {
                SqlHeatmapStore store = new SqlHeatmapStore(file.writer(), file.reader(),
                        new DataSourceTransactionManager(file.writer())).createSchema();
                long fill = fill(store, n, store::beginBatch, store::flushBatch);
                store.endBatch();
                lines.addAll(measure("sqlite", store, n, fill, file.bytes()));
            }
        }
        for (int n : mongoSizes) {
            MongoServer server = new MongoServer(new MemoryBackend());
            try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                MongoHeatmapStore store = new MongoHeatmapStore(new MongoTemplate(client, "bench"));
                long fill = fill(store, n, () -> {}, () -> {});
                lines.addAll(measure("mongo-java-server", store, n, fill, -1));
            } finally {
                server.shutdownNow();
            }
        }
        System.out.println();
        System.out.println("store              bookings   query                           p50 ms    p99 ms");
        lines.forEach(System.out::println);
    }

    /** Fills the store as the projection would; returns the milliseconds it took. */
    static long fill(HeatmapStore store, int n, Runnable begin, Runnable flush) {
        long started = System.nanoTime();
        begin.run();
        Random random = new Random(42);
        for (int r = 0; r < RESOURCES; r++) {
            store.saveZone(new Zone("r-" + r, ZONES[r % ZONES.length], NOW.minus(Duration.ofDays(10 * 365))));
        }
        for (int i = 0; i < n; i++) {
            int resource = i % RESOURCES;
            String resourceId = "r-" + resource;
            ZoneId zone = ZoneId.of(ZONES[resource % ZONES.length]);
            int slotOfResource = i / RESOURCES;
            int day = slotOfResource / PER_DAY; // going back in time: the newest bookings are on recent days
            int slot = slotOfResource % PER_DAY;
            Instant start = NOW.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(7 * 60 + slot * 60L));
            List<TimeRange> held = List.of(new TimeRange(start, start.plus(Duration.ofMinutes(45))));
            String bookingId = "b-" + i;
            apply(store, HeatmapFold.held(store.held(bookingId).orElse(null), bookingId, resourceId, held, zone));
            if (random.nextInt(10) == 0) {
                apply(store, HeatmapFold.ended(store.held(bookingId).orElse(null), bookingId, resourceId, zone));
            }
            if (slot == 0 && day % 7 == 0) {
                Instant closed = NOW.minus(Duration.ofDays(day)).plus(Duration.ofHours(18));
                store.saveShares(HeatmapFold.blackedOut(new io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded(
                        resourceId, "x-" + i, new TimeRange(closed, closed.plus(Duration.ofHours(2))), "cleaning"),
                        zone).saved());
            }
            if (i % 10_000 == 9_999) {
                flush.run();
            }
        }
        flush.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void apply(HeatmapStore store, HeatmapFold.Change change) {
        store.removeShares(change.removed());
        store.saveShares(change.saved());
        store.saveHeld(change.held());
    }

    static List<String> measure(String name, HeatmapStore store, int n, long fillMillis, long bytes) {
        Random random = new Random(7);
        List<String> out = new ArrayList<>();
        FindHeatmap month = new FindHeatmap(NOW.minus(Duration.ofDays(30)), NOW, null);
        out.add(ViewReadBenchmark.row(name, n, "heatmap, all resources, 30 days", ViewReadBenchmark.time(i ->
                ViewReadBenchmark.check(booked(HeatmapProjection.answer(store, month)) > 0))));
        out.add(ViewReadBenchmark.row(name, n, "heatmap, one resource, 28 days", ViewReadBenchmark.time(i ->
                ViewReadBenchmark.check(booked(HeatmapProjection.answer(store, new FindHeatmap(NOW.minus(Duration.ofDays(28)),
                        NOW, "r-" + random.nextInt(RESOURCES)))) > 0))));
        System.out.printf(Locale.ROOT, "%s: %,d bookings written in %,d ms (%,.0f/s)%s%n", name, n, fillMillis,
                n * 1000.0 / Math.max(1, fillMillis), bytes < 0 ? "" : String.format(Locale.ROOT,
                        ", %,d bytes on disk (%.0f per booking)", bytes, bytes / (double) n));
        return out;
    }

    private static long booked(List<HeatmapCell> cells) {
        return cells.stream().mapToLong(HeatmapCell::bookedMinutes).sum();
    }
}
