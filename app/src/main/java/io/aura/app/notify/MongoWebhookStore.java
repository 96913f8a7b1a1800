package io.aura.app.notify;

import static io.aura.app.notify.DeliveryStatus.CANCELLED;
import static io.aura.app.notify.DeliveryStatus.DELIVERED;
import static io.aura.app.notify.DeliveryStatus.PENDING;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Webhook registrations, secrets and deliveries in MongoDB (production), in the collections earlier
 * versions wrote. The processor's token is not written with them there, so a crash may redeliver an
 * event: a delivery is an upsert that only inserts, so the redelivery queues nothing twice. A delivery
 * is claimed with one find-and-modify.
 */
public final class MongoWebhookStore implements WebhookStore {
    static final String COLLECTION = "webhook_deliveries";
    static final String REGISTRATIONS = "webhook_registrations";
    static final String SECRETS = "webhook_secrets";

    /** A secret's document, as earlier versions wrote it. */
    record Secret(String id, String secret) {}

    private final MongoTemplate mongo;

    public MongoWebhookStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("webhookId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("hook"));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @Override
    public void saveSecret(String webhookId, String secret) {
        mongo.save(new Secret(webhookId, secret), SECRETS);
    }

    @Override
    public Optional<String> secret(String webhookId) {
        return Optional.ofNullable(mongo.findById(webhookId, Secret.class, SECRETS)).map(Secret::secret);
    }

    @Override
    public Map<String, String> secrets(Collection<String> webhookIds) {
        Map<String, String> secrets = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(webhookIds)), Secret.class, SECRETS)
                .forEach(s -> secrets.put(s.id(), s.secret()));
        return secrets;
    }

    @Override
    public void saveRegistration(Registration registration) {
        mongo.save(registration, REGISTRATIONS);
    }

    @Override
    public void remove(String webhookId) {
        mongo.updateMulti(Query.query(Criteria.where("webhookId").is(webhookId).and("status").is(PENDING.name())),
                new Update().set("status", CANCELLED.name()).set("lastError", "webhook removed"), COLLECTION);
        mongo.remove(byId(webhookId), SECRETS);
        mongo.remove(byId(webhookId), REGISTRATIONS); // last: whoever sees it gone sees the rest done
    }

    @Override
    public Optional<Registration> registration(String webhookId) {
        return Optional.ofNullable(mongo.findById(webhookId, Registration.class, REGISTRATIONS));
    }

    @Override
    public List<Registration> registrations() {
        return mongo.find(new Query().with(Sort.by("createdAt", "_id")), Registration.class, REGISTRATIONS);
    }

    @Override
    public List<Delivery> deliveriesContaining(String text) {
        return mongo.find(Query.query(Criteria.where("body").regex(java.util.regex.Pattern.quote(text))),
                Delivery.class, COLLECTION);
    }

    @Override
    public void replaceBody(String deliveryId, String body) {
        mongo.updateFirst(byId(deliveryId), new Update().set("body", body), COLLECTION);
    }

    @Override
    public void addDelivery(Delivery d) {
        Update insert = new Update().setOnInsert("webhookId", d.webhookId()).setOnInsert("url", d.url())
                .setOnInsert("secret", d.secret()).setOnInsert("eventType", d.eventType())
                .setOnInsert("body", d.body()).setOnInsert("status", d.status().name())
                .setOnInsert("attempts", d.attempts()).setOnInsert("nextAttemptAt", d.nextAttemptAt());
        mongo.upsert(byId(d.id()), insert, COLLECTION);
    }

    @Override
    public Optional<Delivery> claimDue(Instant now, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("status").is(PENDING.name()).and("nextAttemptAt").lte(now))
                        .with(Sort.by("nextAttemptAt")),
                new Update().set("nextAttemptAt", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), Delivery.class, COLLECTION));
    }

    @Override
    public void delivered(String deliveryId, int httpStatus) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId).and("status").is(PENDING.name())),
                new Update().set("status", DELIVERED.name()).inc("attempts", 1).set("lastStatus", httpStatus),
                COLLECTION);
    }

    @Override
    public void failed(String deliveryId, DeliveryStatus status, int attempts, Integer httpStatus, String error,
                       Instant nextAttemptAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId).and("status").is(PENDING.name())),
                new Update().set("status", status.name()).set("attempts", attempts).set("lastStatus", httpStatus)
                        .set("lastError", error).set("nextAttemptAt", nextAttemptAt), COLLECTION);
    }

    @Override
    public List<Delivery> deliveriesOf(String webhookId) {
        return mongo.find(Query.query(Criteria.where("webhookId").is(webhookId)), Delivery.class, COLLECTION);
    }
}
