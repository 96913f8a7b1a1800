package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Approval views in MongoDB (production): one document per approval, keyed by its id, in the shape
 * the earlier projection wrote (documents stored before read the same), with the indexes the sweep,
 * the inboxes and a booking's trail need. The folds are idempotent, so an event redelivered after
 * a crash (views and tokens are not one transaction here) leaves the document as it was.
 */
public final class MongoApprovalViewStore implements ApprovalViewStore {
    static final String COLLECTION = "approvals";
    private static final Sort BY_REQUEST = Sort.by("requestedAt", "_id");

    private final MongoTemplate mongo;

    public MongoApprovalViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextDeadlineAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("approvers", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("approverRoles", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("roleInbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("bookingId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.ASC).named("ofBooking"));
    }

    @Override
    public Optional<ApprovalRecord> find(String approvalId) {
        return Optional.ofNullable(mongo.findById(approvalId, ApprovalDocument.class, COLLECTION))
                .map(ApprovalDocument::toRecord);
    }

    @Override
    public void save(ApprovalRecord approval) {
        mongo.save(ApprovalDocument.from(approval), COLLECTION);
    }

    @Override
    public List<ApprovalRecord> withStatus(ApprovalStatus status) {
        return find(status == null ? new Criteria() : Criteria.where("status").is(status.name()));
    }

    @Override
    public List<ApprovalRecord> inboxOf(String user, Collection<String> roles, ApprovalStatus status) {
        Criteria criteria = status == null ? new Criteria() : Criteria.where("status").is(status.name());
        return find(criteria.andOperator(new Criteria().orOperator(Criteria.where("approvers").is(user),
                Criteria.where("approverRoles").in(roles))));
    }

    @Override
    public List<ApprovalRecord> ofBooking(String bookingId) {
        return find(Criteria.where("bookingId").is(bookingId));
    }

    @Override
    public List<ApprovalRecord> decidedBy(String user) {
        return find(Criteria.where("decidedBy").is(user));
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(ApprovalStatus.PENDING.name())
                                .and("nextDeadlineAt").lte(now))
                        .with(Sort.by("nextDeadlineAt", "_id")).limit(limit), ApprovalDocument.class, COLLECTION)
                .stream().map(ApprovalDocument::approvalId).toList();
    }

    @Override
    public void clear() {
        mongo.remove(new Query(), COLLECTION);
    }

    private List<ApprovalRecord> find(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(BY_REQUEST), ApprovalDocument.class, COLLECTION).stream()
                .map(ApprovalDocument::toRecord).toList();
    }
}
