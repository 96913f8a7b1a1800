package io.aura.app.notify;

import io.aura.app.notify.NotificationStore.ApprovalContext;
import io.aura.app.notify.NotificationStore.Recipient;
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
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import io.aura.kernel.notification.NotificationQueries.FindNotificationsOf;
import io.aura.kernel.notification.NotificationQueries.NotificationView;
import io.aura.kernel.notification.NotificationQueries.WatchNotifications;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each user's in-app inbox, built from approval events, and the mail outbox beside it. An approval
 * request carries its approval token (signed here, at the edge: events hold only the token's id).
 * Entries are keyed by event and user, so a redelivered event writes the same entry; mail is sent
 * later by {@link MailOutbox}, never inside a command's transaction. Kept through the
 * {@link NotificationStore} port.
 */
@Component
@ProcessingGroup(NotificationInbox.PROCESSING_GROUP)
public class NotificationInbox {
    public static final String PROCESSING_GROUP = "notifications";
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofDays(1);

    private final NotificationStore store;
    private final QueryUpdateEmitter emitter;
    private final ApprovalTokens tokens;
    private final String baseUrl;
    private final boolean mailEnabled;

    public NotificationInbox(NotificationStore store, QueryUpdateEmitter emitter,
                             ApprovalTokens tokens,
                             @Value("${aura.public-url:http://localhost:8080}") String baseUrl,
                             @Value("${spring.mail.host:}") String mailHost) {
        this.store = store;
        this.emitter = emitter;
        this.tokens = tokens;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.mailEnabled = !mailHost.isBlank();
    }

    /**
     * Who may be told what is folded from the user events in this processor, in the stream's order: role
     * members and addresses are then those of the moment of each event, on a replay as live — not
     * the users view's, which another processor fills at its own pace (and rebuilds in a replay).
     */
    @EventHandler
    void on(UserRegistered e) {
        store.saveRecipient(new Recipient(e.username(), e.roles().stream().map(Role::name)
                .collect(Collectors.toSet()), e.email()));
    }

    @EventHandler
    void on(RolesGranted e) {
        store.recipient(e.username()).ifPresent(r -> store.saveRecipient(granted(r, e))); // a redelivery adds nothing
    }

    /** The recipient with the granted roles added. */
    static Recipient granted(Recipient r, RolesGranted e) {
        Set<String> roles = new TreeSet<>(r.roles());
        e.roles().forEach(role -> roles.add(role.name()));
        return new Recipient(r.username(), Set.copyOf(roles), r.email());
    }

    @EventHandler
    void on(ApprovalOpened e) {
        store.saveApprovalContext(new ApprovalContext(e.approvalId(), e.bookingId(), e.resourceId(), e.requester()));
    }

    @EventHandler
    void on(ApprovalTokenIssued e, EventMessage<?> message, ReplayStatus replay) {
        String token = tokens.sign(e.tokenId(), e.approvalId(), e.approver(), e.level(), e.expiresAt());
        String link = baseUrl + "/approvals/decide?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        notify(message, replay, e.approver(), "APPROVAL_REQUEST", e.bookingId(), e.approvalId(), link, token,
                "Please approve or reject booking " + e.bookingId() + " (level " + (e.level() + 1) + ") by "
                        + e.expiresAt() + ": " + link);
    }

    /**
     * A level a role decides: its members hear of it too, with a link to their approvals inbox. Tokens
     * stay with named approvers (ADR 0008); members decide signed in. The requester is not asked.
     */
    @EventHandler
    void on(ApprovalLevelStarted e, EventMessage<?> message, ReplayStatus replay) {
        for (String member : roleMembersToAsk(e.approvalId(), e.approverRole(), e.approvers())) {
            notify(message, replay, member, "APPROVAL_REQUEST", e.bookingId(), e.approvalId(), baseUrl + "/inbox",
                    null, "Booking " + e.bookingId() + " awaits a decision by " + e.approverRole() + " (level "
                            + (e.level() + 1) + ") until " + e.expiresAt() + ": " + baseUrl + "/inbox");
        }
    }

    @EventHandler
    void on(ApprovalTokenRevoked e, EventMessage<?> message, ReplayStatus replay) {
        notify(message, replay, e.approver(), "APPROVAL_TOKEN_REVOKED", e.bookingId(), e.approvalId(), null, null,
                "Your approval link for booking " + e.bookingId() + " no longer works: " + e.reason());
    }

    @EventHandler
    void on(ApprovalReminderDue e, EventMessage<?> message, ReplayStatus replay) {
        List<String> to = new ArrayList<>(e.approvers());
        to.addAll(roleMembersToAsk(e.approvalId(), e.approverRole(), e.approvers()));
        for (String approver : to) {
            notify(message, replay, approver, "APPROVAL_REMINDER", e.bookingId(), e.approvalId(),
                    baseUrl + "/inbox", null,
                    "Reminder: booking " + e.bookingId() + " awaits your decision until " + e.expiresAt());
        }
    }

    @EventHandler
    void on(ApprovalEscalated e, EventMessage<?> message, ReplayStatus replay) {
        List<String> to = new ArrayList<>(e.addedApprovers());
        to.addAll(membersOf(e.addedRole()));
        for (String user : to.stream().distinct().toList()) {
            notify(message, replay, user, "APPROVAL_ESCALATED", e.bookingId(), e.approvalId(), baseUrl + "/inbox",
                    null, "Booking " + e.bookingId() + " was not decided in time and is escalated to you");
        }
    }

    @EventHandler
    void on(ApprovalGranted e, EventMessage<?> message, ReplayStatus replay) {
        toRequester(message, replay, e.approvalId(), "BOOKING_APPROVED", "Your booking " + e.bookingId()
                + (e.rescheduleTo() == null ? " is approved and confirmed" : " may move: the move is approved"));
    }

    @EventHandler
    void on(ApprovalRejected e, EventMessage<?> message, ReplayStatus replay) {
        toRequester(message, replay, e.approvalId(), "BOOKING_REJECTED", "Your booking " + e.bookingId()
                + (e.rescheduleTo() == null ? " was rejected" : "'s move was rejected") + " by " + e.by()
                + (e.comment() == null ? "" : ": " + e.comment()));
    }

    @EventHandler
    void on(ApprovalExpired e, EventMessage<?> message, ReplayStatus replay) {
        toRequester(message, replay, e.approvalId(), "APPROVAL_EXPIRED", "Nobody decided on booking "
                + e.bookingId() + " in time; " + (e.rescheduleTo() == null ? "it has expired" : "it stays where it was"));
    }

    @EventHandler
    void on(ApprovalCancelled e, EventMessage<?> message, ReplayStatus replay) {
        toRequester(message, replay, e.approvalId(), "APPROVAL_CANCELLED", "The approval of booking "
                + e.bookingId() + " was cancelled: " + e.reason());
    }

    private List<String> membersOf(String role) {
        if (role == null || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
            return List.of();
        }
        return store.membersOf(role);
    }

    /** Members of the level's role, less its named approvers (they are told with their token) and the requester. */
    private List<String> roleMembersToAsk(String approvalId, String role, List<String> namedApprovers) {
        String requester = store.approvalContext(approvalId).map(ApprovalContext::requester).orElse(null);
        return membersOf(role).stream()
                .filter(member -> !namedApprovers.contains(member) && !member.equals(requester)).toList();
    }

    private void toRequester(EventMessage<?> message, ReplayStatus replay, String approvalId, String type,
                             String text) {
        ApprovalContext context = store.approvalContext(approvalId).orElse(null);
        if (context != null && context.requester() != null) {
            notify(message, replay, context.requester(), type, context.bookingId(), approvalId, null, null, text);
        }
    }

    private void notify(EventMessage<?> message, ReplayStatus replay, String user, String type, String bookingId,
                        String approvalId, String link, String token, String text) {
        String id = message.getIdentifier() + ":" + user;
        Recipient who = store.recipient(user).orElse(null);
        String email = who == null || who.email() == null || who.email().isBlank() ? null : who.email();
        Instant at = message.getTimestamp();
        // History met for the first time (a new node, a new version) is listed but not mailed again.
        boolean stale = at.isBefore(Instant.now().minus(STALE_AFTER));
        String mailStatus = replay.isReplay() ? "REPLAYED" : !mailEnabled ? "OFF" : email == null ? "NO_ADDRESS"
                : stale ? "STALE" : "PENDING";
        // Insert-only: a redelivered event finds the entry and leaves it (and its mail) alone.
        NotificationDocument entry = new NotificationDocument(id, user, type, bookingId, approvalId, link, token, text,
                at, email, mailStatus, 0, at, null);
        if (store.add(entry)) { // new, not a redelivery: tell whoever watches this inbox
            emitter.emit(WatchNotifications.class, q -> q.user().equals(user),
                    new NotificationView(id, type, bookingId, approvalId, link, token, text, at));
        }
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
     * entry is found again by id, left as it is (insert-only upsert) and still sent.
     */
    @ResetHandler
    void reset() {
        store.resetKeepingPendingMail();
    }

    public List<NotificationView> inboxOf(String user, int limit) {
        return store.inboxOf(user, limit).stream()
                .map(d -> new NotificationView(d.id(), d.type(), d.bookingId(), d.approvalId(), d.link(), d.token(),
                        d.message(), d.createdAt()))
                .toList();
    }
}
