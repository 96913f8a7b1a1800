package io.aura.app.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * The inbox entries' mails waiting to go out ({@link MailStatus#PENDING}), as the outbox takes them:
 * the entry and its mail are written together, in the batch of the event that caused them, so no
 * mail is lost nor made up. Each mail is leased before it is sent, so two nodes polling together
 * never send the same one at the same time.
 */
public interface MailQueue {

    /**
     * A pending mail due at {@code now}, leased (its next attempt moved to {@code leaseUntil}) so
     * that no other poller takes it meanwhile; empty when none is due.
     */
    Optional<InboxEntry> leaseNextDue(Instant now, Instant leaseUntil);

    /** The mail went out: {@link MailStatus#SENT}, one attempt more. */
    void sent(String id);

    /** The mail did not go out: tried again at {@code nextAttemptAt} while {@code status} is PENDING. */
    void failed(String id, MailStatus status, int attempts, String error, Instant nextAttemptAt);
}
