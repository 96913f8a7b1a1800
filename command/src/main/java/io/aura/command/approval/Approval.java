package io.aura.command.approval;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.kernel.approval.ApprovalCommands.CancelApproval;
import io.aura.kernel.approval.ApprovalCommands.DecideApproval;
import io.aura.kernel.approval.ApprovalCommands.DecideWithToken;
import io.aura.kernel.approval.ApprovalCommands.DecisionOutcome;
import io.aura.kernel.approval.ApprovalCommands.OpenApproval;
import io.aura.kernel.approval.ApprovalCommands.PassApprovalDeadline;
import io.aura.kernel.approval.ApprovalCommands.ReassignApprovers;
import io.aura.kernel.approval.ApprovalCommands.RefuseToken;
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
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenRefused;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenRevoked;
import io.aura.kernel.approval.ApprovalEvents.ApproversReassigned;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApprovalPolicy;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.approval.DecisionChannel;
import io.aura.kernel.approval.Verdict;
import io.aura.kernel.identity.Role;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.aura.kernel.validation.Rule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The decision on one booking (or on moving one): levels decided in order, first verdict per
 * level, a rejection ends it. It records every approval token it issues and consumes one on use,
 * so a token works once, only for its approver and level, and not after a reassignment or a
 * decision, on any node (the event stream is the single truth). Deadlines are idempotent:
 * {@link PassApprovalDeadline} does what is due and nothing twice.
 *
 * <p>Longer than most files: it is one consistency boundary (levels, tokens, reassignment and
 * deadlines must be decided against one event stream), and its rules are already small named
 * kernel functions ({@code ApprovalPolicy}, {@code ApprovalLevel}); what is left here is which
 * command is allowed in which state.
 */
public class Approval {
    static final String REQUESTER_REFUSAL = "the requester may not decide their own booking";

    @AggregateIdentifier
    private String approvalId;

    private String bookingId;
    private String resourceId;
    /** who asked for the booking (or the move): never its approver, only an ADMIN's override */
    private String requester;
    /** token id | reason of each refusal recorded */
    private final java.util.Set<String> refusedAlready = new java.util.HashSet<>();
    private TimeRange firstOccurrence;
    private TimeRange rescheduleTo;
    private List<ApprovalLevel> levels;
    private Duration window;
    private ApprovalStatus status;
    private int level;
    private List<String> approvers = new ArrayList<>();
    private List<String> roles = new ArrayList<>();
    private Instant remindAt;
    private Instant escalateAt;
    private Instant expiresAt;
    private boolean reminded;
    private boolean escalated;
    private final Map<String, IssuedToken> tokens = new HashMap<>();

    private record IssuedToken(String approver, int level, Instant expiresAt, boolean spent, boolean revoked) {}

    protected Approval() {}

    @CommandHandler
    public Approval(OpenApproval c) {
        if (c.levels() == null || c.levels().isEmpty()) {
            throw new InvalidInputException(List.of(FieldViolation.of("levels", Rule.APPROVAL_NEEDS_LEVEL)));
        }
        String deadline = c.deadline() == null ? ApprovalPolicy.DEFAULT_DEADLINE.toString() : c.deadline();
        // In a constructor the event reaches the state only once the aggregate exists: hence andThen.
        apply(new ApprovalOpened(c.approvalId(), c.bookingId(), c.resourceId(), c.requester(), c.firstOccurrence(),
                c.rescheduleTo(), c.levels(), deadline)).andThen(() -> startLevel(0, c.openedAt()));
    }

    @CommandHandler
    DecisionOutcome handle(DecideApproval c) {
        requirePending();
        // The requester never approves their own booking as an approver: an ADMIN requester overrides, on record.
        boolean ownBooking = isRequester(c.by());
        boolean approver = !ownBooking && isCurrentApprover(c.by(), c.byRoles());
        if (!approver && !c.byRoles().contains(Role.ADMIN.name())) {
            throw new NotAnApproverException(ownBooking
                    ? REQUESTER_REFUSAL
                    : c.by() + " may not decide level " + (level + 1) + " of this approval");
        }
        // The level's deadline holds for the inbox and overrides as for tokens: at expiresAt it has expired.
        if (!c.at().isBefore(expiresAt)) {
            throw new ApprovalStateException("the deadline of level " + (level + 1) + " has passed");
        }
        Reasons.requireBoundedComment(c.comment()); // whoever sends it: API, web UI
        if (!approver && (c.comment() == null || c.comment().isBlank())) {
            throw new InvalidInputException(List.of(FieldViolation.of("comment", Rule.OVERRIDE_NEEDS_REASON)));
        }
        decide(c.verdict(), c.by(), c.comment(), approver ? DecisionChannel.INBOX : DecisionChannel.OVERRIDE, null,
                c.at());
        return new DecisionOutcome(true, null, approvalId, bookingId, status);
    }

    @CommandHandler
    DecisionOutcome handle(DecideWithToken c) {
        Reasons.requireBoundedComment(c.comment()); // refused before the token is looked at: it stays unspent
        String refusal = tokenRefusal(c.tokenId(), c.approver(), c.level(), c.at());
        if (refusal != null) {
            refuse(c.tokenId(), c.approver(), refusal);
            return new DecisionOutcome(false, refusal, approvalId, bookingId, status);
        }
        decide(c.verdict(), c.approver(), c.comment(), DecisionChannel.TOKEN, c.tokenId(), c.at());
        return new DecisionOutcome(true, null, approvalId, bookingId, status);
    }

    @CommandHandler
    void handle(RefuseToken c) {
        refuse(c.tokenId(), c.approver(), c.reason());
    }

    /**
     * A refused token is recorded once per reason: the audit shows that it was tried and why, and
     * someone replaying a spent link a thousand times (the endpoint needs no sign-in) does not append
     * a thousand events.
     */
    private void refuse(String tokenId, String approver, String reason) {
        if (!refusedAlready.contains(tokenId + "|" + reason)) {
            apply(new ApprovalTokenRefused(approvalId, bookingId, tokenId, approver, reason));
        }
    }

    @CommandHandler
    void handle(ReassignApprovers c) {
        requirePending();
        if (c.approvers() == null || c.approvers().isEmpty()) {
            throw new InvalidInputException(List.of(FieldViolation.of("approvers", Rule.APPROVERS_REQUIRED)));
        }
        Reasons.requireBounded(c.reason());
        List<FieldViolation> shape = ApproverNames.shape("approvers", c.approvers());
        if (!shape.isEmpty()) {
            throw new InvalidInputException(shape);
        }
        List<String> next = c.approvers().stream().distinct().toList();
        apply(new ApproversReassigned(approvalId, bookingId, level, next, c.by(), c.reason()));
        // Everyone's current token is revoked, so a token cannot outlive the assignment it was issued for.
        tokens.entrySet().stream()
                .filter(t -> t.getValue().level() == level && !t.getValue().spent() && !t.getValue().revoked())
                .map(t -> new ApprovalTokenRevoked(approvalId, bookingId, t.getKey(), t.getValue().approver(),
                        "approvers reassigned by " + c.by()))
                .toList()
                .forEach(e -> apply(e));
        for (String approver : next) {
            issueToken(approver);
        }
    }

    @CommandHandler
    void handle(CancelApproval c) {
        Reasons.requireBounded(c.reason());
        if (status == ApprovalStatus.PENDING) {
            apply(new ApprovalCancelled(approvalId, bookingId, resourceId, c.reason(), c.by(), rescheduleTo));
        }
    }

    @CommandHandler
    void handle(PassApprovalDeadline c) {
        if (status != ApprovalStatus.PENDING) {
            return;
        }
        if (!c.now().isBefore(expiresAt)) {
            apply(new ApprovalExpired(approvalId, bookingId, resourceId, level, rescheduleTo));
            return;
        }
        if (!reminded && !c.now().isBefore(remindAt)) {
            apply(new ApprovalReminderDue(approvalId, bookingId, level, List.copyOf(approvers), currentRole(), expiresAt));
        }
        if (!escalated && !c.now().isBefore(escalateAt)) {
            List<String> to = levels.get(level).escalateTo().stream().filter(u -> !approvers.contains(u)).toList();
            String role = levels.get(level).escalateTo().isEmpty() ? Role.ADMIN.name() : null;
            apply(new ApprovalEscalated(approvalId, bookingId, level, to, role));
            to.forEach(this::issueToken);
        }
    }

    private void decide(Verdict verdict, String by, String comment, DecisionChannel channel, String tokenId,
                        Instant at) {
        if (verdict == Verdict.REJECT) {
            apply(new ApprovalRejected(approvalId, bookingId, resourceId, level, by, comment, channel, tokenId,
                    rescheduleTo));
            return;
        }
        apply(new ApprovalLevelApproved(approvalId, bookingId, level, by, comment, channel, tokenId));
        if (level + 1 < levels.size()) {
            startLevel(level + 1, at);
        } else {
            apply(new ApprovalGranted(approvalId, bookingId, resourceId, rescheduleTo));
        }
    }

    private String tokenRefusal(String tokenId, String approver, int tokenLevel, Instant at) {
        IssuedToken token = tokens.get(tokenId);
        if (token == null || !token.approver().equals(approver) || token.level() != tokenLevel) {
            return "this approval issued no such token";
        }
        if (isRequester(approver)) { // a requester named as approver still gets a token, never a say
            return REQUESTER_REFUSAL;
        }
        if (token.spent()) {
            return "the token was already used";
        }
        if (token.revoked()) {
            return "the token was revoked: the approvers were reassigned";
        }
        if (status != ApprovalStatus.PENDING) {
            return "the approval is already " + status;
        }
        if (token.level() != level) {
            return "the token's level is already decided";
        }
        if (!at.isBefore(token.expiresAt())) { // as PassApprovalDeadline: expired at expiresAt itself
            return "the token has expired";
        }
        return null;
    }

    private void startLevel(int next, Instant at) {
        ApprovalLevel l = levels.get(next);
        var deadlines = ApprovalPolicy.deadlines(at, window, firstOccurrence);
        apply(new ApprovalLevelStarted(approvalId, bookingId, next, l.name(), l.approvers(), l.approverRole(),
                deadlines.remindAt(), deadlines.escalateAt(), deadlines.expiresAt()));
        for (String approver : l.approvers()) {
            issueToken(approver);
        }
    }

    private void issueToken(String approver) {
        // The id is the token's jti; the signed token itself is made at the edge and never stored here.
        // It need not be secret (only our signature makes a token), only unique: the n-th of this approval.
        apply(new ApprovalTokenIssued(approvalId, bookingId, tokenId(approvalId, tokens.size()), approver, level,
                expiresAt));
    }

    /** The id of the {@code n}-th token an approval issues (counting from 0). */
    public static String tokenId(String approvalId, int n) {
        return UUID.nameUUIDFromBytes(("approval-token|" + approvalId + "|" + n).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private boolean isRequester(String user) {
        return requester != null && requester.equals(user);
    }

    private boolean isCurrentApprover(String user, List<String> userRoles) {
        return approvers.contains(user) || roles.stream().anyMatch(userRoles::contains);
    }

    private String currentRole() {
        return roles.isEmpty() ? null : String.join(",", roles);
    }

    private void requirePending() {
        if (status != ApprovalStatus.PENDING) {
            throw new ApprovalStateException("the approval is already " + status);
        }
    }

    @EventSourcingHandler
    void on(ApprovalTokenRefused e) {
        refusedAlready.add(e.tokenId() + "|" + e.reason());
    }

    @EventSourcingHandler
    void on(ApprovalOpened e) {
        approvalId = e.approvalId();
        bookingId = e.bookingId();
        resourceId = e.resourceId();
        requester = e.requester();
        firstOccurrence = e.firstOccurrence();
        rescheduleTo = e.rescheduleTo();
        levels = e.levels();
        window = Duration.parse(e.deadline());
        status = ApprovalStatus.PENDING;
    }

    @EventSourcingHandler
    void on(ApprovalLevelStarted e) {
        level = e.level();
        approvers = new ArrayList<>(e.approvers());
        roles = new ArrayList<>();
        if (e.approverRole() != null) {
            roles.add(e.approverRole());
        }
        remindAt = e.remindAt();
        escalateAt = e.escalateAt();
        expiresAt = e.expiresAt();
        reminded = false;
        escalated = false;
    }

    @EventSourcingHandler
    void on(ApprovalTokenIssued e) {
        tokens.put(e.tokenId(), new IssuedToken(e.approver(), e.level(), e.expiresAt(), false, false));
        if (!approvers.contains(e.approver())) {
            approvers.add(e.approver());
        }
    }

    @EventSourcingHandler
    void on(ApprovalTokenRevoked e) {
        tokens.computeIfPresent(e.tokenId(), (id, t) -> new IssuedToken(t.approver(), t.level(), t.expiresAt(), t.spent(), true));
    }

    @EventSourcingHandler
    void on(ApproversReassigned e) {
        approvers = new ArrayList<>(e.approvers());
    }

    @EventSourcingHandler
    void on(ApprovalLevelApproved e) {
        spend(e.tokenId());
    }

    @EventSourcingHandler
    void on(ApprovalGranted e) {
        status = ApprovalStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ApprovalRejected e) {
        spend(e.tokenId());
        status = ApprovalStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ApprovalReminderDue e) {
        reminded = true;
    }

    @EventSourcingHandler
    void on(ApprovalEscalated e) {
        escalated = true;
        if (e.addedRole() != null && !roles.contains(e.addedRole())) {
            roles.add(e.addedRole());
        }
    }

    @EventSourcingHandler
    void on(ApprovalExpired e) {
        status = ApprovalStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ApprovalCancelled e) {
        status = ApprovalStatus.CANCELLED;
    }

    private void spend(String tokenId) {
        if (tokenId != null) {
            tokens.computeIfPresent(tokenId, (id, t) -> new IssuedToken(t.approver(), t.level(), t.expiresAt(), true, t.revoked()));
        }
    }
}
