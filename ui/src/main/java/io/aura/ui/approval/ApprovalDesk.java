package io.aura.ui.approval;

import io.aura.kernel.approval.ApprovalCommands.DecideApproval;
import io.aura.kernel.approval.ApprovalCommands.DecisionOutcome;
import io.aura.kernel.approval.ApprovalCommands.ReassignApprovers;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.approval.ApproverNames;
import io.aura.kernel.approval.Verdict;
import io.aura.kernel.identity.UserQueries.FindUser;
import io.aura.kernel.identity.UserQueries.UserView;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.ui.Bursts;
import io.aura.ui.SignedIn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;

/** The approvals inbox for the UI: the same query and command as {@code /api/approvals}. */
@Service
public class ApprovalDesk {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public ApprovalDesk(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** The signed-in approver's pending approvals (all of them for an ADMIN). */
    public List<ApprovalView> pending() {
        SignedIn.requireAnyRole("APPROVER", "ADMIN");
        return queries.query(new FindApprovalInbox(SignedIn.name(), SignedIn.roles(), ApprovalStatus.PENDING),
                ResponseTypes.multipleInstancesOf(ApprovalView.class)).join();
    }

    /** The aggregate decides whether this is an approver's verdict or an ADMIN's override (which needs a comment). */
    public DecisionOutcome decide(String approvalId, Verdict verdict, String comment) {
        SignedIn.requireAnyRole("APPROVER", "ADMIN");
        return commands.sendAndWait(new DecideApproval(approvalId, verdict, comment, SignedIn.name(), SignedIn.roles(),
                clock.instant()));
    }

    /**
     * Replaces the approvers of an approval's current level (ADMIN), as {@code POST
     * /api/approvals/{id}/approvers}: each must be a user; their earlier tokens stop working.
     *
     * @throws InvalidInputException naming {@code approvers}; nothing is sent then
     */
    public void reassign(String approvalId, List<String> approvers, String reason) {
        SignedIn.requireAnyRole("ADMIN");
        List<String> names = approvers.stream().map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
        List<FieldViolation> violations = new ArrayList<>();
        if (names.isEmpty()) {
            violations.add(FieldViolation.of("approvers", Rule.APPROVERS_REQUIRED));
        }
        violations.addAll(ApproverNames.check("approvers", names, name -> queries.query(new FindUser(name),
                ResponseTypes.optionalInstanceOf(UserView.class)).join().isPresent()));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        commands.sendAndWait(new ReassignApprovers(approvalId, names, reason == null || reason.isBlank() ? null
                : reason.trim(), SignedIn.name(), clock.instant()));
    }

    /** Inbox changes, in bursts of at most four a second; cancel the result to stop. */
    public SubscriptionQueryResult<List<ApprovalView>, ApprovalView> watch(Consumer<List<ApprovalView>> onBurst) {
        SignedIn.requireAnyRole("APPROVER", "ADMIN");
        return Bursts.inBursts(queries.subscriptionQuery(new FindApprovalInbox(SignedIn.name(), SignedIn.roles(), null),
                ResponseTypes.multipleInstancesOf(ApprovalView.class), ResponseTypes.instanceOf(ApprovalView.class)),
                onBurst);
    }
}
