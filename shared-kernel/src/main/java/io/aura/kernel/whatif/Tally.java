package io.aura.kernel.whatif;

import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.whatif.WhatIfReport.Example;
import io.aura.kernel.whatif.WhatIfReport.Kind;
import io.aura.kernel.whatif.WhatIfReport.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report of one replay: what was asked in the period and in scope, as recorded and under the rule (ADR 0048). */
final class Tally {
    private Tally() {}

    static WhatIfReport of(Replay replay, long replayed) {
        int considered = 0;
        int refusedBefore = 0;
        int refusedAfter = 0;
        int newlyRefused = 0;
        int newlyAccepted = 0;
        int neededBefore = 0;
        int neededAfter = 0;
        int moreLevels = 0;
        int changed = 0;
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Integer> byRuleBefore = new TreeMap<>();
        List<Example> examples = new ArrayList<>();
        for (Replay.Request q : replay.requests.values()) {
            if (!q.considered || q.before == null || q.after == null) {
                continue; // another resource, or still undecided when the period ended
            }
            considered++;
            boolean wasRefused = q.before.verdict() == Verdict.REFUSED;
            boolean isRefused = q.after.verdict() == Verdict.REFUSED;
            refusedBefore += wasRefused ? 1 : 0;
            refusedAfter += isRefused ? 1 : 0;
            newlyRefused += isRefused && !wasRefused ? 1 : 0;
            newlyAccepted += wasRefused && !isRefused ? 1 : 0;
            q.before.reasons().forEach(reason -> byRuleBefore.merge(reason, 1, Integer::sum));
            q.after.reasons().forEach(reason -> byRule.merge(reason, 1, Integer::sum));
            neededBefore += !wasRefused && q.before.approvalLevels() > 0 ? 1 : 0;
            neededAfter += !isRefused && q.after.approvalLevels() > 0 ? 1 : 0;
            moreLevels += !wasRefused && !isRefused && q.after.approvalLevels() > q.before.approvalLevels() ? 1 : 0;
            if (!q.before.equals(q.after)) {
                changed++;
                if (examples.size() < PolicyWhatIf.EXAMPLES) {
                    TimeRange first = q.event.occurrences().get(0);
                    examples.add(new Example(Kind.BOOKING, q.event.bookingId(), q.event.resourceId(),
                            first.start(), first.end(), q.at, q.before, q.after));
                }
            }
        }
        int movesConsidered = 0;
        int movesRefusedBefore = 0;
        int movesRefusedAfter = 0;
        for (Replay.Move m : replay.moves) {
            if (!m.considered || m.before == null || m.after == null) {
                continue;
            }
            movesConsidered++;
            movesRefusedBefore += m.before.verdict() == Verdict.REFUSED ? 1 : 0;
            movesRefusedAfter += m.after.verdict() == Verdict.REFUSED ? 1 : 0;
            if (!m.before.equals(m.after)) {
                changed++;
                if (examples.size() < PolicyWhatIf.EXAMPLES) {
                    examples.add(new Example(Kind.MOVE, m.event.bookingId(), m.event.resourceId(),
                            m.event.to().start(), m.event.to().end(), m.at, m.before, m.after));
                }
            }
        }
        List<String> inScope = replay.resources.entrySet().stream()
                .filter(e -> e.getValue().spec != null && (replay.scope == null || replay.scope.equals(e.getKey())))
                .map(Map.Entry::getKey).toList();
        TimeRange period = new TimeRange(replay.from, replay.to);
        return new WhatIfReport(replay.from, replay.to, replay.scope, considered, refusedBefore, refusedAfter, newlyRefused,
                newlyAccepted, byRule, byRuleBefore, movesConsidered, movesRefusedBefore, movesRefusedAfter,
                new WhatIfReport.Approvals(neededBefore, neededAfter, moreLevels), changed, examples,
                replay.heldBefore.utilization(period, inScope), replay.heldAfter.utilization(period, inScope), replayed);
    }
}
