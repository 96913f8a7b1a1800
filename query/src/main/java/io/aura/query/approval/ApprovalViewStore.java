package io.aura.query.approval;

import io.aura.kernel.approval.ApprovalStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where approval views are kept (one record per approval, computed by {@link ApprovalFold}): the
 * port the approvals projection writes through and its queries and the deadline sweep read from.
 * The store only saves what the fold computed; it decides nothing. Adapters:
 * {@link SqlApprovalViewStore} (SQLite on the embedded default, plain SQL that PostgreSQL runs too)
 * and {@link MongoApprovalViewStore} (production); {@code ApprovalViewStoreContract} holds both to
 * the same behaviour.
 */
public interface ApprovalViewStore {

    Optional<ApprovalRecord> find(String approvalId);

    /** Stores the approval as it is now (replacing the record before). */
    void save(ApprovalRecord approval);

    /** Approvals in {@code status} (null: any), oldest request first (then by id). */
    List<ApprovalRecord> withStatus(ApprovalStatus status);

    /**
     * Approvals in {@code status} (null: any) that name {@code user} as an approver or give one of
     * {@code roles} the decision, oldest request first (then by id).
     */
    List<ApprovalRecord> inboxOf(String user, Collection<String> roles, ApprovalStatus status);

    /** Every approval opened for a booking, oldest request first (then by id). */
    List<ApprovalRecord> ofBooking(String bookingId);

    /** Ids of pending approvals whose next deadline is at or before {@code now}, earliest first, at most {@code limit}. */
    List<String> due(Instant now, int limit);

    /**
     * The approvals whose last decision (and its comment) is {@code user}'s, oldest request first (then by id),
     * this batch's included: what forgets an erased person's comments (ADR 0046). Rare, so it may read them all.
     */
    List<ApprovalRecord> decidedBy(String user);

    /** Forgets every approval (a replay starts from nothing). */
    void clear();
}
