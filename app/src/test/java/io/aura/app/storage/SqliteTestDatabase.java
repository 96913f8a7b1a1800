package io.aura.app.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A SQLite file in WAL mode wired as the embedded default wires the event store's database: one
 * writing connection (lazily taken by a transaction) and a pool of read-only connections; for the
 * SQL adapters' contract tests. {@link Mongo} is the MongoDB counterpart, on mongo-java-server.
 */
public final class SqliteTestDatabase implements AutoCloseable {
    private final HikariDataSource writingPool;
    private final HikariDataSource readingPool;
    public final DataSource writer;
    public final DataSource reader;
    public final PlatformTransactionManager transactions;

    public SqliteTestDatabase(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("test.db");
        HikariConfig write = new HikariConfig();
        write.setJdbcUrl(url);
        write.setMaximumPoolSize(1);
        write.addDataSourceProperty("journal_mode", "WAL");
        write.addDataSourceProperty("synchronous", "NORMAL");
        write.addDataSourceProperty("busy_timeout", "10000");
        writingPool = new HikariDataSource(write);
        writer = new LazyConnectionDataSourceProxy(writingPool);
        HikariConfig read = new HikariConfig();
        read.setJdbcUrl(url);
        read.setMaximumPoolSize(4);
        read.addDataSourceProperty("busy_timeout", "10000");
        read.setConnectionInitSql("PRAGMA query_only = 1");
        readingPool = new HikariDataSource(read);
        reader = readingPool;
        transactions = new DataSourceTransactionManager(writer);
    }

    /** Rows in a table, read as a dashboard would (through the reader). */
    public int rows(String table) {
        return new JdbcTemplate(reader).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** What SQLite plans for a query (to check that it uses an index). */
    public String plan(String sql) {
        return new JdbcTemplate(reader).queryForList("EXPLAIN QUERY PLAN " + sql).toString();
    }

    @Override
    public void close() {
        readingPool.close();
        writingPool.close();
    }

    /** An in-memory MongoDB wire server and a template on it. */
    public static final class Mongo implements AutoCloseable {
        private final MongoServer server = new MongoServer(new MemoryBackend());
        private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        public final MongoTemplate template = new MongoTemplate(client, "test");

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
