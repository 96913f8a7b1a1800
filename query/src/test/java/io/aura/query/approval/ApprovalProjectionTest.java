package io.aura.query.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.aura.kernel.approval.ApprovalEvents.ApprovalEscalated;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalReminderDue;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApproval;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsDue;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The approvals inbox and the deadline index, event in and query out, against a MongoDB wire server. */
class ApprovalProjectionTest {
    static final Instant OPENED = Instant.parse("2030-01-01T08:00:00Z");
    static final Instant REMIND = Instant.parse("2030-01-01T10:00:00Z");
    static final Instant ESCALATE = Instant.parse("2030-01-01T11:00:00Z");
    static final Instant EXPIRE = Instant.parse("2030-01-01T12:00:00Z");
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-10T09:00:00Z"), Instant.parse("2030-01-10T10:00:00Z"));
    static final ApprovalLevel OWNER = new ApprovalLevel("owner", List.of("olga"), null, 0, 0, List.of(), List.of());

    MongoServer server;
    MongoClient client;
    ApprovalProjection approvals;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        approvals = new ApprovalProjection(new MongoTemplate(client, "test"), SimpleQueryUpdateEmitter.builder().build());
        approvals.on(new ApprovalOpened("a-1", "b-1", "r-1", "alice", SLOT, null, List.of(OWNER), "PT4H"), OPENED);
        approvals.on(new ApprovalLevelStarted("a-1", "b-1", 0, "owner", List.of("olga"), null, REMIND, ESCALATE, EXPIRE));
        approvals.on(new ApprovalTokenIssued("a-1", "b-1", "t-0", "olga", 0, EXPIRE));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    ApprovalView view() {
        return approvals.handle(new FindApproval("a-1")).orElseThrow();
    }

    @Test
    void an_opened_approval_is_in_its_approvers_inbox_and_nobody_elses_but_an_admins() {
        assertThat(approvals.handle(new FindApprovalInbox("olga", List.of("APPROVER"), ApprovalStatus.PENDING)))
                .extracting(ApprovalView::approvalId).containsExactly("a-1");
        assertThat(approvals.handle(new FindApprovalInbox("carol", List.of("APPROVER"), null))).isEmpty();
        assertThat(approvals.handle(new FindApprovalInbox("root", List.of("ADMIN"), null))).hasSize(1);
    }

    @Test
    void the_next_deadline_moves_from_reminder_to_escalation_to_expiry_and_is_gone_once_decided() {
        assertThat(approvals.handle(new FindApprovalsDue(REMIND.minusSeconds(1), 10))).isEmpty();
        assertThat(approvals.handle(new FindApprovalsDue(REMIND, 10))).containsExactly("a-1");
        approvals.on(new ApprovalReminderDue("a-1", "b-1", 0, List.of("olga"), null, EXPIRE));
        assertThat(view().nextDeadlineAt()).isEqualTo(ESCALATE);
        approvals.on(new ApprovalEscalated("a-1", "b-1", 0, List.of(), "ADMIN"));
        assertThat(view().nextDeadlineAt()).isEqualTo(EXPIRE);
        assertThat(view().approverRole()).isEqualTo("ADMIN");
        approvals.on(new ApprovalExpired("a-1", "b-1", "r-1", 0, null));
        assertThat(view().status()).isEqualTo("EXPIRED");
        assertThat(approvals.handle(new FindApprovalsDue(EXPIRE.plusSeconds(3600), 10))).isEmpty();
    }

    @Test
    void redelivered_events_leave_the_view_as_it_was() {
        ApprovalView before = view();
        approvals.on(new ApprovalLevelStarted("a-1", "b-1", 0, "owner", List.of("olga"), null, REMIND, ESCALATE, EXPIRE));
        approvals.on(new ApprovalTokenIssued("a-1", "b-1", "t-0", "olga", 0, EXPIRE));
        assertThat(view()).isEqualTo(before);
        approvals.on(new ApprovalExpired("a-1", "b-1", "r-1", 0, null));
        ApprovalView expired = view();
        approvals.on(new ApprovalExpired("a-1", "b-1", "r-1", 0, null));
        assertThat(view()).isEqualTo(expired);
    }
}
