package io.aura.app.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Inboxes and the mail outbox in MongoDB (production), in the collections earlier versions wrote.
 * The processor's token is not written with them there, so a crash may redeliver an event: an entry
 * is an upsert that only inserts, so the redelivery finds it and leaves it (and its mail) alone. A
 * mail is claimed with one find-and-modify.
 */
public final class MongoNotificationStore implements NotificationStore {
    static final String COLLECTION = "notifications";
    static final String CONTEXT = "notification_approvals";
    static final String RECIPIENTS = "notification_recipients";

    /** A recipient's document, as earlier versions wrote it (keyed by the user name). */
    record RecipientDocument(@Id String username, Set<String> roles, String email) {}

    private final MongoTemplate mongo;

    public MongoNotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("user", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("mailStatus", Sort.Direction.ASC)
                .on("mailNextAttemptAt", Sort.Direction.ASC).named("outbox"));
        mongo.indexOps(RECIPIENTS).createIndex(new Index().on("roles", Sort.Direction.ASC).named("roles"));
    }

    @Override
    public boolean add(NotificationDocument e) {
        Update insert = new Update()
                .setOnInsert("user", e.user()).setOnInsert("type", e.type()).setOnInsert("bookingId", e.bookingId())
                .setOnInsert("approvalId", e.approvalId()).setOnInsert("link", e.link()).setOnInsert("token", e.token())
                .setOnInsert("message", e.message()).setOnInsert("createdAt", e.createdAt())
                .setOnInsert("email", e.email()).setOnInsert("mailStatus", e.mailStatus())
                .setOnInsert("mailAttempts", e.mailAttempts()).setOnInsert("mailNextAttemptAt", e.mailNextAttemptAt());
        if (e.mailError() != null) {
            insert.setOnInsert("mailError", e.mailError());
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(e.id())), insert, COLLECTION).getUpsertedId() != null;
    }

    @Override
    public void saveRecipient(Recipient r) {
        mongo.save(new RecipientDocument(r.username(), r.roles(), r.email()), RECIPIENTS);
    }

    @Override
    public Optional<Recipient> recipient(String username) {
        return Optional.ofNullable(mongo.findById(username, RecipientDocument.class, RECIPIENTS))
                .map(d -> new Recipient(d.username(), d.roles() == null ? Set.of() : Set.copyOf(d.roles()), d.email()));
    }

    @Override
    public List<String> membersOf(String role) {
        return mongo.find(Query.query(Criteria.where("roles").is(role)).with(Sort.by("_id")), RecipientDocument.class,
                RECIPIENTS).stream().map(RecipientDocument::username).toList();
    }

    @Override
    public void saveApprovalContext(ApprovalContext context) {
        mongo.save(context, CONTEXT);
    }

    @Override
    public Optional<ApprovalContext> approvalContext(String approvalId) {
        return Optional.ofNullable(mongo.findById(approvalId, ApprovalContext.class, CONTEXT));
    }

    @Override
    public void resetKeepingPendingMail() {
        mongo.remove(Query.query(Criteria.where("mailStatus").ne(NotificationDocument.PENDING)), COLLECTION);
        mongo.remove(new Query(), CONTEXT);
        mongo.remove(new Query(), RECIPIENTS);
    }

    @Override
    public boolean noRecipients() {
        return !mongo.exists(new Query(), RECIPIENTS);
    }

    @Override
    public List<NotificationDocument> inboxOf(String user, int limit) {
        return mongo.find(Query.query(Criteria.where("user").is(user))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).limit(limit),
                NotificationDocument.class, COLLECTION);
    }

    @Override
    public Optional<NotificationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class, COLLECTION));
    }

    @Override
    public Optional<NotificationDocument> claimDueMail(Instant now, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("mailStatus").is(NotificationDocument.PENDING).and("mailNextAttemptAt").lte(now))
                        .with(Sort.by("mailNextAttemptAt")),
                new Update().set("mailNextAttemptAt", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class, COLLECTION));
    }

    @Override
    public void mailSent(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mailStatus", NotificationDocument.SENT).inc("mailAttempts", 1), COLLECTION);
    }

    @Override
    public void mailFailed(String id, String status, int attempts, String error, Instant nextAttemptAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("mailStatus", status)
                .set("mailAttempts", attempts).set("mailError", error).set("mailNextAttemptAt", nextAttemptAt),
                COLLECTION);
    }

    /**
     * Recipients came from the users view before the processor folded them: a store from then has
     * users the processor's position is already past. Copied once from the users view when none are
     * kept (a MongoDB written by those versions only; the SQL stores never had that state).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void copyRecipientsOnceFromTheUsersView() {
        if (!noRecipients()) {
            return;
        }
        for (Document user : mongo.find(new Query(), Document.class, "users")) {
            @SuppressWarnings("unchecked")
            List<String> roles = user.get("roles", List.class);
            saveRecipient(new Recipient(user.getString("_id"), roles == null ? Set.of() : Set.copyOf(roles),
                    user.getString("email")));
        }
    }
}
