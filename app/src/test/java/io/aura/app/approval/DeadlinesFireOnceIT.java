package io.aura.app.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aura.app.IntegrationTest;
import io.aura.kernel.approval.ApprovalCommands.PassApprovalDeadline;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Several nodes sweep at once: many concurrent "the time is now" commands for the same approval
 * (as every node's sweep and deadline manager would send) record each transition exactly once.
 */
class DeadlinesFireOnceIT extends IntegrationTest {
    @Autowired
    CommandGateway commands;

    @Test
    void concurrent_deadline_passes_remind_escalate_and_expire_exactly_once() throws Exception {
        String approverName = unique("pat");
        userWithRoles(approverName, "APPROVER");
        String requester = userWithRoles(unique("req"), "REQUESTER");
        String resourceId = http.post("/api/resources", adminToken, Map.of("name", unique("Busy hall"), "capacity", 5,
                "timeZone", "UTC", "approvalLevels", List.of(Map.of("name", "owner", "approvers", List.of(approverName))),
                "approvalDeadline", "P1D")).body().get("id").asString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
        String bookingId = http.post("/events/create", requester, Map.of("title", "Gala", "resourceId", resourceId,
                "start", start.toString(), "end", start.plus(1, ChronoUnit.HOURS).toString())).body()
                .get("bookingId").asString();
        String approvalId = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode a : http.get("/api/approvals", adminToken).body()) {
                if (a.get("bookingId").asString().equals(bookingId)) {
                    return a.get("approvalId").asString();
                }
            }
            return null;
        }, id -> id != null);

        // 8 "nodes", each passing the time 10 times: first in the middle of the window, then after its end
        Instant[] times = {Instant.now().plus(Duration.ofHours(19)), Instant.now().plus(Duration.ofDays(2))};
        for (Instant now : times) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> nodes = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                nodes.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 10; i++) {
                            try {
                                commands.sendAndWait(new PassApprovalDeadline(approvalId, now));
                            } catch (RuntimeException concurrentlyChanged) {
                                // another node appended first: what it did is what this one would have done
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : nodes) {
                t.join();
            }
        }

        for (String type : List.of("ApprovalReminderDue", "ApprovalEscalated", "ApprovalExpired")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                    + "AND payloadType LIKE ?", Long.class, approvalId, "%$" + type)).as(type).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> "EXPIRED".equals(
                http.get("/events/status?bookingId=" + bookingId, adminToken).body().get("status").asString()));
    }
}
