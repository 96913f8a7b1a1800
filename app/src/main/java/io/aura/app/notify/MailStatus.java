package io.aura.app.notify;

/** Where an inbox entry's mail is: waiting in the outbox, gone, given up on, or never to be sent (and why). */
public enum MailStatus {
    /** Waiting in the outbox (due at its next attempt). */
    PENDING,
    SENT,
    /** Given up after {@link MailOutbox#MAX_ATTEMPTS}. */
    FAILED,
    /** No SMTP server is configured. */
    OFF,
    /** The user has no e-mail address. */
    NO_ADDRESS,
    /** Written by a replay: history is listed again, not mailed again. */
    REPLAYED,
    /** History met for the first time (a new node, a new version): listed, not mailed. */
    STALE,
    /** No longer true when its turn came (a reminder of a date cancelled, moved or begun since): not sent. */
    DROPPED
}
