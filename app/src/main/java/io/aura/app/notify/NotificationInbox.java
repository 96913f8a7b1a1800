package io.aura.app.notify;

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
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.query.identity.UserViewStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each user's in-app inbox, built from approval events, and the mail outbox beside it. An approval
 * request carries its approval token (signed here, at the edge: events hold only the token's id).
 * Entries are keyed by event and user, so a redelivered event writes the same entry; mail is sent
 * later by {@link MailOutbox}, never inside a command's transaction.
 */
@Component
@ProcessingGroup(NotificationInbox.PROCESSING_GROUP)
public class NotificationInbox {
    public static final String PROCESSING_GROUP = "notifications";
    static final String COLLECTION = "notifications";
    static final String CONTEXT = "notification_approvals";
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofDays(1);

    private final MongoTemplate mongo;
    private final QueryUpdateEmitter emitter;
    private final ApprovalTokens tokens;
    private final String baseUrl;
    private final boolean mailEnabled;
    private final UserViewStore users;

    public NotificationInbox(MongoTemplate mongo, QueryUpdateEmitter emitter,
                             ApprovalTokens tokens, UserViewStore users,
                             @Value("${aura.public-url:http://localhost:8080}") String baseUrl,
                             @Value("${spring.mail.host:}") String mailHost) {
        this.mongo = mongo;
        this.emitter = emitter;
        this.tokens = tokens;
        this.users = users;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.mailEnabled = !mailHost.isBlank();
        mongo.indexOps(COLLECTION).createIndex(new Index().on("user", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("inbox"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("mailStatus", Sort.Direction.ASC)
                .on("mailNextAttemptAt", Sort.Direction.ASC).named("outbox"));
    }

    /** Who asked, remembered per approval: later events name only the approval. */
    record ApprovalContext(String id, String bookingId, String resourceId, String requester) {}

    /**
     * Who may be told what, folded from the user events in this processor, in the stream's order: role
     * members and addresses are then those of the moment of each event, on a replay as live — not
     * the users view's, which another processor fills at its own pace (and rebuilds in a replay).
     */
    record Recipient(@org.springframework.data.annotation.Id String username, java.util.Set<String> roles, String email) {}

    static final String RECIPIENTS = "notification_recipients";

    @EventHandler
    void on(UserRegistered e) {
        mongo.save(new Recipient(e.username(), e.roles().stream().map(Role::name).collect(
                java.util.stream.Collectors.toSet()), e.email()), RECIPIENTS);
    }

    @EventHandler
    void on(RolesGranted e) {
        Update grant = new Update();
        grant.addToSet("roles").each(e.roles().stream().map(Role::name).toArray()); // a redelivery adds nothing
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.username())), grant, RECIPIENTS);
    }

    @EventHandler
    void on(ApprovalOpened e) {
        mongo.save(new ApprovalContext(e.approvalId(), e.bookingId(), e.resourceId(), e.requester()), CONTEXT);
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
        return mongo.find(Query.query(Criteria.where("roles").is(role)).with(Sort.by("_id")), Recipient.class, RECIPIENTS)
                .stream().map(Recipient::username).toList();
    }

    /** Members of the level's role, less its named approvers (they are told with their token) and the requester. */
    private List<String> roleMembersToAsk(String approvalId, String role, List<String> namedApprovers) {
        ApprovalContext context = mongo.findById(approvalId, ApprovalContext.class, CONTEXT);
        String requester = context == null ? null : context.requester();
        return membersOf(role).stream()
                .filter(member -> !namedApprovers.contains(member) && !member.equals(requester)).toList();
    }

    private void toRequester(EventMessage<?> message, ReplayStatus replay, String approvalId, String type,
                             String text) {
        ApprovalContext context = mongo.findById(approvalId, ApprovalContext.class, CONTEXT);
        if (context != null && context.requester() != null) {
            notify(message, replay, context.requester(), type, context.bookingId(), approvalId, null, null, text);
        }
    }

    private void notify(EventMessage<?> message, ReplayStatus replay, String user, String type, String bookingId,
                        String approvalId, String link, String token, String text) {
        String id = message.getIdentifier() + ":" + user;
        Recipient who = mongo.findById(user, Recipient.class, RECIPIENTS);
        String email = who == null || who.email() == null || who.email().isBlank() ? null : who.email();
        Instant at = message.getTimestamp();
        // History met for the first time (a new node, a new version) is listed but not mailed again.
        boolean stale = at.isBefore(Instant.now().minus(STALE_AFTER));
        String mailStatus = replay.isReplay() ? "REPLAYED" : !mailEnabled ? "OFF" : email == null ? "NO_ADDRESS"
                : stale ? "STALE" : "PENDING";
        // An upsert that only inserts: a redelivered event finds the entry and leaves it (and its mail) alone.
        Update insert = new Update()
                .setOnInsert("user", user).setOnInsert("type", type).setOnInsert("bookingId", bookingId)
                .setOnInsert("approvalId", approvalId).setOnInsert("link", link).setOnInsert("token", token)
                .setOnInsert("message", text).setOnInsert("createdAt", at).setOnInsert("email", email)
                .setOnInsert("mailStatus", mailStatus).setOnInsert("mailAttempts", 0)
                .setOnInsert("mailNextAttemptAt", at);
        var result = mongo.upsert(Query.query(Criteria.where("_id").is(id)), insert, COLLECTION);
        if (result.getUpsertedId() != null) { // new, not a redelivery: tell whoever watches this inbox
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
        mongo.remove(Query.query(Criteria.where("mailStatus").ne("PENDING")), COLLECTION);
        mongo.remove(new Query(), CONTEXT);
        mongo.remove(new Query(), RECIPIENTS);
    }

    /**
     * Recipients came from the users view before they were folded here: a store from then has users
     * this processor's position is already past. Copied once from the users view when none are kept.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void copyRecipientsOnceFromTheUsersView() {
        if (mongo.exists(new Query(), RECIPIENTS)) {
            return;
        }
        for (UserView user : users.all()) {
            mongo.save(new Recipient(user.username(), user.roles().stream().map(Role::name).collect(
                    java.util.stream.Collectors.toSet()), user.email()), RECIPIENTS);
        }
    }

    public List<NotificationView> inboxOf(String user, int limit) {
        return mongo.find(Query.query(Criteria.where("user").is(user))
                                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                        NotificationDocument.class, COLLECTION)
                .stream()
                .map(d -> new NotificationView(d.id(), d.type(), d.bookingId(), d.approvalId(), d.link(), d.token(),
                        d.message(), d.createdAt()))
                .toList();
    }
}
