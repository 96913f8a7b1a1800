package io.aura.app.ops;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * UP only when MongoDB answers a {@code ping}. Spring Boot's own indicator sends {@code hello},
 * which the in-process wire server does not know; {@code ping} works there and on a real mongod.
 */
@Component("queryStoreHealthIndicator")
public class QueryStoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoTemplate mongo;

    public QueryStoreHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName());
    }
}
