package io.aura.app.contention;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.aura.kernel.booking.ContentionEvaluation.Evaluation;
import io.aura.kernel.booking.ContentionEvaluation.Verdict;
import io.aura.kernel.booking.ContentionModel.Training;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared contention model in MongoDB ({@code aura.views=mongo}, ADR 0055): the latest version one document,
 * replaced only where it still has the version read (so two writers never both win); the lease one document, taken by
 * an upsert whose filter (expired, or held by the same node) fails on a held lease with a duplicate key.
 */
public final class MongoSharedContentionModel implements SharedContentionModel {
    static final String COLLECTION = "contention_model";
    private static final String LATEST = "latest";
    private static final String LEASE = "lease";

    private final MongoTemplate mongo;
    private final JsonMapper json;

    public MongoSharedContentionModel(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public long version() {
        Document latest = collection().find(eq("_id", LATEST)).first();
        return latest == null ? 0 : latest.getLong("version");
    }

    @Override
    public Optional<StoredModel> latest() {
        return Optional.ofNullable(collection().find(eq("_id", LATEST)).first()).map(d -> {
            Binary network = d.get("network", Binary.class);
            return new StoredModel(d.getLong("version"), d.getDate("trainedAt").toInstant(), d.getString("trainedBy"),
                    network == null ? null : network.getData(), read(d.getString("training"), Training.class),
                    read(d.getString("evaluation"), Evaluation.class), read(d.getString("verdict"), Verdict.class));
        });
    }

    @Override
    public StoredModel save(Instant trainedAt, String trainedBy, byte[] network, Training training,
                           Evaluation evaluation, Verdict verdict) {
        SharedContentionModel.refuseInUseWithoutNetwork(network, verdict);
        for (int attempt = 0; ; attempt++) {
            long current = version();
            Document next = new Document("_id", LATEST).append("version", current + 1)
                    .append("trainedAt", Date.from(trainedAt)).append("trainedBy", trainedBy)
                    .append("network", network == null ? null : new Binary(network))
                    .append("training", write(training)).append("evaluation", write(evaluation))
                    .append("verdict", write(verdict));
            boolean stored;
            if (current == 0) {
                stored = inserted(next);
            } else {
                stored = collection().replaceOne(and(eq("_id", LATEST), eq("version", current)), next)
                        .getMatchedCount() == 1;
            }
            if (stored) {
                return new StoredModel(current + 1, trainedAt.truncatedTo(ChronoUnit.MILLIS), trainedBy, network, training, evaluation, verdict);
            }
            if (attempt >= 3) {
                throw new Busy("other nodes stored the contention model meanwhile; try again");
            }
        }
    }

    @Override
    public boolean lease(String node, Instant now, Duration length) {
        try {
            collection().updateOne(and(eq("_id", LEASE), or(lt("expiresAt", Date.from(now)), eq("holder", node))),
                    Updates.combine(Updates.set("holder", node), Updates.set("expiresAt", Date.from(now.plus(length)))),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException held) {
            if (held.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw held;
        }
    }

    @Override
    public Optional<String> holder(Instant now) {
        return Optional.ofNullable(collection().find(and(eq("_id", LEASE), gte("expiresAt", Date.from(now)))).first())
                .map(d -> d.getString("holder"));
    }

    @Override
    public void release(String node) {
        collection().deleteOne(and(eq("_id", LEASE), eq("holder", node)));
    }

    private boolean inserted(Document document) {
        try {
            collection().insertOne(document);
            return true;
        } catch (MongoWriteException taken) {
            if (taken.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw taken;
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private <T> T read(String text, Class<T> type) {
        return text == null ? null : json.readValue(text, type);
    }
}
