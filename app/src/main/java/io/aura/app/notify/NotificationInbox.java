package io.aura.app.notify;

import io.aura.app.notify.NotificationFold.Notice;
import io.aura.app.security.ApprovalTokens;
import io.aura.kernel.approval.ApprovalEvents.ApprovalCancelled;
import io.aura.kernel.approval.ApprovalEvents.ApprovalEscalated;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalEvents.ApprovalReminderDue;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenRevoked;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.identity.UserEvents.UserProfileChanged;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import io.aura.kernel.notification.NotificationQueries.FindNotificationsOf;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryFulfilled;
import io.aura.query.store.ViewChanges;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each user's in-app inbox, built from approval events and a booking's own news (confirmed, moved,
 * cancelled: for its requester), and the mail outbox beside it. An approval
 * request carries its approval token (signed here, at the edge: events hold only the token's id).
 * {@link NotificationFold} decides who is told what; the {@link NotificationStore} keeps it. Entries
 * are keyed by event and user, so a redelivered event writes the same entry; mail is sent later by
 * {@link MailOutbox}, never inside a command's transaction.
 *
 * <p>Who may be told what is folded from the user events in this processor, in the stream's order:
 * role members and addresses are then those of the moment of each event, on a replay as live — not
 * the users view's, which another processor fills at its own pace (and rebuilds in a replay).
 */
@Component
@ProcessingGroup(NotificationInbox.PROCESSING_GROUP)
public class NotificationInbox {
    public static final String PROCESSING_GROUP = "notifications";

    private final NotificationStore store;
    private final QueryUpdateEmitter emitter;
    private final ApprovalTokens tokens;
    private final NotificationFold fold;
    private final boolean mailEnabled;
    private final ViewChanges otherNodes;

    public NotificationInbox(NotificationStore store, QueryUpdateEmitter emitter,
                             ApprovalTokens tokens,
                             @Value("${aura.public-url:http://localhost:8080}") String baseUrl,
                             @Value("${spring.mail.host:}") String mailHost) {
        this(store, emitter, tokens, baseUrl, mailHost, Optional.empty());
    }

    /** With {@code otherNodes}: the bells open on other nodes hear of the entries added here (ADR 0053). */
    @Autowired
    public NotificationInbox(NotificationStore store, QueryUpdateEmitter emitter,
                             ApprovalTokens tokens,
                             @Value("${aura.public-url:http://localhost:8080}") String baseUrl,
                             @Value("${spring.mail.host:}") String mailHost, Optional<ViewChanges> otherNodes) {
        this.otherNodes = otherNodes.orElse(ViewChanges.NONE);
        this.store = store;
        this.emitter = emitter;
        this.tokens = tokens;
        this.fold = new NotificationFold(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.mailEnabled = !mailHost.isBlank();
    }

    @EventHandler
    void on(UserRegistered e) {
        store.saveRecipient(NotificationFold.registered(e));
    }

    @EventHandler
    void on(RolesGranted e) {
        store.recipient(e.username()).map(r -> NotificationFold.granted(r, e)).ifPresent(store::saveRecipient);
    }

    @EventHandler
    void on(RoleRevoked e) {
        store.recipient(e.username()).map(r -> NotificationFold.revoked(r, e)).ifPresent(store::saveRecipient);
    }

    @EventHandler
    void on(UserDisabled e) {
        store.recipient(e.username()).map(r -> NotificationFold.disabled(r, e)).ifPresent(store::saveRecipient);
    }

    @EventHandler
    void on(UserProfileChanged e) {
        store.recipient(e.username()).map(r -> NotificationFold.profileChanged(r, e)).ifPresent(store::saveRecipient);
    }

    /**
     * An erased person is forgotten here (ADR 0046): their address, the titles of their bookings (in what later
     * notices call them, in approvals' words, and in the entries already written, in anyone's inbox) and the
     * comments they wrote when rejecting. In this processor, so a replay forgets them again at the same point.
     */
    @EventHandler
    void on(UserErased e) {
        String user = e.username();
        store.recipient(user).map(NotificationFold::erased).ifPresent(store::saveRecipient);
        Map<String, String> titles = new HashMap<>();
        for (BookingTitle booking : store.bookingsOf(user)) {
            titles.put(booking.id(), booking.title());
            store.saveBooking(NotificationFold.erased(booking));
        }
        for (ApprovalContext approval : store.approvalsOf(user)) {
            store.saveApproval(NotificationFold.erased(approval, titles.get(approval.bookingId())));
        }
        for (InboxEntry entry : store.entriesMentioning(user, titles.keySet(), " by " + user + ": ")) {
            InboxEntry erased = NotificationFold.erased(entry, user, titles.get(entry.bookingId()));
            if (!erased.equals(entry)) {
                store.replaceEntry(erased);
            }
        }
    }

    /** What notifications call a resource: its name and zone. */
    @EventHandler
    void on(ResourceRegistered e) {
        store.saveResource(NotificationFold.registered(e));
    }

    /** What notifications call a booking: its title, and where. */
    @EventHandler
    void on(BookingRequested e) {
        store.saveBooking(NotificationFold.requested(e));
    }

    @EventHandler
    void on(ApprovalOpened e) {
        store.saveApproval(NotificationFold.opened(e, store.booking(e.bookingId()), store.resource(e.resourceId())));
    }

    @EventHandler
    void on(ApprovalTokenIssued e, EventMessage<?> message, ReplayStatus replay) {
        String token = tokens.sign(e.tokenId(), e.approvalId(), e.approver(), e.level(), e.expiresAt());
        tell(message, replay, List.of(fold.tokenIssued(e, token, store.approval(e.approvalId()))));
    }

    @EventHandler
    void on(ApprovalLevelStarted e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, fold.levelStarted(e, roleMembersToAsk(e.approvalId(), e.approverRole(), e.approvers()),
                store.approval(e.approvalId())));
    }

    @EventHandler
    void on(ApprovalTokenRevoked e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, List.of(fold.tokenRevoked(e, store.approval(e.approvalId()))));
    }

    @EventHandler
    void on(ApprovalReminderDue e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, fold.reminderDue(e, roleMembersToAsk(e.approvalId(), e.approverRole(), e.approvers()),
                store.approval(e.approvalId())));
    }

    @EventHandler
    void on(ApprovalEscalated e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, fold.escalated(e, membersOf(e.addedRole()), store.approval(e.approvalId())));
    }

    @EventHandler
    void on(ApprovalGranted e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.granted(e, store.approval(e.approvalId())).stream().toList());
    }

    @EventHandler
    void on(ApprovalRejected e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.rejected(e, store.approval(e.approvalId())).stream().toList());
    }

    @EventHandler
    void on(ApprovalExpired e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.expired(e, store.approval(e.approvalId())).stream().toList());
    }

    @EventHandler
    void on(ApprovalCancelled e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.cancelled(e, store.approval(e.approvalId())).stream().toList());
    }

    @EventHandler
    void on(WaitlistEntryFulfilled e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, List.of(fold.waitlistFulfilled(e, store.resource(e.resourceId()))));
    }

    @EventHandler
    void on(BookingConfirmed e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.confirmed(e, store.booking(e.bookingId()),
                store.resource(e.resourceId())).stream().toList());
    }

    @EventHandler
    void on(BookingRescheduled e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.rescheduled(e, store.booking(e.bookingId()),
                store.resource(e.resourceId())).stream().toList());
    }

    @EventHandler
    void on(BookingCancelled e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.cancelled(e, store.booking(e.bookingId()),
                store.resource(e.resourceId())).stream().toList());
    }

    @EventHandler
    void on(OccurrenceCancelled e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, NotificationFold.occurrenceCancelled(e, store.booking(e.bookingId()),
                store.resource(e.resourceId())).stream().toList());
    }

    @EventHandler
    void on(OccurrenceMarkedNoShow e, EventMessage<?> message, ReplayStatus replay) {
        tell(message, replay, List.of(NotificationFold.noShow(e, store.booking(e.bookingId()),
                store.resource(e.resourceId()))));
    }

    private List<String> membersOf(String role) {
        return NotificationFold.role(role).map(store::membersOf).orElse(List.of());
    }

    private List<String> roleMembersToAsk(String approvalId, String role, List<String> namedApprovers) {
        return NotificationFold.toAsk(membersOf(role), namedApprovers, store.approval(approvalId));
    }

    private void tell(EventMessage<?> message, ReplayStatus replay, List<Notice> notices) {
        Instant now = Instant.now();
        for (Notice notice : notices) {
            Optional<Recipient> who = store.recipient(notice.user());
            if (!NotificationFold.reaches(who)) {
                continue;
            }
            InboxEntry entry = NotificationFold.entry(message.getIdentifier(), message.getTimestamp(), notice, who,
                    replay.isReplay(), mailEnabled, now);
            // new, not a redelivery, and not a replay (whose entries are old news): tell whoever watches this inbox
            if (store.add(entry) && !replay.isReplay()) {
                otherNodes.notificationAdded(entry.id());
                publish(emitter, entry);
            }
        }
    }

    /** Tells this node's live queries of a new entry: its user's bell. */
    public static void publish(QueryUpdateEmitter emitter, InboxEntry entry) {
        NotificationView view = entry.toView();
        emitter.emit(WatchNotifications.class, q -> q.user().equals(entry.user()), view);
    }

    /** The initial answer of a live inbox subscription is empty: it streams new entries from now on. */
    @QueryHandler
    List<NotificationView> handle(WatchNotifications query) {
        return List.of();
    }

    @QueryHandler
    List<NotificationView> handle(FindNotificationsOf query) {
        return inboxOf(query.user(), query.limit());
    }

    /**
     * A replay rebuilds the inbox from the events, but a mail still waiting to go out stays: its
     * entry is found again by id, left as it is (an entry is only ever added) and still sent.
     */
    @ResetHandler
    void reset() {
        store.clear();
    }

    public List<NotificationView> inboxOf(String user, int limit) {
        return store.inboxOf(user, limit).stream().map(InboxEntry::toView).toList();
    }
}
