package io.aura.app.notify;

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
import io.aura.kernel.identity.UserEvents.RoleRevoked;
import io.aura.kernel.identity.UserEvents.RolesGranted;
import io.aura.kernel.identity.UserEvents.UserDisabled;
import io.aura.kernel.identity.UserEvents.UserRegistered;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told what, event by event, and the inbox entry each one gets: pure, so a replay tells the
 * same people the same things live processing did, whichever store keeps them. What the functions
 * need from earlier events (recipients, who asked for an approval, a role's members) is passed in;
 * the approval token is signed at the edge and passed in too.
 */
final class NotificationFold {
    /** History met for the first time (a new node, a new version) older than this is listed but not mailed. */
    static final Duration STALE_AFTER = Duration.ofDays(1);

    /** One thing to tell one user. */
    record Notice(String user, String type, String bookingId, String approvalId, String link, String token,
                  String message) {}

    private final String baseUrl;

    /** @param baseUrl where the application is reached, without a trailing slash */
    NotificationFold(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static Recipient registered(UserRegistered e) {
        return new Recipient(e.username(), e.roles(), e.email());
    }

    /** Roles are added, never replaced: a redelivered grant adds nothing. A disabled user gains none. */
    static Recipient granted(Recipient r, RolesGranted e) {
        if (r.disabled()) {
            return r;
        }
        Set<Role> roles = new HashSet<>(r.roles());
        roles.addAll(e.roles());
        return new Recipient(r.username(), roles, r.email());
    }

    /** A revoked role stops bringing its notices (a revoked APPROVER is no longer asked). */
    static Recipient revoked(Recipient r, RoleRevoked e) {
        Set<Role> roles = new HashSet<>(r.roles());
        roles.remove(e.role());
        return new Recipient(r.username(), roles, r.email(), r.disabled());
    }

    /** A disabled user is a member of no role and is told nothing, not even by name (see {@link #reaches}). */
    static Recipient disabled(Recipient r, UserDisabled e) {
        return new Recipient(r.username(), Set.of(), r.email(), true);
    }

    /** Whether a notice reaches its user: not when they are disabled (someone unknown here still is told). */
    static boolean reaches(Optional<Recipient> who) {
        return who.map(r -> !r.disabled()).orElse(true);
    }

    static ApprovalContext opened(ApprovalOpened e) {
        return new ApprovalContext(e.approvalId(), e.bookingId(), e.resourceId(), e.requester());
    }

    /** The role an approval names, if it is one of ours (an unknown name has no members). */
    static Optional<Role> role(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** Members of the level's role, less its named approvers (they are told with their token) and the requester. */
    static List<String> toAsk(List<String> members, List<String> namedApprovers, Optional<ApprovalContext> approval) {
        String requester = approval.map(ApprovalContext::requester).orElse(null);
        return members.stream().filter(member -> !namedApprovers.contains(member) && !member.equals(requester)).toList();
    }

    /** A named approver is asked with the link that decides with their token. */
    Notice tokenIssued(ApprovalTokenIssued e, String token) {
        String link = baseUrl + "/approvals/decide?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return new Notice(e.approver(), "APPROVAL_REQUEST", e.bookingId(), e.approvalId(), link, token,
                "Please approve or reject booking " + e.bookingId() + " (level " + (e.level() + 1) + ") by "
                        + e.expiresAt() + ": " + link);
    }

    /**
     * A level a role decides: its members hear of it too, with a link to their approvals inbox. Tokens
     * stay with named approvers (ADR 0008); members decide signed in. The requester is not asked.
     */
    List<Notice> levelStarted(ApprovalLevelStarted e, List<String> roleMembersToAsk) {
        return roleMembersToAsk.stream().map(member -> new Notice(member, "APPROVAL_REQUEST", e.bookingId(),
                e.approvalId(), baseUrl + "/inbox", null, "Booking " + e.bookingId() + " awaits a decision by "
                        + e.approverRole() + " (level " + (e.level() + 1) + ") until " + e.expiresAt() + ": "
                        + baseUrl + "/inbox")).toList();
    }

    Notice tokenRevoked(ApprovalTokenRevoked e) {
        return new Notice(e.approver(), "APPROVAL_TOKEN_REVOKED", e.bookingId(), e.approvalId(), null, null,
                "Your approval link for booking " + e.bookingId() + " no longer works: " + e.reason());
    }

    List<Notice> reminderDue(ApprovalReminderDue e, List<String> roleMembersToAsk) {
        List<String> to = new ArrayList<>(e.approvers());
        to.addAll(roleMembersToAsk);
        return to.stream().map(approver -> new Notice(approver, "APPROVAL_REMINDER", e.bookingId(), e.approvalId(),
                baseUrl + "/inbox", null, "Reminder: booking " + e.bookingId() + " awaits your decision until "
                        + e.expiresAt())).toList();
    }

    List<Notice> escalated(ApprovalEscalated e, List<String> membersOfAddedRole) {
        List<String> to = new ArrayList<>(e.addedApprovers());
        to.addAll(membersOfAddedRole);
        return to.stream().distinct().map(user -> new Notice(user, "APPROVAL_ESCALATED", e.bookingId(), e.approvalId(),
                baseUrl + "/inbox", null, "Booking " + e.bookingId() + " was not decided in time and is escalated to you"))
                .toList();
    }

    static Optional<Notice> granted(ApprovalGranted e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "BOOKING_APPROVED", "Your booking " + e.bookingId()
                + (e.rescheduleTo() == null ? " is approved and confirmed" : " may move: the move is approved"));
    }

    static Optional<Notice> rejected(ApprovalRejected e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "BOOKING_REJECTED", "Your booking " + e.bookingId()
                + (e.rescheduleTo() == null ? " was rejected" : "'s move was rejected") + " by " + e.by()
                + (e.comment() == null ? "" : ": " + e.comment()));
    }

    static Optional<Notice> expired(ApprovalExpired e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "APPROVAL_EXPIRED", "Nobody decided on booking "
                + e.bookingId() + " in time; " + (e.rescheduleTo() == null ? "it has expired" : "it stays where it was"));
    }

    static Optional<Notice> cancelled(ApprovalCancelled e, Optional<ApprovalContext> approval) {
        return toRequester(approval, e.approvalId(), "APPROVAL_CANCELLED", "The approval of booking "
                + e.bookingId() + " was cancelled: " + e.reason());
    }

    private static Optional<Notice> toRequester(Optional<ApprovalContext> approval, String approvalId, String type,
                                                String text) {
        return approval.filter(a -> a.requester() != null)
                .map(a -> new Notice(a.requester(), type, a.bookingId(), approvalId, null, null, text));
    }

    /**
     * The inbox entry of a notice caused by event {@code eventId} at {@code at}, and whether its mail
     * is to be sent: never for a replay, nor without an SMTP server or an address, nor for history
     * older than {@link #STALE_AFTER} at {@code now}. Kept to the millisecond, as every store keeps it.
     */
    static InboxEntry entry(String eventId, Instant at, Notice notice, Optional<Recipient> who, boolean replay,
                            boolean mailEnabled, Instant now) {
        String email = who.map(Recipient::email).filter(address -> !address.isBlank()).orElse(null);
        boolean stale = at.isBefore(now.minus(STALE_AFTER));
        MailStatus mail = replay ? MailStatus.REPLAYED : !mailEnabled ? MailStatus.OFF
                : email == null ? MailStatus.NO_ADDRESS : stale ? MailStatus.STALE : MailStatus.PENDING;
        Instant created = at.truncatedTo(ChronoUnit.MILLIS);
        return new InboxEntry(eventId + ":" + notice.user(), notice.user(), notice.type(), notice.bookingId(),
                notice.approvalId(), notice.link(), notice.token(), notice.message(), created, email, mail, 0, created,
                null);
    }
}
