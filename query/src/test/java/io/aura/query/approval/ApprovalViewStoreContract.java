package io.aura.query.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.schedule.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What every approval view store does, whatever keeps it (SQLite, PostgreSQL, MongoDB): each
 * adapter's test extends this with its own store.
 */
abstract class ApprovalViewStoreContract {
    static final Instant OPENED = Instant.parse("2030-01-01T08:00:00Z");
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-10T09:00:00Z"), Instant.parse("2030-01-10T10:00:00Z"));

    abstract ApprovalViewStore store();

    @Test
    void a_saved_approval_is_found_as_it_was_saved() {
        ApprovalRecord approval = new ApprovalRecord("a-1", "b-1", "r-1", "alice", ApprovalStatus.REJECTED, 1, "finance",
                List.of("olga", "paul"), List.of("APPROVER", "ADMIN"), SLOT,
                new TimeRange(SLOT.start().plusSeconds(3600), SLOT.end().plusSeconds(3600)), OPENED,
                OPENED.plusSeconds(60), OPENED.plusSeconds(120), OPENED.plusSeconds(180), true, true, null, "olga",
                "too expensive");

        store().save(approval);

        assertThat(store().find("a-1")).contains(approval);
        assertThat(store().find("a-2")).isEmpty();
    }

    @Test
    void saving_an_approval_again_replaces_it_and_its_inboxes_follow() {
        store().save(approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of("olga"), List.of("APPROVER"), null));
        assertThat(ids(store().inboxOf("olga", List.of(), ApprovalStatus.PENDING))).containsExactly("a-1");

        ApprovalRecord reassigned = approval("a-1", "b-1", ApprovalStatus.APPROVED, 0, List.of("paul"), List.of(), null);
        store().save(reassigned);

        assertThat(store().find("a-1")).contains(reassigned);
        assertThat(store().inboxOf("olga", List.of("APPROVER"), null)).isEmpty();
        assertThat(store().inboxOf("paul", List.of(), ApprovalStatus.PENDING)).isEmpty();
        assertThat(store().inboxOf("paul", List.of(), ApprovalStatus.APPROVED)).containsExactly(reassigned);
    }

    @Test
    void an_inbox_holds_what_names_the_user_or_one_of_their_roles_in_the_status_asked_oldest_first() {
        store().save(approval("late", "b-1", ApprovalStatus.PENDING, 30, List.of("olga"), List.of(), null));
        store().save(approval("by-role", "b-2", ApprovalStatus.PENDING, 20, List.of(), List.of("APPROVER"), null));
        store().save(approval("by-both", "b-3", ApprovalStatus.PENDING, 10, List.of("olga"), List.of("APPROVER"), null));
        store().save(approval("decided", "b-4", ApprovalStatus.REJECTED, 0, List.of("olga"), List.of(), null));
        store().save(approval("someone-else", "b-5", ApprovalStatus.PENDING, 0, List.of("paul"), List.of("ADMIN"), null));
        store().save(approval("same-time-b", "b-6", ApprovalStatus.PENDING, 40, List.of("olga"), List.of(), null));
        store().save(approval("same-time-a", "b-7", ApprovalStatus.PENDING, 40, List.of("olga"), List.of(), null));

        assertThat(ids(store().inboxOf("olga", List.of("APPROVER"), ApprovalStatus.PENDING)))
                .containsExactly("by-both", "by-role", "late", "same-time-a", "same-time-b");
        assertThat(ids(store().inboxOf("olga", List.of(), ApprovalStatus.PENDING)))
                .containsExactly("by-both", "late", "same-time-a", "same-time-b");
        assertThat(ids(store().inboxOf("olga", List.of(), null)))
                .containsExactly("decided", "by-both", "late", "same-time-a", "same-time-b");
        assertThat(ids(store().inboxOf("carol", List.of("APPROVER", "REQUESTER"), null)))
                .containsExactly("by-both", "by-role");
        assertThat(store().inboxOf("carol", List.of(), null)).isEmpty();
    }

    @Test
    void approvals_by_status_or_all_of_them_oldest_first() {
        store().save(approval("a-2", "b-1", ApprovalStatus.PENDING, 20, List.of("olga"), List.of(), null));
        store().save(approval("a-1", "b-1", ApprovalStatus.PENDING, 10, List.of(), List.of(), null));
        store().save(approval("a-3", "b-2", ApprovalStatus.EXPIRED, 0, List.of(), List.of(), null));

        assertThat(ids(store().withStatus(ApprovalStatus.PENDING))).containsExactly("a-1", "a-2");
        assertThat(ids(store().withStatus(null))).containsExactly("a-3", "a-1", "a-2");
        assertThat(store().withStatus(ApprovalStatus.CANCELLED)).isEmpty();
    }

    @Test
    void a_bookings_approvals_come_oldest_first() {
        store().save(approval("move", "b-1", ApprovalStatus.PENDING, 60, List.of(), List.of(), null));
        store().save(approval("first", "b-1", ApprovalStatus.APPROVED, 0, List.of(), List.of(), null));
        store().save(approval("other", "b-2", ApprovalStatus.PENDING, 30, List.of(), List.of(), null));

        assertThat(ids(store().ofBooking("b-1"))).containsExactly("first", "move");
        assertThat(store().ofBooking("b-3")).isEmpty();
    }

    @Test
    void due_are_the_pending_approvals_whose_next_deadline_has_come_earliest_first_and_no_more_than_asked() {
        Instant now = OPENED.plus(Duration.ofHours(4));
        store().save(approval("later", "b-1", ApprovalStatus.PENDING, 0, List.of(), List.of(), now.minusSeconds(10)));
        store().save(approval("earlier", "b-2", ApprovalStatus.PENDING, 0, List.of(), List.of(), now.minusSeconds(600)));
        store().save(approval("right-now", "b-3", ApprovalStatus.PENDING, 0, List.of(), List.of(), now));
        store().save(approval("not-yet", "b-4", ApprovalStatus.PENDING, 0, List.of(), List.of(), now.plusMillis(1)));
        store().save(approval("ended", "b-5", ApprovalStatus.EXPIRED, 0, List.of(), List.of(), now.minusSeconds(600)));
        store().save(approval("no-deadline", "b-6", ApprovalStatus.PENDING, 0, List.of(), List.of(), null));

        assertThat(store().due(now, 10)).containsExactly("earlier", "later", "right-now");
        assertThat(store().due(now, 2)).containsExactly("earlier", "later");
        assertThat(store().due(now.minusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void clearing_forgets_every_approval_and_every_inbox() {
        store().save(approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of("olga"), List.of("APPROVER"), OPENED));

        store().clear();

        assertThat(store().find("a-1")).isEmpty();
        assertThat(store().inboxOf("olga", List.of("APPROVER"), null)).isEmpty();
        assertThat(store().withStatus(null)).isEmpty();
        assertThat(store().ofBooking("b-1")).isEmpty();
        assertThat(store().due(OPENED, 10)).isEmpty();
    }

    @Test
    void within_one_unit_of_work_a_later_event_sees_what_an_earlier_one_saved() {
        ApprovalRecord opened = approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of(), List.of(), null);
        ApprovalRecord started = approval("a-1", "b-1", ApprovalStatus.PENDING, 0, List.of("olga"), List.of(), OPENED);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().save(opened);
            assertThat(store().find("a-1")).contains(opened);
            store().save(started);
            assertThat(store().find("a-1")).contains(started);
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        assertThat(store().find("a-1")).contains(started);
        assertThat(ids(store().inboxOf("olga", List.of(), ApprovalStatus.PENDING))).containsExactly("a-1");
        assertThat(store().due(OPENED, 10)).containsExactly("a-1");
    }

    @Test
    void decided_by_finds_exactly_the_approvals_a_user_decided_last_this_batch_s_included_oldest_first() {
        store().save(decided(approval("olga-late", "b-1", ApprovalStatus.REJECTED, 20, List.of("olga"), List.of(), null),
                "olga", "too dear"));
        store().save(decided(approval("olga-early", "b-2", ApprovalStatus.APPROVED, 10, List.of("olga"), List.of(),
                null), "olga", null));
        // a name that contains hers, and one whose comment does: neither is hers
        store().save(decided(approval("olgab", "b-3", ApprovalStatus.REJECTED, 5, List.of("olga"), List.of(), null),
                "olga_b", "olga said no"));
        store().save(approval("pending", "b-4", ApprovalStatus.PENDING, 0, List.of("olga"), List.of(), null));

        assertThat(ids(store().decidedBy("olga"))).containsExactly("olga-early", "olga-late");
        assertThat(ids(store().decidedBy("olga_b"))).containsExactly("olgab");
        assertThat(store().decidedBy("paul")).isEmpty();

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            store().save(decided(approval("in-batch", "b-5", ApprovalStatus.REJECTED, 30, List.of(), List.of(), null),
                    "olga", "no"));
            store().save(decided(store().find("olga-late").orElseThrow(), "paul", "yes after all"));
            assertThat(ids(store().decidedBy("olga"))).containsExactly("olga-early", "in-batch");
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }
        assertThat(ids(store().decidedBy("olga"))).containsExactly("olga-early", "in-batch");
    }

    @Test
    void an_erased_comment_replaces_the_one_before_and_who_decided_stays() {
        ApprovalRecord rejected = decided(approval("a-1", "b-1", ApprovalStatus.REJECTED, 0, List.of("olga"), List.of(),
                null), "olga", "too dear");
        store().save(rejected);

        ApprovalRecord erased = ApprovalFold.commentErased(rejected);
        store().save(erased);

        assertThat(store().find("a-1")).contains(erased);
        assertThat(erased.comment()).isEqualTo(io.aura.kernel.privacy.PersonalData.ERASED);
        assertThat(erased.decidedBy()).isEqualTo("olga");
        assertThat(ApprovalFold.commentErased(erased)).isEqualTo(erased);
    }

    static ApprovalRecord decided(ApprovalRecord r, String by, String comment) {
        return new ApprovalRecord(r.approvalId(), r.bookingId(), r.resourceId(), r.requester(), r.status(), r.level(),
                r.levelName(), r.approvers(), r.approverRoles(), r.firstOccurrence(), r.rescheduleTo(),
                r.requestedAt(), r.remindAt(), r.escalateAt(), r.expiresAt(), r.reminded(), r.escalated(),
                r.nextDeadlineAt(), by, comment);
    }

    static ApprovalRecord approval(String id, String bookingId, ApprovalStatus status, int minutesAfterOpening,
                                   List<String> approvers, List<String> roles, Instant nextDeadlineAt) {
        return new ApprovalRecord(id, bookingId, "r-1", "alice", status, 0, "owner", approvers, roles, SLOT, null,
                OPENED.plus(Duration.ofMinutes(minutesAfterOpening)), null, null, OPENED.plus(Duration.ofHours(4)),
                false, false, nextDeadlineAt, null, null);
    }

    static List<String> ids(List<ApprovalRecord> approvals) {
        return approvals.stream().map(ApprovalRecord::approvalId).toList();
    }
}
