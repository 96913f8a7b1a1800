package io.aura.app.approval;

import io.aura.kernel.approval.ApprovalCommands.PassApprovalDeadline;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsDue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The durable half of approval deadlines (ADR 0007): every few seconds, on every node, asks the
 * approvals view which pending approvals have a deadline due and tells each approval the time.
 * The approval aggregate does what is due exactly once (optimistic locking on its stream decides
 * between nodes), so a restart, a lost in-memory deadline or a second node changes nothing but
 * the delay, which is at most the sweep interval.
 */
@Component
public class ApprovalDeadlineSweep {
    private static final Logger log = LoggerFactory.getLogger(ApprovalDeadlineSweep.class);
    static final int BATCH = 200;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public ApprovalDeadlineSweep(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${aura.approvals.sweep-interval:PT5S}",
            fixedDelayString = "${aura.approvals.sweep-interval:PT5S}")
    public void sweep() {
        Instant now = clock.instant();
        List<String> due;
        try {
            due = queries.query(new FindApprovalsDue(now, BATCH), ResponseTypes.multipleInstancesOf(String.class))
                    .join();
        } catch (RuntimeException e) {
            log.warn("Approval deadline sweep could not read the approvals view: {}", e.toString());
            return;
        }
        for (String approvalId : due) {
            try {
                commands.sendAndWait(new PassApprovalDeadline(approvalId, now));
            } catch (RuntimeException e) {
                // another node got there first, or the store is busy: the next sweep tries again
                log.debug("Deadline of approval {} not passed this time: {}", approvalId, e.toString());
            }
        }
    }
}
