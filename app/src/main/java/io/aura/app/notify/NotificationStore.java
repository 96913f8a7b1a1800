package io.aura.app.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the notification processor keeps users' inboxes, the mail outbox beside them (an entry's
 * mail fields), and what it folds to address them (recipients, approval contexts); and where
 * {@link MailOutbox} claims due mails. Adapters: {@link SqlNotificationStore} (embedded default: the
 * processor's writes are committed with its token, so an entry and its mail are neither lost nor
 * written twice) and {@link MongoNotificationStore} (production: entries are insert-only, so a
 * redelivered event changes nothing); one contract test suite holds both to the same behaviour.
 */
public interface NotificationStore {

    /** Who asked, remembered per approval: later events name only the approval. */
    record ApprovalContext(String id, String bookingId, String resourceId, String requester) {}

    /** A user as the notification processor has folded them: role names and mail address. */
    record Recipient(String username, Set<String> roles, String email) {}

    // ---- written by the processor ----------------------------------------------------------------

    /**
     * Adds an entry unless one with its id is there already (then the earlier one, and its mail, stay
     * as they are).
     *
     * @return true if it was new
     */
    boolean add(NotificationDocument entry);

    void saveRecipient(Recipient recipient);

    Optional<Recipient> recipient(String username);

    /** The recipients holding the role, by name. */
    List<String> membersOf(String role);

    void saveApprovalContext(ApprovalContext context);

    Optional<ApprovalContext> approvalContext(String approvalId);

    /**
     * Forgets what a replay rebuilds: every entry but those whose mail still waits to go out, every
     * recipient and approval context.
     */
    void resetKeepingPendingMail();

    /** True when no recipient is kept at all. */
    boolean noRecipients();

    // ---- read by the API ----------------------------------------------------------------------

    /** A user's entries, newest first, at most {@code limit}. */
    List<NotificationDocument> inboxOf(String user, int limit);

    Optional<NotificationDocument> find(String id);

    // ---- the mail outbox ------------------------------------------------------------------------

    /**
     * Claims one mail that is PENDING and due at {@code now} by moving its next attempt to
     * {@code leaseUntil}: of several senders claiming at once, each mail goes to one only, and to
     * another only once the lease has passed.
     *
     * @return the claimed entry (as it is after the claim), or empty when nothing is due
     */
    Optional<NotificationDocument> claimDueMail(Instant now, Instant leaseUntil);

    /** The mail went out: SENT, one attempt more. */
    void mailSent(String id);

    /** The mail failed: its status (PENDING to retry, FAILED to give up), attempts, error and next attempt. */
    void mailFailed(String id, String status, int attempts, String error, Instant nextAttemptAt);
}
