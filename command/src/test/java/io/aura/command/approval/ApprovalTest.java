package io.aura.command.approval;

import static io.aura.command.approval.Approval.tokenId;

import io.aura.command.Fixtures;
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
import io.aura.kernel.approval.ApprovalStatus;
import io.aura.kernel.approval.DecisionChannel;
import io.aura.kernel.approval.Verdict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given approval events, when a command, expect events: one test per transition. */
class ApprovalTest {
    static final String A = "apv-1";
    static final String B = "b-1";
    static final String R = "r-1";
    static final Instant OPENED = Instant.parse("2030-01-01T08:00:00Z");
    static final TimeRange SLOT = new TimeRange(Instant.parse("2030-01-10T09:00:00Z"), Instant.parse("2030-01-10T10:00:00Z"));
    static final ApprovalLevel OWNER = new ApprovalLevel("room owner", List.of("olga"), null, 0, 0, List.of(), List.of());
    static final ApprovalLevel FACILITIES = new ApprovalLevel("facilities", List.of("fred"), null, 50, 0, List.of(),
            List.of("erin"));
    // a 4-hour window: reminder at +2 h, escalation at +3 h, expiry at +4 h
    static final String WINDOW = "PT4H";
    static final Instant REMIND = OPENED.plus(Duration.ofHours(2));
    static final Instant ESCALATE = OPENED.plus(Duration.ofHours(3));
    static final Instant EXPIRE = OPENED.plus(Duration.ofHours(4));

    static final ApprovalOpened OPENED_ONE_LEVEL = new ApprovalOpened(A, B, R, "alice", SLOT, null, List.of(OWNER), WINDOW);
    static final ApprovalLevelStarted OWNER_STARTED = new ApprovalLevelStarted(A, B, 0, "room owner", List.of("olga"),
            null, REMIND, ESCALATE, EXPIRE);
    static final ApprovalTokenIssued OLGA_TOKEN = new ApprovalTokenIssued(A, B, tokenId(A, 0), "olga", 0, EXPIRE);

    FixtureConfiguration<Approval> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.fixtureFor(Approval.class);
    }

    @Test
    void opening_an_approval_starts_its_first_level_and_issues_a_token_to_each_named_approver() {
        fixture.givenNoPriorActivity()
                .when(new OpenApproval(A, B, R, "alice", SLOT, null, List.of(OWNER), WINDOW, OPENED))
                .expectEvents(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN);
    }

    @Test
    void a_level_never_expires_after_the_booking_begins() {
        TimeRange soon = new TimeRange(OPENED.plus(Duration.ofHours(1)), OPENED.plus(Duration.ofHours(2)));
        fixture.givenNoPriorActivity()
                .when(new OpenApproval(A, B, R, "alice", soon, null, List.of(OWNER), WINDOW, OPENED))
                .expectEvents(new ApprovalOpened(A, B, R, "alice", soon, null, List.of(OWNER), WINDOW),
                        new ApprovalLevelStarted(A, B, 0, "room owner", List.of("olga"), null,
                                OPENED.plus(Duration.ofMinutes(30)), OPENED.plus(Duration.ofMinutes(45)), soon.start()),
                        new ApprovalTokenIssued(A, B, tokenId(A, 0), "olga", 0, soon.start()));
    }

    @Test
    void the_approver_approving_the_last_level_grants_the_approval() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, "fine", "olga", List.of("APPROVER"), OPENED))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "olga", "fine", DecisionChannel.INBOX, null),
                        new ApprovalGranted(A, B, R, null))
                .expectResultMessagePayload(new DecisionOutcome(true, null, A, B, ApprovalStatus.APPROVED));
    }

    @Test
    void approving_one_level_starts_the_next_with_fresh_deadlines_and_tokens() {
        Instant at = OPENED.plus(Duration.ofHours(1));
        fixture.given(new ApprovalOpened(A, B, R, "alice", SLOT, null, List.of(OWNER, FACILITIES), WINDOW),
                        OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, null, at))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "olga", null, DecisionChannel.TOKEN, tokenId(A, 0)),
                        new ApprovalLevelStarted(A, B, 1, "facilities", List.of("fred"), null,
                                at.plus(Duration.ofHours(2)), at.plus(Duration.ofHours(3)), at.plus(Duration.ofHours(4))),
                        new ApprovalTokenIssued(A, B, tokenId(A, 1), "fred", 1, at.plus(Duration.ofHours(4))));
    }

    @Test
    void a_rejection_at_any_level_ends_the_approval() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.REJECT, "room is being painted", "olga", List.of(), OPENED))
                .expectEvents(new ApprovalRejected(A, B, R, 0, "olga", "room is being painted", DecisionChannel.INBOX,
                        null, null));
    }

    @Test
    void someone_who_is_no_approver_of_the_level_may_not_decide() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, null, "mallory", List.of("APPROVER"), OPENED))
                .expectException(NotAnApproverException.class)
                .expectNoEvents();
    }

    @Test
    void a_member_of_the_levels_approver_role_may_decide() {
        ApprovalLevel byRole = ApprovalLevel.simple(List.of());
        fixture.given(new ApprovalOpened(A, B, R, "alice", SLOT, null, List.of(byRole), WINDOW),
                        new ApprovalLevelStarted(A, B, 0, "approvers", List.of(), "APPROVER", REMIND, ESCALATE, EXPIRE))
                .when(new DecideApproval(A, Verdict.APPROVE, null, "anna", List.of("APPROVER"), OPENED))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "anna", null, DecisionChannel.INBOX, null),
                        new ApprovalGranted(A, B, R, null));
    }

    @Test
    void an_administrator_overrides_with_a_reason() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, "CEO visit", "root", List.of("ADMIN"), OPENED))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "root", "CEO visit", DecisionChannel.OVERRIDE, null),
                        new ApprovalGranted(A, B, R, null));
    }

    @Test
    void an_override_without_a_reason_is_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, " ", "root", List.of("ADMIN"), OPENED))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_comment_with_a_direction_override_or_past_its_length_is_refused_whoever_sends_it() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.REJECT, "fine\u202e", "olga", List.of(), OPENED))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, "x".repeat(1_001), OPENED))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void reasons_for_reassigning_and_cancelling_are_bounded_and_a_crowd_of_approvers_is_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new ReassignApprovers(A, List.of("pat"), "y".repeat(501), "root", OPENED))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new ReassignApprovers(A, java.util.stream.IntStream.range(0, 51).mapToObj(i -> "p" + i).toList(),
                        null, "root", OPENED))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new CancelApproval(A, "z".repeat(501), "root"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void a_decided_approval_takes_no_second_verdict() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApprovalLevelApproved(A, B, 0, "olga", null, DecisionChannel.INBOX, null),
                        new ApprovalGranted(A, B, R, null))
                .when(new DecideApproval(A, Verdict.REJECT, "changed my mind", "olga", List.of(), OPENED))
                .expectException(ApprovalStateException.class);
    }

    @Test
    void a_token_decides_once_and_a_second_use_is_refused_and_recorded() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApprovalLevelApproved(A, B, 0, "olga", null, DecisionChannel.TOKEN, tokenId(A, 0)),
                        new ApprovalGranted(A, B, R, null))
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.REJECT, null, OPENED))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga", "the token was already used"))
                .expectResultMessagePayload(new DecisionOutcome(false, "the token was already used", A, B,
                        ApprovalStatus.APPROVED));
    }

    @Test
    void the_same_spent_token_tried_again_is_refused_without_recording_it_again() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApprovalLevelApproved(A, B, 0, "olga", null, DecisionChannel.TOKEN, tokenId(A, 0)),
                        new ApprovalGranted(A, B, R, null),
                        new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga", "the token was already used"))
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.REJECT, null, OPENED))
                .expectNoEvents()
                .expectResultMessagePayload(new DecisionOutcome(false, "the token was already used", A, B,
                        ApprovalStatus.APPROVED));
    }

    @Test
    void a_token_for_a_decided_approval_is_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApprovalRejected(A, B, R, 0, "root", "no", DecisionChannel.OVERRIDE, null, null))
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, null, OPENED))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga", "the approval is already REJECTED"));
    }

    @Test
    void a_token_naming_another_approver_or_level_is_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideWithToken(A, tokenId(A, 0), "mallory", 0, Verdict.APPROVE, null, OPENED))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "mallory",
                        "this approval issued no such token"));
    }

    @Test
    void a_token_past_its_expiry_is_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, null, EXPIRE.plusSeconds(1)))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga", "the token has expired"));
    }

    @Test
    void an_expired_token_seen_at_the_edge_is_recorded_as_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new RefuseToken(A, tokenId(A, 0), "olga", "the token has expired"))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga", "the token has expired"));
    }

    @Test
    void reassigning_revokes_the_old_tokens_and_issues_new_ones() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new ReassignApprovers(A, List.of("carol"), "olga is on leave", "root", OPENED))
                .expectEvents(new ApproversReassigned(A, B, 0, List.of("carol"), "root", "olga is on leave"),
                        new ApprovalTokenRevoked(A, B, tokenId(A, 0), "olga", "approvers reassigned by root"),
                        new ApprovalTokenIssued(A, B, tokenId(A, 1), "carol", 0, EXPIRE));
    }

    @Test
    void a_token_after_its_approver_was_reassigned_is_refused() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApproversReassigned(A, B, 0, List.of("carol"), "root", null),
                        new ApprovalTokenRevoked(A, B, tokenId(A, 0), "olga", "approvers reassigned by root"),
                        new ApprovalTokenIssued(A, B, tokenId(A, 1), "carol", 0, EXPIRE))
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, null, OPENED))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga",
                        "the token was revoked: the approvers were reassigned"));
    }

    @Test
    void the_removed_approver_can_no_longer_decide_from_the_inbox_either() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApproversReassigned(A, B, 0, List.of("carol"), "root", null))
                .when(new DecideApproval(A, Verdict.APPROVE, null, "olga", List.of(), OPENED))
                .expectException(NotAnApproverException.class);
    }

    @Test
    void before_any_deadline_passing_the_time_does_nothing() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new PassApprovalDeadline(A, REMIND.minusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void at_half_the_window_the_approvers_are_reminded_once() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new PassApprovalDeadline(A, REMIND))
                .expectEvents(new ApprovalReminderDue(A, B, 0, List.of("olga"), null, EXPIRE));
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApprovalReminderDue(A, B, 0, List.of("olga"), null, EXPIRE))
                .when(new PassApprovalDeadline(A, REMIND.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void at_three_quarters_an_undecided_level_escalates_to_administrators_once() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN,
                        new ApprovalReminderDue(A, B, 0, List.of("olga"), null, EXPIRE))
                .when(new PassApprovalDeadline(A, ESCALATE))
                .expectEvents(new ApprovalEscalated(A, B, 0, List.of(), "ADMIN"));
    }

    @Test
    void escalation_to_named_people_issues_them_tokens() {
        ApprovalLevelStarted facilities = new ApprovalLevelStarted(A, B, 0, "facilities", List.of("fred"), null,
                REMIND, ESCALATE, EXPIRE);
        fixture.given(new ApprovalOpened(A, B, R, "alice", SLOT, null, List.of(FACILITIES), WINDOW), facilities,
                        new ApprovalTokenIssued(A, B, tokenId(A, 0), "fred", 0, EXPIRE))
                .when(new PassApprovalDeadline(A, ESCALATE))
                .expectEvents(new ApprovalReminderDue(A, B, 0, List.of("fred"), null, EXPIRE),
                        new ApprovalEscalated(A, B, 0, List.of("erin"), null),
                        new ApprovalTokenIssued(A, B, tokenId(A, 1), "erin", 0, EXPIRE));
    }

    @Test
    void after_escalation_an_administrator_decides_as_an_approver() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN, new ApprovalEscalated(A, B, 0, List.of(), "ADMIN"))
                .when(new DecideApproval(A, Verdict.APPROVE, null, "root", List.of("ADMIN"), ESCALATE))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "root", null, DecisionChannel.INBOX, null),
                        new ApprovalGranted(A, B, R, null));
    }

    @Test
    void at_the_end_of_the_window_the_approval_expires_and_stays_expired() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new PassApprovalDeadline(A, EXPIRE))
                .expectEvents(new ApprovalExpired(A, B, R, 0, null));
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN, new ApprovalExpired(A, B, R, 0, null))
                .when(new PassApprovalDeadline(A, EXPIRE.plusSeconds(5)))
                .expectNoEvents();
    }

    @Test
    void cancelling_a_pending_approval_records_who_and_why() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new CancelApproval(A, "event called off", "root"))
                .expectEvents(new ApprovalCancelled(A, B, R, "event called off", "root", null));
    }

    @Test
    void an_approval_for_a_move_says_so_in_its_verdict() {
        TimeRange to = new TimeRange(SLOT.start().plus(Duration.ofDays(1)), SLOT.end().plus(Duration.ofDays(1)));
        fixture.given(new ApprovalOpened(A, B, R, "alice", to, to, List.of(OWNER), WINDOW), OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, null, "olga", List.of(), OPENED))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "olga", null, DecisionChannel.INBOX, null),
                        new ApprovalGranted(A, B, R, to));
    }

    @Test
    void an_inbox_decision_at_or_after_the_levels_deadline_is_refused_like_a_late_token() {
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, null, "olga", List.of(), EXPIRE))
                .expectException(ApprovalStateException.class)
                .expectNoEvents();
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, "CEO visit", "root", List.of("ADMIN"),
                        EXPIRE.plusSeconds(60)))
                .expectException(ApprovalStateException.class)
                .expectNoEvents();
        fixture.given(OPENED_ONE_LEVEL, OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, null, EXPIRE))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga", "the token has expired"));
    }

    @Test
    void the_requester_may_not_approve_their_own_booking_though_named_as_approver_or_holding_the_role() {
        fixture.given(new ApprovalOpened(A, B, R, "olga", SLOT, null, List.of(OWNER), WINDOW), OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideApproval(A, Verdict.APPROVE, null, "olga", List.of("APPROVER"), OPENED))
                .expectException(NotAnApproverException.class)
                .expectNoEvents();
        fixture.given(new ApprovalOpened(A, B, R, "anna", SLOT, null, List.of(ApprovalLevel.simple(List.of())), WINDOW),
                        new ApprovalLevelStarted(A, B, 0, "approvers", List.of(), "APPROVER", REMIND, ESCALATE, EXPIRE))
                .when(new DecideApproval(A, Verdict.APPROVE, null, "anna", List.of("APPROVER"), OPENED))
                .expectException(NotAnApproverException.class)
                .expectNoEvents();
    }

    @Test
    void the_requesters_own_token_is_refused_and_recorded() {
        fixture.given(new ApprovalOpened(A, B, R, "olga", SLOT, null, List.of(OWNER), WINDOW), OWNER_STARTED, OLGA_TOKEN)
                .when(new DecideWithToken(A, tokenId(A, 0), "olga", 0, Verdict.APPROVE, null, OPENED))
                .expectEvents(new ApprovalTokenRefused(A, B, tokenId(A, 0), "olga",
                        "the requester may not decide their own booking"))
                .expectResultMessagePayload(new DecisionOutcome(false, "the requester may not decide their own booking",
                        A, B, ApprovalStatus.PENDING));
    }

    @Test
    void an_administrator_who_requested_the_booking_decides_it_only_as_an_override_with_a_reason() {
        var openedByRoot = new ApprovalOpened(A, B, R, "root", SLOT, null, List.of(ApprovalLevel.simple(List.of())), WINDOW);
        var byRole = new ApprovalLevelStarted(A, B, 0, "approvers", List.of(), "APPROVER", REMIND, ESCALATE, EXPIRE);
        fixture.given(openedByRoot, byRole)
                .when(new DecideApproval(A, Verdict.APPROVE, null, "root", List.of("APPROVER", "ADMIN"), OPENED))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(openedByRoot, byRole)
                .when(new DecideApproval(A, Verdict.APPROVE, "CEO visit", "root", List.of("APPROVER", "ADMIN"), OPENED))
                .expectEvents(new ApprovalLevelApproved(A, B, 0, "root", "CEO visit", DecisionChannel.OVERRIDE, null),
                        new ApprovalGranted(A, B, R, null));
    }
}
