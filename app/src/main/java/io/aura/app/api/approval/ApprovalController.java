package io.aura.app.api.approval;

import io.aura.app.api.LiveStreams;
import io.aura.app.api.NotFoundException;
import io.aura.app.security.ApprovalTokens;
import io.aura.app.security.AuraUserDetailsService;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.approval.ApprovalCommands.CancelApproval;
import io.aura.kernel.approval.ApprovalCommands.DecideApproval;
import io.aura.kernel.approval.ApprovalCommands.DecideWithToken;
import io.aura.kernel.approval.ApprovalCommands.DecisionOutcome;
import io.aura.kernel.approval.ApprovalCommands.ReassignApprovers;
import io.aura.kernel.approval.ApprovalCommands.RefuseToken;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApproval;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.approval.Verdict;
import io.aura.kernel.identity.Role;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.jsonwebtoken.JwtException;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Approvals over HTTP: the inbox, verdicts by signed-in approvers, verdicts by approval token,
 * and an administrator's interventions. Every decision is made by the approval aggregate; this
 * class verifies signatures and turns outcomes into answers.
 */
@RestController
@Tag(name = "Approvals")
public class ApprovalController {
    private static final Logger log = LoggerFactory.getLogger(ApprovalController.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApprovalTokens tokens;
    private final AuraUserDetailsService accounts;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LiveStreams streams;

    public ApprovalController(CommandGateway commands, QueryGateway queries, ApprovalTokens tokens,
                              AuraUserDetailsService accounts, Clock clock, MeterRegistry meters, LiveStreams streams) {
        this.streams = streams;
        this.commands = commands;
        this.queries = queries;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
        this.meters = meters;
    }

    public record DecisionBody(String decision, String comment) {}

    public record TokenDecisionBody(String token, String decision, String comment) {}

    public record ReassignBody(List<String> approvers, String reason) {}

    public record CancelBody(String reason) {}

    public record DecisionAnswer(String approvalId, String bookingId, ApprovalStatus status) {}

    @Operation(summary = "The caller's approvals inbox (every approval for an ADMIN)")
    @GetMapping("/api/approvals")
    @PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
    public List<ApprovalView> inbox(@RequestParam(required = false) String status, Authentication caller) {
        ApprovalStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = ApprovalStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of(new FieldViolation("status",
                        "must be one of " + List.of(ApprovalStatus.values()))));
            }
        }
        return queries.query(new FindApprovalInbox(caller.getName(), rolesOf(caller), wanted),
                ResponseTypes.multipleInstancesOf(ApprovalView.class)).join();
    }

    /** Declared before {@code /api/approvals/{approvalId}} only for the reader: Spring prefers the literal path. */
    @Operation(summary = "Changes of the caller's approvals inbox as Server-Sent Events (event: approvals, "
            + "data: [approvals as they are now]), on whichever node they were decided")
    @GetMapping(value = "/api/approvals/stream", produces = "text/event-stream")
    @PreAuthorize("hasAnyRole('APPROVER','ADMIN')")
    public SseEmitter stream(Authentication caller) throws IOException {
        // the roles of now choose what each burst shows: one revoked since the stream opened shows nothing more
        return streams.open(caller, Set.of(Role.APPROVER, Role.ADMIN), queries.subscriptionQuery(
                new FindApprovalInbox(caller.getName(), rolesOf(caller), null),
                ResponseTypes.multipleInstancesOf(ApprovalView.class), ResponseTypes.instanceOf(ApprovalView.class)),
                "approvals", (burst, now) -> burst.stream().filter(a -> a.visibleTo(now.username(),
                        now.roles().stream().map(Role::name).toList())).toList());
    }

    @Operation(summary = "One approval (its approvers, the requester, or an ADMIN)")
    @GetMapping("/api/approvals/{approvalId}")
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<ApprovalView> one(@PathVariable String approvalId, Authentication caller) {
        Optional<ApprovalView> view = find(approvalId);
        List<String> roles = rolesOf(caller);
        return view.filter(v -> roles.contains(Role.ADMIN.name()) || caller.getName().equals(v.requester())
                        || v.approvers().contains(caller.getName())
                        || (v.approverRole() != null && roles.stream().anyMatch(r -> v.approverRole().contains(r))))
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("No approval " + approvalId + " that you may see"));
    }

    @Operation(summary = "Approve or reject: an approver of the current level, or an ADMIN (an override, with a reason)")
    @PostMapping("/api/approvals/{approvalId}/decision")
    @PreAuthorize("isAuthenticated()")
    public DecisionAnswer decide(@PathVariable String approvalId, @RequestBody DecisionBody body,
                                 Authentication caller) {
        Verdict verdict = verdictOf(body.decision(), body.comment());
        DecisionOutcome outcome = commands.sendAndWait(new DecideApproval(approvalId, verdict, body.comment(),
                caller.getName(), rolesOf(caller), clock.instant()));
        return new DecisionAnswer(outcome.approvalId(), outcome.bookingId(), outcome.status());
    }

    @Operation(summary = "Decide with an approval token (from a notification); 401 for any token that cannot be used")
    @PostMapping(value = "/approvals/authorize", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> authorize(@RequestBody TokenDecisionBody body) {
        if (body.token() == null || body.token().isBlank()) {
            throw new InvalidInputException(List.of(new FieldViolation("token", "is required")));
        }
        Verdict verdict = verdictOf(body.decision(), body.comment());
        TokenAnswer answer = decideWithToken(body.token(), verdict, body.comment());
        if (answer.refusal() != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, answer.refusal());
            problem.setTitle("Approval token refused");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(answer.decision());
    }

    /** The same, from the page a notification's link opens (a plain HTML form, no script). */
    @PostMapping(value = "/approvals/authorize", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> authorizeForm(@RequestParam(required = false) String token,
                                                @RequestParam(required = false) String decision,
                                                @RequestParam(required = false) String comment) {
        if (token == null || token.isBlank()) {
            return ResponseEntity.badRequest().body(ApprovalPages.result("The link carries no approval token."));
        }
        Verdict verdict;
        try {
            verdict = verdictOf(decision, comment);
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(ApprovalPages.result(e.getMessage()));
        }
        TokenAnswer answer = decideWithToken(token, verdict, comment);
        if (answer.refusal() != null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ApprovalPages.result("This approval link cannot be used: " + answer.refusal() + "."));
        }
        return ResponseEntity.ok(ApprovalPages.result("Thank you: your decision was recorded. The approval is now "
                + answer.decision().status() + "."));
    }

    @Operation(summary = "The page a notification's link opens: shows the request and asks for a verdict (nothing is decided by opening it)")
    @GetMapping(value = "/approvals/decide", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> decidePage(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank()) {
            return ResponseEntity.badRequest().body(ApprovalPages.result("The link carries no approval token."));
        }
        ApprovalTokens.Claimed claimed;
        try {
            claimed = tokens.verify(token);
        } catch (JwtException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ApprovalPages.result("This approval link is not valid."));
        }
        Optional<ApprovalView> view = find(claimed.approvalId());
        return ResponseEntity.ok(ApprovalPages.decide(token, claimed, view.orElse(null)));
    }

    @Operation(summary = "Replace the approvers of the current level (ADMIN); their earlier tokens stop working")
    @PostMapping("/api/approvals/{approvalId}/approvers")
    @PreAuthorize("hasRole('ADMIN')")
    public DecisionAnswer reassign(@PathVariable String approvalId, @RequestBody ReassignBody body,
                                   Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body.approvers() == null || body.approvers().isEmpty()) {
            violations.add(new FieldViolation("approvers", "name at least one approver"));
        } else {
            violations.addAll(ApproverNames.check("approvers", body.approvers(), name -> findUser(name).isPresent()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        commands.sendAndWait(new ReassignApprovers(approvalId, body.approvers(), body.reason(), caller.getName(),
                clock.instant()));
        ApprovalView view = find(approvalId).orElseThrow();
        return new DecisionAnswer(approvalId, view.bookingId(), view.status());
    }

    @Operation(summary = "Cancel a pending approval and its booking (ADMIN)")
    @PostMapping("/api/approvals/{approvalId}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    public DecisionAnswer cancel(@PathVariable String approvalId, @RequestBody CancelBody body, Authentication caller) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInputException(List.of(new FieldViolation("reason", "is required")));
        }
        commands.sendAndWait(new CancelApproval(approvalId, body.reason(), caller.getName()));
        ApprovalView view = find(approvalId).orElseThrow(() -> new AggregateNotFoundException(approvalId, "no approval"));
        return new DecisionAnswer(approvalId, view.bookingId(), ApprovalStatus.CANCELLED);
    }

    private record TokenAnswer(DecisionAnswer decision, String refusal) {}

    private TokenAnswer decideWithToken(String token, Verdict verdict, String comment) {
        ApprovalTokens.Claimed claimed;
        try {
            claimed = tokens.verify(token);
        } catch (JwtException | IllegalArgumentException e) {
            // Not ours (forged, altered, unsigned, another kind of token): there is no approval to record
            // it on, so it goes to the security log and a counter.
            refused("invalid");
            log.warn("Refused an approval token that does not verify: {}", e.getMessage());
            return new TokenAnswer(null, "the token is not valid");
        }
        try {
            // an approval link is one of its approver's tokens: it stops working when they are disabled
            if (accounts.currentAccount(claimed.approver()).map(AuraUserDetailsService.Account::disabled).orElse(false)) {
                commands.sendAndWait(asTokenHolder(new RefuseToken(claimed.approvalId(), claimed.tokenId(),
                        claimed.approver(), "the approver is disabled"), claimed));
                refused("disabled");
                return new TokenAnswer(null, "the approver is disabled");
            }
            if (claimed.expired()) {
                commands.sendAndWait(asTokenHolder(new RefuseToken(claimed.approvalId(), claimed.tokenId(),
                        claimed.approver(), "the token has expired"), claimed));
                refused("expired");
                return new TokenAnswer(null, "the token has expired");
            }
            DecisionOutcome outcome = commands.sendAndWait(asTokenHolder(new DecideWithToken(claimed.approvalId(),
                    claimed.tokenId(), claimed.approver(), claimed.level(), verdict, comment, clock.instant()), claimed));
            if (!outcome.accepted()) {
                refused("unusable");
                return new TokenAnswer(null, outcome.reason());
            }
            return new TokenAnswer(new DecisionAnswer(outcome.approvalId(), outcome.bookingId(), outcome.status()),
                    null);
        } catch (AggregateNotFoundException e) {
            refused("unknown-approval");
            return new TokenAnswer(null, "the token names no approval");
        }
    }

    /** The caller is not signed in: the actor on record is the approver the verified token names. */
    private static CommandMessage<?> asTokenHolder(Object command, ApprovalTokens.Claimed claimed) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(MessageMetadata.ACTOR,
                claimed.approver(), MessageMetadata.ACTOR_ROLES, "", "approvalToken", claimed.tokenId()));
    }

    private void refused(String why) {
        meters.counter("aura.approval.tokens.refused", "reason", why).increment();
    }

    private static Verdict verdictOf(String decision, String comment) {
        List<FieldViolation> violations = new ArrayList<>();
        Verdict verdict = null;
        if (decision == null) {
            violations.add(new FieldViolation("decision", "is required: APPROVE or REJECT"));
        } else {
            try {
                verdict = Verdict.valueOf(decision);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("decision", "must be APPROVE or REJECT"));
            }
        }
        Reasons.commentTooLong(comment).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return verdict;
    }

    private Optional<ApprovalView> find(String approvalId) {
        return queries.query(new FindApproval(approvalId), ResponseTypes.optionalInstanceOf(ApprovalView.class)).join();
    }

    private Optional<UserView> findUser(String username) {
        return queries.query(new FindUser(username), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }

    static List<String> rolesOf(Authentication caller) {
        return caller.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList();
    }
}
