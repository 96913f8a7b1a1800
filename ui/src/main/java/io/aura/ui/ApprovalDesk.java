package io.aura.ui;

import io.aura.kernel.approval.ApprovalCommands.DecideApproval;
import io.aura.kernel.approval.ApprovalCommands.DecisionOutcome;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.approval.Verdict;
import java.time.Clock;
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

    /** Inbox changes, in bursts of at most four a second; cancel the result to stop. */
    public SubscriptionQueryResult<List<ApprovalView>, ApprovalView> watch(Consumer<List<ApprovalView>> onBurst) {
        SignedIn.requireAnyRole("APPROVER", "ADMIN");
        return BookingDesk.inBursts(queries.subscriptionQuery(new FindApprovalInbox(SignedIn.name(), SignedIn.roles(), null),
                ResponseTypes.multipleInstancesOf(ApprovalView.class), ResponseTypes.instanceOf(ApprovalView.class)),
                onBurst);
    }
}
