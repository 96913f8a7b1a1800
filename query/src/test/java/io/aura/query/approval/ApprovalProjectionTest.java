package io.aura.query.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalEvents.ApprovalEscalated;
import io.aura.kernel.approval.ApprovalEvents.ApprovalExpired;
import io.aura.kernel.approval.ApprovalEvents.ApprovalGranted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelApproved;
import io.aura.kernel.approval.ApprovalEvents.ApprovalLevelStarted;
import io.aura.kernel.approval.ApprovalEvents.ApprovalOpened;
import io.aura.kernel.approval.ApprovalEvents.ApprovalRejected;
import io.aura.kernel.approval.ApprovalEvents.ApprovalReminderDue;
import io.aura.kernel.approval.ApprovalEvents.ApprovalTokenIssued;
import io.aura.kernel.approval.ApprovalEvents.ApproversReassigned;
import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApprovalQueries.ApprovalView;
import io.aura.kernel.approval.ApprovalQueries.FindApproval;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalInbox;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsDue;
import io.aura.kernel.approval.ApprovalQueries.FindApprovalsOfBooking;
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.approval.DecisionChannel;
import io.aura.kernel.booking.BookingQueries.HeatmapChanged;
import io.aura.kernel.schedule.TimeRange;
import io.aura.query.store.ViewChanges;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteDataSource;

/**
 * The approvals inbox and the deadline index, event in and query out, on SQLite; the same cases run
 * on MongoDB in {@link MongoApprovalProjectionTest}.
 */
class ApprovalProjectionTest {
    static final Instant OPENED = Instant.parse("2030-01-01T08:00:00Z");
    static final Instant REMIND = Instant.parse("2030-01-01T10:00:00Z");
    static final Instant ESCALATE = Instant.parse("2030-01-01T11:00:00Z");
    static final Instant EXPIRE = Instant.parse("2030-01-01T12:00:00Z");
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-10T09:00:00Z"), Instant.parse("2030-01-10T10:00:00Z"));
    static final ApprovalLevel OWNER = new ApprovalLevel("owner", List.of("olga"), null, 0, 0, List.of(), List.of());

    @TempDir
    Path dir;
    ApprovalProjection approvals;

    /** The store the cases run on: SQLite here (the embedded default's), MongoDB in {@link MongoApprovalProjectionTest}. */
    ApprovalViewStore store() {
        SQLiteDataSource database = SqlApprovalViewStoreTest.database(dir);
        return new SqlApprovalViewStore(database, database, new DataSourceTransactionManager(database)).createSchema();
    }

    @BeforeEach
    void setUp() {
        approvals = new ApprovalProjection(store(), SimpleQueryUpdateEmitter.builder().build());
        approvals.on(new ApprovalOpened("a-1", "b-1", "r-1", "alice", SLOT, null, List.of(OWNER), "PT4H"), OPENED);
        approvals.on(new ApprovalLevelStarted("a-1", "b-1", 0, "owner", List.of("olga"), null, REMIND, ESCALATE, EXPIRE), ReplayStatus.REGULAR);
        approvals.on(new ApprovalTokenIssued("a-1", "b-1", "t-0", "olga", 0, EXPIRE), ReplayStatus.REGULAR);
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
        approvals.on(new ApprovalReminderDue("a-1", "b-1", 0, List.of("olga"), null, EXPIRE), ReplayStatus.REGULAR);
        assertThat(view().nextDeadlineAt()).isEqualTo(ESCALATE);
        approvals.on(new ApprovalEscalated("a-1", "b-1", 0, List.of(), "ADMIN"), ReplayStatus.REGULAR);
        assertThat(view().nextDeadlineAt()).isEqualTo(EXPIRE);
        assertThat(view().approverRole()).isEqualTo("ADMIN");
        approvals.on(new ApprovalExpired("a-1", "b-1", "r-1", 0, null), ReplayStatus.REGULAR);
        assertThat(view().status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(approvals.handle(new FindApprovalsDue(EXPIRE.plusSeconds(3600), 10))).isEmpty();
    }

    @Test
    void redelivered_events_leave_the_view_as_it_was() {
        ApprovalView before = view();
        approvals.on(new ApprovalLevelStarted("a-1", "b-1", 0, "owner", List.of("olga"), null, REMIND, ESCALATE, EXPIRE), ReplayStatus.REGULAR);
        approvals.on(new ApprovalTokenIssued("a-1", "b-1", "t-0", "olga", 0, EXPIRE), ReplayStatus.REGULAR);
        assertThat(view()).isEqualTo(before);
        approvals.on(new ApprovalExpired("a-1", "b-1", "r-1", 0, null), ReplayStatus.REGULAR);
        ApprovalView expired = view();
        approvals.on(new ApprovalExpired("a-1", "b-1", "r-1", 0, null), ReplayStatus.REGULAR);
        assertThat(view()).isEqualTo(expired);
    }
    @Test
    void an_escalation_adds_its_approvers_and_role_once_and_a_reassignment_replaces_the_approvers() {
        ApprovalEscalated escalated = new ApprovalEscalated("a-1", "b-1", 0, List.of("olga", "paul"), "ADMIN");
        approvals.on(escalated, ReplayStatus.REGULAR);
        approvals.on(escalated, ReplayStatus.REGULAR);
        assertThat(view().approvers()).containsExactly("olga", "paul");
        assertThat(view().approverRole()).isEqualTo("ADMIN");
        assertThat(approvals.handle(new FindApprovalInbox("paul", List.of("REQUESTER"), ApprovalStatus.PENDING)))
                .extracting(ApprovalView::approvalId).containsExactly("a-1");

        approvals.on(new ApproversReassigned("a-1", "b-1", 0, List.of("quinn"), "root", "olga is away"), ReplayStatus.REGULAR);

        assertThat(view().approvers()).containsExactly("quinn");
        assertThat(approvals.handle(new FindApprovalInbox("olga", List.of("APPROVER"), null))).isEmpty();
    }

    @Test
    void a_rejection_ends_the_approval_with_who_decided_and_why_and_the_bookings_trail_shows_it() {
        approvals.on(new ApprovalLevelApproved("a-1", "b-1", 0, "olga", "fine by me", DecisionChannel.INBOX, null), ReplayStatus.REGULAR);
        assertThat(view().decidedBy()).isEqualTo("olga");
        assertThat(view().status()).isEqualTo(ApprovalStatus.PENDING);

        approvals.on(new ApprovalRejected("a-1", "b-1", "r-1", 1, "root", "no budget", DecisionChannel.INBOX, null,
                null), ReplayStatus.REGULAR);

        assertThat(view().status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(view().comment()).isEqualTo("no budget");
        assertThat(view().nextDeadlineAt()).isNull();
        assertThat(approvals.handle(new FindApprovalsOfBooking("b-1"))).containsExactly(view());
        assertThat(approvals.handle(new FindApprovalInbox("olga", List.of(), ApprovalStatus.PENDING))).isEmpty();
        assertThat(approvals.handle(new FindApprovalInbox("olga", List.of(), ApprovalStatus.REJECTED))).hasSize(1);
    }

    @Test
    void an_event_for_an_approval_never_opened_changes_nothing() {
        approvals.on(new ApprovalExpired("a-9", "b-9", "r-1", 0, null), ReplayStatus.REGULAR);

        assertThat(approvals.handle(new FindApproval("a-9"))).isEmpty();
    }

    @Test
    void instants_are_kept_to_the_millisecond_whatever_the_store() {
        Instant precise = Instant.parse("2030-01-01T08:00:00.123456789Z");
        approvals.on(new ApprovalOpened("a-2", "b-2", "r-1", "alice", SLOT, null, List.of(OWNER), "PT4H"), precise);
        approvals.on(new ApprovalLevelStarted("a-2", "b-2", 0, "owner", List.of("olga"), null, precise, precise, precise), ReplayStatus.REGULAR);

        ApprovalView view = approvals.handle(new FindApproval("a-2")).orElseThrow();
        Instant millis = Instant.parse("2030-01-01T08:00:00.123Z");
        assertThat(view.requestedAt()).isEqualTo(millis);
        assertThat(view.expiresAt()).isEqualTo(millis);
        assertThat(view.nextDeadlineAt()).isEqualTo(millis);
    }

    @Test
    void a_replayed_change_reaches_no_live_inbox_here_nor_another_node_and_a_regular_one_reaches_both() {
        List<Object> told = new ArrayList<>();
        SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindApprovalInbox("olga",
                        List.of("APPROVER"), null), ResponseTypes.instanceOf(Object.class),
                        ResponseTypes.instanceOf(ApprovalView.class)), 16)
                .getUpdates().subscribe(update -> told.add(update.getPayload()));
        ApprovalProjection watched = new ApprovalProjection(store(), emitter, Optional.of(new ViewChanges() {
            @Override
            public void bookingChanged(String bookingId) {}

            @Override
            public void heatmapChanged(HeatmapChanged change) {}

            @Override
            public void approvalChanged(String approvalId) {
                told.add("other nodes: " + approvalId);
            }

            @Override
            public void notificationAdded(String entryId) {}
        }));
        watched.on(new ApprovalOpened("a-2", "b-2", "r-1", "alice", SLOT, null, List.of(OWNER), "PT4H"), OPENED);

        watched.on(new ApprovalLevelStarted("a-2", "b-2", 0, "owner", List.of("olga"), null, REMIND, ESCALATE, EXPIRE),
                ReplayStatus.REPLAY);
        watched.on(new ApprovalTokenIssued("a-2", "b-2", "t-0", "olga", 0, EXPIRE), ReplayStatus.REPLAY);

        assertThat(told).isEmpty();
        assertThat(watched.handle(new FindApproval("a-2"))).get().extracting(ApprovalView::approvers)
                .isEqualTo(List.of("olga")); // the view is rebuilt all the same

        watched.on(new ApprovalGranted("a-2", "b-2", "r-1", null), ReplayStatus.REGULAR);

        assertThat(told).hasSize(2).contains("other nodes: a-2");
    }
}
