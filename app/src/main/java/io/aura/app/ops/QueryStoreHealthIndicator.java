package io.aura.app.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * UP only when the store the views are read from answers. On the embedded default that is the SQLite
 * database, asked {@code SELECT 1} through the views' reading connections (what a dashboard query
 * would wait for); in production MongoDB, asked {@code ping} (Spring Boot's own indicator sends
 * {@code hello}, which the in-process wire server does not know; {@code ping} works there and on a
 * real mongod). Declared per storage profile in {@code AppStoresConfiguration}.
 */
public final class QueryStoreHealthIndicator extends AbstractHealthIndicator {
    /** The bean's name: the health group "queryStore". */
    public static final String NAME = "queryStoreHealthIndicator";

    @FunctionalInterface
    private interface Check {
        void run(Health.Builder builder) throws Exception;
    }

    private final Check check;

    private QueryStoreHealthIndicator(Check check) {
        this.check = check;
    }

    /** The SQL database, through the reading pool. */
    public static QueryStoreHealthIndicator sql(DataSource reader) {
        return new QueryStoreHealthIndicator(builder -> {
            try (Connection c = reader.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1")) {
                builder.status(rs.next() && rs.getInt(1) == 1 ? "UP" : "DOWN")
                        .withDetail("database", c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                builder.down(e);
            }
        });
    }

    /** MongoDB, by {@code ping}. */
    public static QueryStoreHealthIndicator mongo(MongoTemplate mongo) {
        return new QueryStoreHealthIndicator(builder -> {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
                    .withDetail("database", mongo.getDb().getName());
        });
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        check.run(builder);
    }
}
