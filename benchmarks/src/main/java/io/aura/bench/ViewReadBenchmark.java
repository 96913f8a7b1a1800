package io.aura.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingStatus;
import io.aura.query.booking.BookingViewStore;
import io.aura.query.booking.MongoBookingViewStore;
import io.aura.query.booking.SqlBookingViewStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Dashboard reads of the booking views as history grows (a benchmark, not a test): the same store
 * filled with N bookings (100 resources, eight 45-minute bookings per resource and working day,
 * going back in time), then the calendar of one resource for one week, all resources for one day,
 * a booking by id, and someone's latest bookings — each timed 200 times after 50 warm-ups, on the
 * SQL adapter (a SQLite file in WAL mode, as the embedded default keeps them) and, for comparison
 * in the same run, the MongoDB adapter on the in-process MongoDB server the embedded default used
 * before (memory backend: its best case; it has no secondary indexes).
 *
 * <p>Arguments: sizes for SQL (default 10000,1000000) and for MongoDB (default 10000,100000).
 */
public final class ViewReadBenchmark {
    static final int RESOURCES = 100;
    static final int PER_DAY = 8;
    static final int USERS = 500;
    static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int[] sqlSizes = sizes(args, 0, "10000,1000000");
        int[] mongoSizes = sizes(args, 1, "10000,100000");
        List<String> lines = new ArrayList<>();
        for (int n : sqlSizes) {
            try (SqliteFile file = SqliteFile.create("aura-view-bench")) {
                SqlBookingViewStore store = new SqlBookingViewStore(file.writer(), file.reader(),
                        new DataSourceTransactionManager(file.writer())).createSchema();
                long fill = fill(store, n, store::beginBatch, store::flushBatch);
                lines.addAll(measure("sqlite", store, n, fill, file.bytes()));
            }
        }
        for (int n : mongoSizes) {
            MongoServer server = new MongoServer(new MemoryBackend());
            try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                MongoBookingViewStore store = new MongoBookingViewStore(new MongoTemplate(client, "bench"));
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

    /** Fills the store; returns the milliseconds it took. */
    static long fill(BookingViewStore store, int n, Runnable begin, Runnable flush) {
        long started = System.nanoTime();
        begin.run();
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            int resource = i % RESOURCES;
            int slotOfResource = i / RESOURCES;
            int day = slotOfResource / PER_DAY; // going back in time: the newest bookings are on recent days
            int slot = slotOfResource % PER_DAY;
            Instant start = NOW.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(7 * 60 + slot * 60L));
            Instant end = start.plus(Duration.ofMinutes(45));
            BookingStatus status = random.nextInt(10) == 0 ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED;
            store.save(new BookingView("b-" + i, "Booking " + i, "r-" + resource, start, end, status,
                    "user-" + random.nextInt(USERS), 4, List.of(), null, null,
                    List.of(new Occurrence(start, end, io.aura.kernel.booking.OccurrenceStatus.of(status))), List.of(), List.of(), List.of(), List.of(), null, 1));
            if (i % 10_000 == 9_999) {
                flush.run();
            }
        }
        flush.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    static List<String> measure(String name, BookingViewStore store, int n, long fillMillis, long bytes) {
        Random random = new Random(7);
        Instant weekStart = NOW.minus(Duration.ofDays(7));
        List<String> out = new ArrayList<>();
        out.add(row(name, n, "calendar, one resource, 7 days", time(i -> check(store.activeBetween(weekStart, NOW,
                "r-" + random.nextInt(RESOURCES)).size() > 0))));
        out.add(row(name, n, "calendar, all resources, 1 day", time(i -> check(store.activeBetween(NOW.minus(Duration.ofDays(1)),
                NOW, null).size() > 0))));
        out.add(row(name, n, "booking by id", time(i -> check(store.find("b-" + random.nextInt(n)).isPresent()))));
        out.add(row(name, n, "someone's latest 20 bookings", time(i -> store.requestedBy("user-" + random.nextInt(USERS), 20))));
        System.out.printf(Locale.ROOT, "%s: %,d bookings written in %,d ms (%,.0f/s)%s%n", name, n, fillMillis,
                n * 1000.0 / Math.max(1, fillMillis), bytes < 0 ? "" : String.format(Locale.ROOT,
                        ", %,d bytes on disk (%.0f per booking)", bytes, bytes / (double) n));
        return out;
    }

    static void check(boolean found) {
        if (!found) {
            throw new IllegalStateException("the query found nothing: the benchmark would measure an empty answer");
        }
    }

    static double[] time(IntConsumer query) {
        for (int i = 0; i < 50; i++) {
            query.accept(i);
        }
        double[] millis = new double[200];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            query.accept(i);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]};
    }

    static String row(String store, int n, String query, double[] p) {
        return String.format(Locale.ROOT, "%-18s %,9d   %-30s %8.3f  %8.3f", store, n, query, p[0], p[1]);
    }

    /** A fresh SQLite file in WAL mode as the embedded default keeps it: one writing and one reading connection. */
    record SqliteFile(Path dir, SingleConnectionDataSource writer, SingleConnectionDataSource reader)
            implements AutoCloseable {
        static SqliteFile create(String prefix) throws Exception {
            Path dir = Files.createTempDirectory(prefix);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            SQLiteDataSource file = new SQLiteDataSource(config);
            file.setUrl("jdbc:sqlite:" + dir.resolve("axon.db"));
            SQLiteDataSource reader = new SQLiteDataSource(config);
            reader.setUrl(file.getUrl());
            return new SqliteFile(dir, new SingleConnectionDataSource(file.getConnection(), true),
                    new SingleConnectionDataSource(reader.getConnection(), true));
        }

        /** The database's bytes on disk, its write-ahead log included. */
        long bytes() throws java.io.IOException {
            Path wal = dir.resolve("axon.db-wal");
            return Files.size(dir.resolve("axon.db")) + (Files.exists(wal) ? Files.size(wal) : 0);
        }

        @Override
        public void close() {
            writer.destroy();
            reader.destroy();
        }
    }

    static int[] sizes(String[] args, int index, String fallback) {
        String value = args.length > index ? args[index] : fallback;
        return value.isBlank() ? new int[0] : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
