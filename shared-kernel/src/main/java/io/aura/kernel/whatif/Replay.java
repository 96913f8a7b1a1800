package io.aura.kernel.whatif;

import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingEvents.RescheduleRequested;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaEvents.Excess;
import io.aura.kernel.quota.QuotaEvents.QuotaExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveExceeded;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReleased;
import io.aura.kernel.quota.QuotaEvents.QuotaReserved;
import io.aura.kernel.quota.QuotaLedgerRules;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.resource.ResourceEvents.ResourceRetired;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleBook;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveAbandoned;
import io.aura.kernel.schedule.ScheduleEvents.HoldMovePending;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import io.aura.kernel.whatif.WhatIfReport.Answer;
import io.aura.kernel.whatif.WhatIfReport.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One what-if's replay (ADR 0048): every resource's {@link ScheduleBook}, every person's ledger, and each request of
 * the period as recorded and as decided again. See {@link PolicyWhatIf} for what it assumes.
 *
 * <p>One file over 300 lines on purpose: every step here (a request's quota, its hold, a move, a release) reads and
 * changes the same replayed state, in the order the booking saga takes them; the decisions themselves are the
 * kernel's ({@link ScheduleBook}, {@link QuotaLedgerRules}).
 */
final class Replay {
    static final class Resource {
        ResourceSpec spec;
        boolean retired;
        final ScheduleBook book = new ScheduleBook();
    }

    /** One booking request, as recorded and as replayed. */
    static final class Request {
        BookingRequested event;
        Instant at;
        List<String> roles;
        boolean considered;
        Answer before;
        Answer after;
        /** decided by the replay's quota step; the hold is decided at the recorded hold's place */
        boolean quotaDone;
        boolean holdDone;
        boolean holdAwaitsRecord;
    }

    /** One move request, as recorded and as replayed. */
    static final class Move {
        RescheduleRequested event;
        Instant at;
        List<String> roles;
        boolean considered;
        Answer before;
        Answer after;
        boolean quotaDone;
        boolean holdDone;
        boolean holdAwaitsRecord;
        /** what the recorded move answered at once: pending approval or not */
        boolean recordedPending;
    }

    final Instant from;
    final Instant to;
    final String scope;
    final PolicyChange change;
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final Map<String, Request> requests = new LinkedHashMap<>();
    final List<Move> moves = new ArrayList<>();
    final Map<String, Move> openMoves = new HashMap<>();
    /** per person: the dates their ledger counts, per booking (the replay's, and before the period history's) */
    final Map<String, Map<String, List<Charge>>> ledgers = new HashMap<>();
    /** booking id to whose ledger counts it (the saga's quotaLedgerOwner) */
    final Map<String, String> countedBy = new HashMap<>();
    /** booking id to the new date of a move the ledger counts beside the old one (the saga's quotaMoveTo) */
    final Map<String, TimeRange> quotaMoveTo = new HashMap<>();
    final HeldTimes heldBefore = new HeldTimes();
    final HeldTimes heldAfter = new HeldTimes();

    Replay(Instant from, Instant to, String scope, PolicyChange change) {
        this.from = from;
        this.to = to;
        this.scope = scope;
        this.change = change;
    }

    void take(Recorded r) {
        boolean replaying = !r.at().isBefore(from);
        Object e = r.event();
        switch (e) {
            case ResourceRegistered ev -> resource(ev.resourceId()).spec = ev.spec();
            case ResourceChanged ev -> resource(ev.resourceId()).spec = ev.spec();
            case ResourceRetired ev -> resource(ev.resourceId()).retired = true;
            case BlackoutAdded ev -> resource(ev.resourceId()).book.on(ev);
            case BlackoutRemoved ev -> resource(ev.resourceId()).book.on(ev);
            case ExternalCalendarLinked ev -> resource(ev.resourceId()).book.on(ev);
            case ExternalCalendarUnlinked ev -> resource(ev.resourceId()).book.on(ev);
            case ExternalBusyChanged ev -> resource(ev.resourceId()).book.on(ev);
            default -> {
                if (replaying) {
                    replay(r, e);
                } else {
                    asRecorded(e);
                }
            }
        }
    }

    /** Before the period: history's own answers, folded in as they are. */
    void asRecorded(Object e) {
        switch (e) {
            case HoldPlaced ev -> holdEvent(ev.resourceId(), ev);
            case HoldRefused ev -> holdEvent(ev.resourceId(), ev);
            case HoldMoved ev -> {
                holdEvent(ev.resourceId(), ev);
                quotaMoveTo.remove(ev.bookingId());
            }
            case HoldMovePending ev -> holdEvent(ev.resourceId(), ev);
            case HoldMoveAbandoned ev -> {
                holdEvent(ev.resourceId(), ev);
                quotaMoveTo.remove(ev.bookingId());
            }
            case HoldMoveRefused ev -> quotaMoveTo.remove(ev.bookingId());
            case HoldReleased ev -> holdEvent(ev.resourceId(), ev);
            case QuotaReserved ev -> {
                ledger(ev.username()).put(ev.bookingId(), new ArrayList<>(ev.charges()));
                countedBy.put(ev.bookingId(), ev.username());
            }
            case QuotaMoveReserved ev -> {
                List<Charge> charges = ledger(ev.username()).computeIfAbsent(ev.bookingId(), b -> new ArrayList<>());
                if (charges.stream().noneMatch(c -> c.occurrence().equals(ev.to().occurrence()))) {
                    charges.add(ev.to());
                }
                quotaMoveTo.put(ev.bookingId(), ev.to().occurrence());
            }
            case QuotaReleased ev -> release(ev.username(), ev.bookingId(), ev.occurrences());
            default -> { }
        }
    }

    /** In the period: requests decided again under the rule, history's answers kept to compare. */
    void replay(Recorded r, Object e) {
        if (requestedBefore(e)) {
            asRecorded(e); // asked before the period, answered in it: history's answer stands
            return;
        }
        switch (e) {
            case BookingRequested ev -> {
                Request q = new Request();
                q.event = ev;
                q.at = r.at();
                q.roles = r.roles();
                q.considered = scope == null || scope.equals(ev.resourceId());
                requests.put(ev.bookingId(), q);
            }
            case QuotaReserved ev -> decideRequest(ev.bookingId(), true);
            case QuotaExceeded ev -> {
                Request q = requests.get(ev.bookingId());
                if (q != null) {
                    q.before = PolicyWhatIf.refusedFor(ev.excesses());
                }
                decideRequest(ev.bookingId(), false);
            }
            case HoldPlaced ev -> {
                heldBefore.on(ev);
                Request q = requests.get(ev.bookingId());
                if (q != null) {
                    q.before = new Answer(Verdict.ACCEPTED, List.of(), ev.approvalLevels().size());
                }
                decideRequest(ev.bookingId(), false);
            }
            case HoldRefused ev -> {
                Request q = requests.get(ev.bookingId());
                if (q != null) {
                    q.before = PolicyWhatIf.refused(ev.conflicts(), ev.violations());
                }
                decideRequest(ev.bookingId(), false);
            }
            case RescheduleRequested ev -> {
                Move m = new Move();
                m.event = ev;
                m.at = r.at();
                m.roles = r.roles();
                m.considered = scope == null || scope.equals(ev.resourceId());
                moves.add(m);
                openMoves.put(ev.bookingId(), m);
            }
            case QuotaMoveReserved ev -> decideMove(ev.bookingId(), true, false);
            case QuotaMoveExceeded ev -> {
                Move m = openMoves.get(ev.bookingId());
                if (m != null) {
                    m.before = PolicyWhatIf.refusedFor(ev.excesses());
                }
                decideMove(ev.bookingId(), false, false);
            }
            case HoldMoved ev -> {
                heldBefore.on(ev);
                if (ev.requestedAt() == null) { // an approved move lands
                    Resource res = resources.get(ev.resourceId());
                    if (res != null) {
                        apply(res, res.book.completeMove(new CompleteMove(ev.resourceId(), ev.bookingId(), ev.to())));
                    }
                } else {
                    Move m = openMoves.get(ev.bookingId());
                    if (m != null) {
                        m.before = new Answer(Verdict.ACCEPTED, List.of(), 0);
                    }
                    decideMove(ev.bookingId(), false, false);
                }
            }
            case HoldMovePending ev -> {
                Move m = openMoves.get(ev.bookingId());
                if (m != null) {
                    m.before = new Answer(Verdict.ACCEPTED, List.of(), ev.approvalLevels().size());
                }
                decideMove(ev.bookingId(), false, true);
            }
            case HoldMoveRefused ev -> {
                Move m = openMoves.get(ev.bookingId());
                if (m != null) {
                    m.before = PolicyWhatIf.refused(ev.conflicts(), ev.violations());
                }
                decideMove(ev.bookingId(), false, false);
            }
            case HoldMoveAbandoned ev -> {
                heldBefore.on(ev);
                Resource res = resources.get(ev.resourceId());
                if (res != null) {
                    apply(res, res.book.abandonMove(new AbandonMove(ev.resourceId(), ev.bookingId(), ev.to(),
                            ev.reason())));
                }
            }
            case HoldReleased ev -> heldBefore.on(ev);
            // what the saga releases, as it releases it
            case BookingCancelled ev -> releaseAll(ev.resourceId(), ev.bookingId());
            case BookingDeclined ev -> {
                Request q = requests.get(ev.bookingId());
                boolean stillAsked = q == null || q.after == null || q.after.approvalLevels() > 0;
                if (stillAsked) { // under a rule that asks no approval, nobody could decline it
                    releaseAll(ev.resourceId(), ev.bookingId());
                }
            }
            case OccurrenceCancelled ev -> {
                releaseHold(ev.resourceId(), ev.bookingId(), List.of(ev.occurrence()));
                String owner = countedBy.get(ev.bookingId());
                if (owner != null) {
                    release(owner, ev.bookingId(), List.of(ev.occurrence()));
                }
            }
            case OccurrenceMarkedNoShow ev -> releaseHold(ev.resourceId(), ev.bookingId(), List.of(ev.occurrence()));
            default -> { }
        }
    }

    /** An answer to a request made before the period (none of the replay's own requests). */
    boolean requestedBefore(Object e) {
        return switch (e) {
            case QuotaReserved ev -> !requests.containsKey(ev.bookingId());
            case QuotaExceeded ev -> !requests.containsKey(ev.bookingId());
            case HoldPlaced ev -> !requests.containsKey(ev.bookingId());
            case HoldRefused ev -> !requests.containsKey(ev.bookingId());
            case QuotaMoveReserved ev -> !openMoves.containsKey(ev.bookingId());
            case QuotaMoveExceeded ev -> !openMoves.containsKey(ev.bookingId());
            case HoldMoved ev -> ev.requestedAt() != null && !openMoves.containsKey(ev.bookingId());
            case HoldMovePending ev -> !openMoves.containsKey(ev.bookingId());
            case HoldMoveRefused ev -> !openMoves.containsKey(ev.bookingId());
            default -> false;
        };
    }

    /**
     * Decides a request at the place history decided it: its quota step at the first recorded answer, its hold
     * at the recorded hold's answer (or at once, when history's answer came from the quota alone).
     */
    void decideRequest(String bookingId, boolean recordedQuotaPassed) {
        Request q = requests.get(bookingId);
        if (q == null || q.holdDone) {
            return;
        }
        if (!q.quotaDone) {
            q.quotaDone = true;
            Answer refused = quotaStep(q);
            if (refused != null) {
                q.after = refused;
                q.holdDone = true;
                return;
            }
            if (recordedQuotaPassed) {
                q.holdAwaitsRecord = true; // the hold was decided later, at its own place in history
                return;
            }
        }
        q.holdDone = true;
        holdStep(q);
    }

    Answer quotaStep(Request q) {
        BookingRequested ev = q.event;
        Resource res = resources.get(ev.resourceId());
        List<QuotaView> quotas = quotasFor(ev.applicableQuotas(), ev.requester(), q.roles, ev.resourceId(),
                ev.category());
        if (quotas.isEmpty() || res == null || res.spec == null) {
            return null;
        }
        String zone = ev.applicableQuotas().limitNothing() ? res.spec.timeZone() : ev.applicableQuotas().zone();
        List<Charge> charges = new ApplicableQuotas(quotas, zone).charges(ev.bookingId(), ev.resourceId(),
                ev.category(), ev.occurrences());
        Map<String, List<Charge>> ledger = ledger(ev.requester());
        List<Charge> counted = ledger.values().stream().flatMap(List::stream).toList();
        List<Excess> excesses = QuotaLedgerRules.excesses(quotas, counted, charges);
        if (!excesses.isEmpty()) {
            return PolicyWhatIf.refusedFor(excesses);
        }
        countedBy.put(ev.bookingId(), ev.requester());
        ledger.put(ev.bookingId(), new ArrayList<>(charges));
        return null;
    }

    void holdStep(Request q) {
        BookingRequested ev = q.event;
        Resource res = resources.get(ev.resourceId());
        if (res == null || res.spec == null) {
            return;
        }
        PlaceHold hold = new PlaceHold(ev.resourceId(), ev.bookingId(), ev.occurrences(), ev.policy(),
                ev.attendees(), q.at, q.roles);
        for (Object decided : res.book.placeHold(change.applyTo(res.spec), res.retired, hold, false)) {
            apply(res, List.of(decided));
            String owner = countedBy.get(ev.bookingId());
            switch (decided) {
                case HoldPlaced placed -> {
                    q.after = new Answer(Verdict.ACCEPTED, List.of(), placed.approvalLevels().size());
                    if (owner != null && !placed.skipped().isEmpty()) {
                        release(owner, ev.bookingId(), placed.skipped());
                    }
                }
                case HoldRefused refused -> {
                    q.after = PolicyWhatIf.refused(refused.conflicts(), refused.violations());
                    if (owner != null) {
                        release(owner, ev.bookingId(), List.of());
                    }
                }
                default -> { }
            }
        }
    }

    void decideMove(String bookingId, boolean recordedQuotaPassed, boolean recordedPending) {
        Move m = openMoves.get(bookingId);
        if (m == null || m.holdDone) {
            return;
        }
        m.recordedPending = m.recordedPending || recordedPending;
        if (!m.quotaDone) {
            m.quotaDone = true;
            Answer refused = moveQuotaStep(m);
            if (refused != null) {
                m.after = refused;
                m.holdDone = true;
                return;
            }
            if (recordedQuotaPassed) {
                m.holdAwaitsRecord = true;
                return;
            }
        }
        m.holdDone = true;
        moveStep(m);
    }

    Answer moveQuotaStep(Move m) {
        RescheduleRequested ev = m.event;
        String owner = countedBy.get(ev.bookingId());
        Resource res = resources.get(ev.resourceId());
        Request q = requests.get(ev.bookingId());
        String category = q == null ? null : q.event.category();
        List<QuotaView> quotas = owner == null ? List.of()
                : quotasFor(ev.applicableQuotas(), owner, m.roles, ev.resourceId(), category);
        if (quotas.isEmpty() || ev.from().equals(ev.to()) || res == null || res.spec == null) {
            return null;
        }
        String zone = ev.applicableQuotas().limitNothing() ? res.spec.timeZone() : ev.applicableQuotas().zone();
        Charge to = new ApplicableQuotas(quotas, zone).charges(ev.bookingId(), ev.resourceId(), List.of(ev.to()))
                .get(0);
        Map<String, List<Charge>> ledger = ledger(owner);
        List<Excess> excesses = QuotaLedgerRules.moveExcesses(quotas, ledger, ev.bookingId(), ev.from(), to);
        if (!excesses.isEmpty()) {
            return PolicyWhatIf.refusedFor(excesses);
        }
        Charge counted = QuotaLedgerRules.chargeReplacing(ledger, ev.bookingId(), ev.from(), to);
        List<Charge> charges = ledger.computeIfAbsent(ev.bookingId(), b -> new ArrayList<>());
        if (charges.stream().noneMatch(c -> c.occurrence().equals(counted.occurrence()))) {
            charges.add(counted);
        }
        quotaMoveTo.put(ev.bookingId(), counted.occurrence());
        return null;
    }

    void moveStep(Move m) {
        RescheduleRequested ev = m.event;
        Resource res = resources.get(ev.resourceId());
        if (res == null || res.spec == null) {
            return;
        }
        MoveHold move = new MoveHold(ev.resourceId(), ev.bookingId(), ev.from(), ev.to(), ev.attendees(), m.at,
                m.roles);
        for (Object decided : res.book.moveHold(change.applyTo(res.spec), res.retired, move)) {
            apply(res, List.of(decided));
            switch (decided) {
                case HoldMoved moved -> m.after = new Answer(Verdict.ACCEPTED, List.of(), 0);
                case HoldMovePending pending -> {
                    m.after = new Answer(Verdict.ACCEPTED, List.of(), pending.approvalLevels().size());
                    if (!m.recordedPending) { // asked approval only under the rule: taken as granted
                        apply(res, res.book.completeMove(new CompleteMove(ev.resourceId(), ev.bookingId(),
                                ev.to())));
                    }
                }
                case HoldMoveRefused refused -> m.after = PolicyWhatIf.refused(refused.conflicts(), refused.violations());
                default -> { }
            }
        }
    }

    /** Folds what the replay decided into its schedule, and follows it as the saga does with the ledger. */
    void apply(Resource res, List<Object> events) {
        for (Object event : events) {
            res.book.on(event);
            heldAfter.on(event);
            String bookingId = switch (event) {
                case HoldMoved ev -> ev.bookingId();
                case HoldMoveRefused ev -> ev.bookingId();
                case HoldMoveAbandoned ev -> ev.bookingId();
                default -> null;
            };
            TimeRange counted = bookingId == null ? null : quotaMoveTo.remove(bookingId);
            if (counted != null && countedBy.containsKey(bookingId)) { // the loser of a counted move
                TimeRange loser = event instanceof HoldMoved moved ? moved.from()
                        : event instanceof HoldMoveRefused refused ? refused.to()
                        : ((HoldMoveAbandoned) event).to();
                release(countedBy.get(bookingId), bookingId, List.of(loser));
            }
        }
    }

    /** Before the period, and for both tallies: a recorded schedule answer folded in as it is. */
    void holdEvent(String resourceId, Object event) {
        resource(resourceId).book.on(event);
        heldBefore.on(event);
        heldAfter.on(event);
    }

    void releaseAll(String resourceId, String bookingId) {
        releaseHold(resourceId, bookingId, List.of());
        String owner = countedBy.get(bookingId);
        if (owner != null) {
            release(owner, bookingId, List.of());
        }
    }

    void releaseHold(String resourceId, String bookingId, List<TimeRange> occurrences) {
        Resource res = resources.get(resourceId);
        if (res != null) {
            apply(res, res.book.releaseHold(new ReleaseHold(resourceId, bookingId, occurrences)));
        }
    }

    /** The ledger stops counting these dates of the booking (all: none named). */
    void release(String person, String bookingId, List<TimeRange> occurrences) {
        Map<String, List<Charge>> ledger = ledger(person);
        List<Charge> left = new ArrayList<>(ledger.getOrDefault(bookingId, List.of()));
        left.removeIf(c -> occurrences.isEmpty() || occurrences.contains(c.occurrence()));
        if (left.isEmpty()) {
            ledger.remove(bookingId);
        } else {
            ledger.put(bookingId, left);
        }
    }

    /** The request's recorded quotas, and the proposed one where it limits this person and covers this booking. */
    List<QuotaView> quotasFor(ApplicableQuotas recorded, String person, List<String> roles, String resourceId,
                              String category) {
        List<QuotaView> quotas = new ArrayList<>(recorded.quotas());
        if (change.quota() != null && change.quota().appliesTo(person, roles)
                && change.quota().covers(resourceId, category)) {
            quotas.add(new QuotaView("proposed", change.quota()));
        }
        return quotas;
    }

    Resource resource(String resourceId) {
        return resources.computeIfAbsent(resourceId, id -> new Resource());
    }

    Map<String, List<Charge>> ledger(String person) {
        return ledgers.computeIfAbsent(person, p -> new HashMap<>());
    }
}
