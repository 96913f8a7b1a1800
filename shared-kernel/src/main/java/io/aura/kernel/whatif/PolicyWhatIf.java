package io.aura.kernel.whatif;

import io.aura.kernel.quota.QuotaEvents.Excess;
import io.aura.kernel.quota.QuotaLedgerRules;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.ScheduleBook;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.whatif.WhatIfReport.Answer;
import io.aura.kernel.whatif.WhatIfReport.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The policy what-if (ADR 0048) as one pure function of the recorded history: every resource's schedule is rebuilt
 * in memory by a {@link ScheduleBook} — the very code the {@code ResourceSchedule} aggregate decides with — and every
 * person's quota ledger by {@link QuotaLedgerRules}. Before the period the recorded answers are folded in as they
 * are; from its start, each recorded request (a booking, a move) is decided again under the proposed rule, at the
 * place in the history where it was decided, and followed as the booking saga follows it (a refused hold gives its
 * quota back, a cancellation releases the hold). Recorded cancellations, declines and no-shows still happen; a
 * request the rule would newly accept keeps its slot to the end (nobody cancelled it), a decline counts only where
 * the rule still asks approval, and a new approval is taken as granted. So an empty change answers exactly as
 * history did.
 */
public final class PolicyWhatIf {
    /** The longest period one what-if replays (a year, leap day included): it keeps an answer within seconds. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(366);
    public static final int EXAMPLES = 20;

    private PolicyWhatIf() {}

    /**
     * One stored event as the what-if reads it: when it was stored, its payload, and the roles of who caused it
     * (a request's roles decide approval levels and quotas).
     */
    public record Recorded(Instant at, Object event, List<String> roles) {
        public Recorded {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Replays {@code history} (oldest first; events after {@code to} are ignored) with {@code change} applied from
     * {@code from}; reports the requests made in [from, to) on {@code resourceId} (null: every resource).
     */
    public static WhatIfReport run(List<Recorded> history, Instant from, Instant to, String resourceId,
                                   PolicyChange change) {
        Replay replay = new Replay(from, to, resourceId, change);
        long replayed = 0;
        for (Recorded recorded : history) {
            if (!recorded.at().isBefore(to)) {
                break;
            }
            replay.take(recorded);
            replayed++;
        }
        return Tally.of(replay, replayed);
    }

    /** A refusal's reasons as the report counts them: each conflict's source and each broken rule, once. */
    static Answer refused(List<Conflict> conflicts, List<FieldViolation> violations) {
        TreeSet<String> reasons = new TreeSet<>();
        conflicts.forEach(c -> reasons.add(c.source().name()));
        violations.forEach(v -> reasons.add(v.rule() == null ? v.field() : v.rule().name()));
        return new Answer(Verdict.REFUSED, List.copyOf(reasons), 0);
    }

    /** A quota's refusal, worded as the booking saga records it. */
    static Answer refusedFor(List<Excess> excesses) {
        return refused(QuotaLedgerRules.conflicts(excesses), QuotaLedgerRules.violations(excesses));
    }
}
