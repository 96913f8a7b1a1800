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
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsDue;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.query.store.ViewChanges;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The approvals inbox, and the index of pending deadlines the sweep reads. Each handler computes
 * the approval's next record with {@link ApprovalFold} and the {@link ApprovalViewStore} saves it;
 * the folds set absolute values or add to a set, so a redelivered event leaves the record as it was.
 */
@Component
@ProcessingGroup(ApprovalProjection.PROCESSING_GROUP)
public class ApprovalProjection {
    public static final String PROCESSING_GROUP = "approvals";

    private final ApprovalViewStore views;
    private final QueryUpdateEmitter emitter;
    private final ViewChanges otherNodes;

    public ApprovalProjection(ApprovalViewStore views, QueryUpdateEmitter emitter) {
        this(views, emitter, Optional.empty());
    }

    /** With {@code otherNodes}: the inboxes open on other nodes hear of this node's changes (ADR 0053). */
    @Autowired
    public ApprovalProjection(ApprovalViewStore views, QueryUpdateEmitter emitter, Optional<ViewChanges> otherNodes) {
        this.views = views;
        this.emitter = emitter;
        this.otherNodes = otherNodes.orElse(ViewChanges.NONE);
    }

    @EventHandler
    void on(ApprovalOpened e, @Timestamp Instant at) {
        views.save(ApprovalFold.opened(e, at)); // its first level follows at once, and is what live inboxes hear of
    }

    @EventHandler
    void on(ApprovalLevelStarted e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.levelStarted(r, e), replay);
    }

    @EventHandler
    void on(ApprovalTokenIssued e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.tokenIssued(r, e), replay);
    }

    @EventHandler
    void on(ApproversReassigned e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.reassigned(r, e), replay);
    }

    @EventHandler
    void on(ApprovalReminderDue e, ReplayStatus replay) {
        change(e.approvalId(), ApprovalFold::reminderDue, replay);
    }

    @EventHandler
    void on(ApprovalEscalated e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.escalated(r, e), replay);
    }

    @EventHandler
    void on(ApprovalLevelApproved e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.levelApproved(r, e), replay);
    }

    @EventHandler
    void on(ApprovalGranted e, ReplayStatus replay) {
        change(e.approvalId(), ApprovalFold::granted, replay);
    }

    @EventHandler
    void on(ApprovalRejected e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.rejected(r, e), replay);
    }

    @EventHandler
    void on(ApprovalExpired e, ReplayStatus replay) {
        change(e.approvalId(), ApprovalFold::expired, replay);
    }

    @EventHandler
    void on(ApprovalCancelled e, ReplayStatus replay) {
        change(e.approvalId(), r -> ApprovalFold.cancelled(r, e), replay);
    }

    /** The comments an erased person wrote are forgotten (ADR 0046); a replay forgets them at the same point. */
    @EventHandler
    void on(UserErased e, ReplayStatus replay) {
        views.decidedBy(e.username()).forEach(r -> change(r.approvalId(), ApprovalFold::commentErased, replay));
    }

    /** A replay starts from nothing: the views are rebuilt from the events alone. */
    @ResetHandler
    void reset() {
        views.clear();
    }

    @QueryHandler
    List<ApprovalView> handle(FindApprovalInbox query) {
        List<ApprovalRecord> approvals = query.roles().contains(Role.ADMIN.name())
                ? views.withStatus(query.status())
                : views.inboxOf(query.user(), query.roles(), query.status());
        return approvals.stream().map(ApprovalRecord::toView).toList();
    }

    @QueryHandler
    Optional<ApprovalView> handle(FindApproval query) {
        return views.find(query.approvalId()).map(ApprovalRecord::toView);
    }

    @QueryHandler
    List<ApprovalView> handle(FindApprovalsOfBooking query) {
        return views.ofBooking(query.bookingId()).stream().map(ApprovalRecord::toView).toList();
    }

    @QueryHandler
    List<String> handle(FindApprovalsDue query) {
        return views.due(query.now(), query.limit());
    }

    /**
     * The next record of an approval this projection knows (an unknown one stays unknown). A replay tells nobody: its
     * changes are old news, and live inboxes (here or on other nodes) would be flooded with them.
     */
    private void change(String approvalId, UnaryOperator<ApprovalRecord> next, ReplayStatus replay) {
        Optional<ApprovalRecord> before = views.find(approvalId);
        if (before.isEmpty()) {
            return;
        }
        ApprovalRecord after = next.apply(before.get());
        if (!after.equals(before.get())) { // a redelivery changes nothing: nothing to write or tell
            views.save(after);
        }
        if (!replay.isReplay()) {
            publish(after);
        }
    }

    /** Live queries hear of the change once it is committed (the emitter waits for the unit of work). */
    private void publish(ApprovalRecord approval) {
        otherNodes.approvalChanged(approval.approvalId()); // whoever listens there, they know
        publish(emitter, approval);
    }

    /** Tells this node's live queries of an approval's change: the inboxes it shows up in, and its own page. */
    public static void publish(QueryUpdateEmitter emitter, ApprovalRecord approval) {
        if (!watched(emitter, approval.approvalId())) {
            return; // nobody listens (a quiet moment): no view is made for nobody
        }
        ApprovalView view = approval.toView();
        emitter.emit(FindApproval.class, q -> q.approvalId().equals(approval.approvalId()), view);
        emitter.emit(FindApprovalInbox.class, q -> approval.visibleTo(q.user(), q.roles()), view);
    }

    /** Whether a live query would receive this approval's change. */
    private static boolean watched(QueryUpdateEmitter emitter, String approvalId) {
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
