package io.aura.app.notify;

import io.aura.kernel.identity.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the notification inbox keeps what it folds (recipients, approval contexts, what bookings and
 * resources are called) and what it writes (inbox entries with their mails): the port {@link NotificationInbox} writes through and
 * reads from. It only keeps what the inbox computed; it decides nothing. Adapters:
 * {@link SqlNotificationStore} (SQLite on the embedded default, plain SQL that PostgreSQL runs too)
 * and {@link MongoNotificationStore} (production); {@code NotificationStoreContract} holds both to
 * the same behaviour. The mails waiting in these entries go out through the same store's
 * {@link MailQueue}.
 */
public interface NotificationStore {

    Optional<Recipient> recipient(String username);

    /** Stores the recipient as it is now (replacing the one before). */
    void saveRecipient(Recipient recipient);

    /** The usernames of everyone holding {@code role}, in order. */
    List<String> membersOf(Role role);

    Optional<ApprovalContext> approval(String approvalId);

    void saveApproval(ApprovalContext approval);

    Optional<BookingTitle> booking(String bookingId);

    /** Stores a booking's title and resource (replacing what was kept for it). */
    void saveBooking(BookingTitle booking);

    Optional<ResourcePlace> resource(String resourceId);

    /** Stores a resource's name and zone (replacing what was kept for it). */
    void saveResource(ResourcePlace resource);

    /**
     * Adds an entry unless one with its id is there already (then leaves that one, and its mail,
     * alone): whether it was added. A redelivered event writes nothing twice, nor mails twice.
     */
    boolean add(InboxEntry entry);

    Optional<InboxEntry> entry(String id);

    /** The newest {@code limit} entries of one user's inbox, newest first (entries of one instant by id). */
    List<InboxEntry> inboxOf(String user, int limit);

    // ---- what erasing a person reads and writes (ADR 0046); rare, so these may read much ---------------

    /** The bookings {@code requester} asked for, as kept here, this batch's included; in no particular order. */
    List<BookingTitle> bookingsOf(String requester);

    /** The contexts of approvals of {@code requester}'s bookings, this batch's included; in no particular order. */
    List<ApprovalContext> approvalsOf(String requester);

    /**
     * The entries in {@code user}'s inbox, about one of {@code bookingIds}, or whose message contains {@code text}
     * (null: none), this batch's included; in no particular order.
     */
    List<InboxEntry> entriesMentioning(String user, Collection<String> bookingIds, String text);

    /**
     * Replaces an entry kept before with {@code entry} (its text and mail as they are now): the one write that
     * changes an entry's words. An entry not kept stays unkept.
     */
    void replaceEntry(InboxEntry entry);

    /**
     * Forgets what a replay rebuilds: recipients, approval contexts, booking titles, resource names
     * and every entry but those whose mail still waits to go out (a replay finds those again by id and
     * leaves them, so they are still sent) and booking reminders (no event's: a replay would not write
     * them again, and a sweep after it would mail them again, ADR 0038).
     */
    void clear();
}
