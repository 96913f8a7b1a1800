package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalEvents.ApprovalCancelled;
import io.aura.kernel.approval.ApprovalEvents.ApprovalEscalated;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelApproved;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalEvents.ApprovalReminderDue;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalEvents.ApproversReassigned;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApproval;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsDue;
import io.aura.kernel.approval.ApprovalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The approvals inbox, and the index of pending deadlines the sweep reads. Every handler sets
 * absolute values (or adds to a set), so a redelivered event leaves the same document.
 */
@Component
@ProcessingGroup(ApprovalProjection.PROCESSING_GROUP)
public class ApprovalProjection {
    public static final String PROCESSING_GROUP = "approvals";
    static final String COLLECTION = "approvals";

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;

    public ApprovalProjection(MongoTemplate mongo, QueryUpdateEmitter emitter) {
        this.mongo = mongo;
        this.emitter = emitter;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextDeadlineAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("approvers", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("bookingId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.ASC).named("ofBooking"));
    }

    @EventHandler
    void on(ApprovalOpened e, @Timestamp Instant at) {
        var doc = new ApprovalDocument(e.approvalId(), e.bookingId(), e.resourceId(), e.requester(),
                ApprovalStatus.PENDING.name(), 0, e.levels().get(0).name(), List.of(), List.of(),
                e.firstOccurrence(), e.rescheduleTo(), at, null, null, null, false, false, null, null, null);
        mongo.save(doc, COLLECTION);
    }

    @EventHandler
    void on(ApprovalLevelStarted e) {
        List<String> roles = e.approverRole() == null ? List.of() : List.of(e.approverRole());
        update(e.approvalId(), new Update().set("level", e.level()).set("levelName", e.name())
                .set("approvers", e.approvers()).set("approverRoles", roles)
                .set("remindAt", e.remindAt()).set("escalateAt", e.escalateAt()).set("expiresAt", e.expiresAt())
                .set("reminded", false).set("escalated", false).set("nextDeadlineAt", e.remindAt()));
    }

    @EventHandler
    void on(ApprovalTokenIssued e) {
        update(e.approvalId(), new Update().addToSet("approvers", e.approver()));
    }

    @EventHandler
    void on(ApproversReassigned e) {
        update(e.approvalId(), new Update().set("approvers", e.approvers()));
    }

    @EventHandler
    void on(ApprovalReminderDue e) {
        ApprovalDocument doc = mongo.findById(e.approvalId(), ApprovalDocument.class, COLLECTION);
        if (doc != null) {
            update(e.approvalId(), new Update().set("reminded", true)
                    .set("nextDeadlineAt", doc.escalated() ? doc.expiresAt() : doc.escalateAt()));
        }
    }

    @EventHandler
    void on(ApprovalEscalated e) {
        ApprovalDocument doc = mongo.findById(e.approvalId(), ApprovalDocument.class, COLLECTION);
        if (doc == null) {
            return;
        }
        Update update = new Update().set("escalated", true).set("nextDeadlineAt", doc.expiresAt());
        if (e.addedRole() != null) {
            update.addToSet("approverRoles", e.addedRole());
        }
        update(e.approvalId(), update);
        if (!e.addedApprovers().isEmpty()) {
            update(e.approvalId(), new Update().addToSet("approvers").each(e.addedApprovers().toArray()));
        }
    }

    @EventHandler
    void on(ApprovalLevelApproved e) {
        update(e.approvalId(), new Update().set("decidedBy", e.by()).set("comment", e.comment()));
    }

    @EventHandler
    void on(ApprovalGranted e) {
        ended(e.approvalId(), ApprovalStatus.APPROVED, new Update());
    }

    @EventHandler
    void on(ApprovalRejected e) {
        ended(e.approvalId(), ApprovalStatus.REJECTED, new Update().set("decidedBy", e.by()).set("comment", e.comment()));
    }

    @EventHandler
    void on(ApprovalExpired e) {
        ended(e.approvalId(), ApprovalStatus.EXPIRED, new Update());
    }

    @EventHandler
    void on(ApprovalCancelled e) {
        ended(e.approvalId(), ApprovalStatus.CANCELLED, new Update().set("decidedBy", e.by()).set("comment", e.reason()));
    }

    private void ended(String approvalId, ApprovalStatus status, Update update) {
        update(approvalId, update.set("status", status.name()).unset("nextDeadlineAt"));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    List<ApprovalView> handle(FindApprovalInbox query) {
        Criteria criteria = query.status() == null ? new Criteria() : Criteria.where("status").is(query.status().name());
        if (!query.roles().contains("ADMIN")) {
            criteria = criteria.andOperator(new Criteria().orOperator(
                    Criteria.where("approvers").is(query.user()),
                    Criteria.where("approverRoles").in(query.roles())));
        }
        List<ApprovalView> out = new ArrayList<>();
        for (ApprovalDocument doc : mongo.find(Query.query(criteria).with(Sort.by("requestedAt", "_id")),
                ApprovalDocument.class, COLLECTION)) {
            out.add(doc.toView());
        }
        return out;
    }

    @QueryHandler
    Optional<ApprovalView> handle(FindApproval query) {
        return Optional.ofNullable(mongo.findById(query.approvalId(), ApprovalDocument.class, COLLECTION))
                .map(ApprovalDocument::toView);
    }

    @QueryHandler
    List<ApprovalView> handle(FindApprovalsOfBooking query) {
        return mongo.find(Query.query(Criteria.where("bookingId").is(query.bookingId()))
                        .with(Sort.by("requestedAt", "_id")), ApprovalDocument.class, COLLECTION)
                .stream().map(ApprovalDocument::toView).toList();
    }

    @QueryHandler
    List<String> handle(FindApprovalsDue query) {
        return mongo.find(Query.query(Criteria.where("status").is(ApprovalStatus.PENDING.name())
                                .and("nextDeadlineAt").lte(query.now()))
                        .with(Sort.by("nextDeadlineAt")).limit(query.limit()), ApprovalDocument.class, COLLECTION)
                .stream().map(ApprovalDocument::approvalId).toList();
    }

    private void update(String approvalId, Update update) {
        if (!watched(approvalId)) {
            // nobody listens (a replay, a quiet moment): a plain update, which may go out in bulk with its batch
            mongo.updateFirst(Query.query(Criteria.where("_id").is(approvalId)), update, COLLECTION);
            return;
        }
        ApprovalDocument doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(approvalId)), update,
                FindAndModifyOptions.options().returnNew(true), ApprovalDocument.class, COLLECTION);
        if (doc != null) {
            ApprovalView view = doc.toView();
            emitter.emit(FindApproval.class, q -> q.approvalId().equals(approvalId), view);
            emitter.emit(FindApprovalInbox.class, q -> doc.visibleTo(q.user(), q.roles()), view);
        }
    }

    /** Whether a live query would receive this approval's change (then it is read back and emitted). */
    private boolean watched(String approvalId) {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            Object query = subscription.getPayload();
            if (query instanceof FindApprovalInbox
                    || query instanceof FindApproval f && f.approvalId().equals(approvalId)) {
                return true;
            }
        }
        return false;
    }
}
