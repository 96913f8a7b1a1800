package io.aura.app.notify;

import io.aura.kernel.identity.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The notification inbox in MongoDB (production), in the collections and shapes it has always used:
 * entries with their mails in {@code notifications}, recipients in {@code notification_recipients},
 * approval contexts in {@code notification_approvals}, what bookings and resources are called in
 * {@code notification_bookings} and {@code notification_resources}. An entry is added with an insert-only upsert,
 * so a redelivered event (views and tokens are not one transaction here) finds it and leaves it.
 */
public final class MongoNotificationStore implements NotificationStore, MailQueue {
    static final String COLLECTION = "notifications";
    static final String RECIPIENTS = "notification_recipients";
    static final String APPROVALS = "notification_approvals";
    static final String BOOKINGS = "notification_bookings";
    static final String RESOURCES = "notification_resources";

    private final MongoTemplate mongo;

    /** A recipient as MongoDB keeps it (roles by name; no {@code disabled} in those kept before it existed). */
    record RecipientDocument(@Id String username, Set<String> roles, String email, Boolean disabled) {
        Recipient toRecipient() {
            return new Recipient(username, roles == null ? Set.of()
                    : roles.stream().map(Role::valueOf).collect(Collectors.toSet()), email, Boolean.TRUE.equals(disabled));
        }
    }

    public MongoNotificationStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("user", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("mailStatus", Sort.Direction.ASC)
                .on("mailNextAttemptAt", Sort.Direction.ASC).named("outbox"));
        mongo.indexOps(RECIPIENTS).createIndex(new Index().on("roles", Sort.Direction.ASC).named("roles"));
    }

    @Override
    public Optional<Recipient> recipient(String username) {
        return Optional.ofNullable(mongo.findById(username, RecipientDocument.class, RECIPIENTS))
                .map(RecipientDocument::toRecipient);
    }

    @Override
    public void saveRecipient(Recipient r) {
        mongo.save(new RecipientDocument(r.username(), r.roles().stream().map(Role::name).collect(Collectors.toSet()),
                r.email(), r.disabled()), RECIPIENTS);
    }

    @Override
    public List<String> membersOf(Role role) {
        return mongo.find(Query.query(Criteria.where("roles").is(role.name())).with(Sort.by("_id")),
                RecipientDocument.class, RECIPIENTS).stream().map(RecipientDocument::username).toList();
    }

    @Override
    public Optional<ApprovalContext> approval(String approvalId) {
        return Optional.ofNullable(mongo.findById(approvalId, ApprovalContext.class, APPROVALS));
    }

    @Override
    public void saveApproval(ApprovalContext approval) {
        mongo.save(approval, APPROVALS);
    }

    @Override
    public Optional<BookingTitle> booking(String bookingId) {
        return Optional.ofNullable(mongo.findById(bookingId, BookingTitle.class, BOOKINGS));
    }

    @Override
    public void saveBooking(BookingTitle booking) {
        mongo.save(booking, BOOKINGS);
    }

    @Override
    public Optional<ResourcePlace> resource(String resourceId) {
        return Optional.ofNullable(mongo.findById(resourceId, ResourcePlace.class, RESOURCES));
    }

    @Override
    public void saveResource(ResourcePlace resource) {
        mongo.save(resource, RESOURCES);
    }

    @Override
    public boolean add(InboxEntry e) {
        // an upsert that only inserts: a redelivered event finds the entry and leaves it (and its mail) alone
        Update insert = new Update()
                .setOnInsert("user", e.user()).setOnInsert("type", e.type()).setOnInsert("bookingId", e.bookingId())
                .setOnInsert("approvalId", e.approvalId()).setOnInsert("link", e.link()).setOnInsert("token", e.token())
                .setOnInsert("message", e.message()).setOnInsert("createdAt", e.createdAt())
                .setOnInsert("email", e.email()).setOnInsert("mailStatus", e.mailStatus().name())
                .setOnInsert("mailAttempts", e.mailAttempts()).setOnInsert("mailNextAttemptAt", e.mailNextAttemptAt());
        if (e.mailError() != null) {
            insert.setOnInsert("mailError", e.mailError());
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(e.id())), insert, COLLECTION).getUpsertedId() != null;
    }

    @Override
    public Optional<InboxEntry> entry(String id) {
        return Optional.ofNullable(mongo.findById(id, NotificationDocument.class, COLLECTION))
                .map(NotificationDocument::toEntry);
    }

    @Override
    public List<InboxEntry> inboxOf(String user, int limit) {
        return mongo.find(Query.query(Criteria.where("user").is(user))
                                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).limit(limit),
                        NotificationDocument.class, COLLECTION)
                .stream().map(NotificationDocument::toEntry).toList();
    }

    @Override
    public List<BookingTitle> bookingsOf(String requester) {
        return mongo.find(Query.query(Criteria.where("requester").is(requester)), BookingTitle.class, BOOKINGS);
    }

    @Override
    public List<ApprovalContext> approvalsOf(String requester) {
        return mongo.find(Query.query(Criteria.where("requester").is(requester)), ApprovalContext.class, APPROVALS);
    }

    @Override
    public List<InboxEntry> entriesMentioning(String user, Collection<String> bookingIds, String text) {
        List<Criteria> any = new java.util.ArrayList<>(List.of(Criteria.where("user").is(user)));
        if (!bookingIds.isEmpty()) {
            any.add(Criteria.where("bookingId").in(bookingIds));
        }
        if (text != null) {
            any.add(Criteria.where("message").regex(java.util.regex.Pattern.quote(text)));
        }
        return mongo.find(Query.query(new Criteria().orOperator(any)), NotificationDocument.class, COLLECTION).stream()
                .map(NotificationDocument::toEntry).toList();
    }

    @Override
    public void replaceEntry(InboxEntry e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.id())), new Update().set("message", e.message())
                .set("email", e.email()).set("mailStatus", e.mailStatus().name()).set("mailError", e.mailError()),
                COLLECTION);
    }

    @Override
    public void clear() {
        // reminders are no event's: a replay would not write them again, and must not send them again
        mongo.remove(Query.query(Criteria.where("mailStatus").ne(MailStatus.PENDING.name())
                .and("type").ne(BookingReminders.TYPE)), COLLECTION);
        mongo.remove(new Query(), APPROVALS);
        mongo.remove(new Query(), BOOKINGS);
        mongo.remove(new Query(), RESOURCES);
        mongo.remove(new Query(), RECIPIENTS);
    }

    @Override
    public Optional<InboxEntry> leaseNextDue(Instant now, Instant leaseUntil) {
        return Optional.ofNullable(mongo.findAndModify(
                        Query.query(Criteria.where("mailStatus").is(MailStatus.PENDING.name())
                                .and("mailNextAttemptAt").lte(now)).with(Sort.by("mailNextAttemptAt", "_id")),
                        new Update().set("mailNextAttemptAt", leaseUntil),
                        FindAndModifyOptions.options().returnNew(true), NotificationDocument.class, COLLECTION))
                .map(NotificationDocument::toEntry);
    }

    @Override
    public void sent(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mailStatus", MailStatus.SENT.name()).inc("mailAttempts", 1), COLLECTION);
    }

    @Override
    public void failed(String id, MailStatus status, int attempts, String error, Instant nextAttemptAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("mailStatus", status.name())
                .set("mailAttempts", attempts).set("mailError", error).set("mailNextAttemptAt", nextAttemptAt),
                COLLECTION);
    }

    /**
     * Recipients came from the users view before they were folded here: a store from then has users
     * this processor's position is already past. Copied once from the users view when none are kept.
     */
    public MongoNotificationStore copyRecipientsOnceFromTheUsersView() {
        if (mongo.exists(new Query(), RECIPIENTS)) {
            return this;
        }
        for (Document user : mongo.find(new Query(), Document.class, "users")) {
            @SuppressWarnings("unchecked")
            List<String> roles = user.get("roles", List.class);
            boolean disabled = Boolean.TRUE.equals(user.getBoolean("disabled"));
            mongo.save(new RecipientDocument(user.getString("_id"), roles == null || disabled ? Set.of()
                    : Set.copyOf(roles), user.getString("email"), disabled), RECIPIENTS);
        }
        return this;
    }
}
