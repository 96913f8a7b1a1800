package io.aura.kernel.booking;

import io.aura.kernel.booking.RankingSignals.Tally;
import io.aura.kernel.booking.SlotRanking.RankedSlot;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one ranking of free slots (ADR 0049), a pure function used by every place that offers a slot:
 * {@code GET /api/suggestions}, the alternatives of a 409 (per date of a series too), the web form's
 * one-click slots. A slot's score is {@link SlotRanking}'s (soon or near, quiet, fit, working hours;
 * "quiet" from the contention model where it is trained) times what the organisation's history
 * ({@link RankingSignals}) says of booking there: the chance a request is approved, the chance a held
 * booking is released unused, and, for the alternatives to a refusal, what people refused there took
 * instead. Each factor is 1 where nothing is known, so without history the order is
 * {@link SlotRanking}'s. Contention predictions are asked for in one batched call.
 */
public final class SlotRanker {
    /** A slot always declined keeps this share of its score; one always approved keeps all of it. */
    static final double DECLINED_FLOOR = 0.4;
    /** A slot always released unused keeps this share of its score. */
    static final double RELEASED_FLOOR = 0.6;
    /** The alternative kind nobody refused here ever took keeps this share of its score. */
    static final double UNCHOSEN_FLOOR = 0.85;

    private SlotRanker() {}

    /**
     * A free slot to rank. {@code usualUtilization}: share booked at that local hour lately (null: unknown);
     * {@code resourceLately}: the resource's over all its hours then (the contention model's input).
     */
    public record Candidate(String resourceId, TimeRange slot, ZoneId zone, int capacity, boolean approvalRequired,
                            Double usualUtilization, double resourceLately) {}

    /**
     * What the ranking is for. {@code window}: the searched span ("soon" and "near" are measured in it);
     * {@code near}: rank by closeness to this start (a refusal's alternatives, a move) instead of earliness;
     * {@code group}: the requester's group ({@link RankingSignals#groupOf}); {@code refused}: the refused
     * request's resource and time when these are its alternatives (null otherwise).
     */
    public record Context(TimeRange window, int attendees, Instant near, String group, String refusedResourceId,
                          TimeRange refused, ZoneId refusedZone) {
        /** {@code refusedZone}: the refused resource's zone, where its hour is told (null: UTC). */
        public Context {
            group = group == null ? "REQUESTER" : group;
            refusedZone = refusedZone == null ? java.time.ZoneOffset.UTC : refusedZone;
        }

        public static Context search(TimeRange window, int attendees, Instant near, String group) {
            return new Context(window, attendees, near, group, null, null, null);
        }
    }

    /**
     * Every candidate scored with its reasons, best first (then earlier, then by resource). {@code model}
     * may be null (no contention model); it is asked once, for the distinct hours of all candidates.
     */
    public static List<RankedSlot> rank(List<Candidate> candidates, Context context, RankingSignals signals,
                                        ContentionModel model) {
        Map<String, Double> predicted = predictions(candidates, model);
        RankingSignals known = signals == null ? RankingSignals.NONE : signals;
        List<RankedSlot> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            out.add(score(c, context, known, predicted.get(hourKey(c))));
        }
        out.sort(ORDER);
        return out;
    }

    /** Best first, then earlier, then by resource: the order every list of suggestions is in. */
    public static final Comparator<RankedSlot> ORDER = Comparator.comparingDouble(RankedSlot::score).reversed()
            .thenComparing(RankedSlot::start).thenComparing(RankedSlot::resourceId);

    static RankedSlot score(Candidate c, Context context, RankingSignals signals, Double contention) {
        RankedSlot base = SlotRanking.score(new SlotFacts(c.resourceId(), c.slot(), context.window(), c.zone(),
                c.capacity(), context.attendees(), c.usualUtilization(), context.near(), contention));
        List<Reason> reasons = new ArrayList<>(base.reasons());
        ZonedDateTime local = c.slot().start().atZone(c.zone());
        int day = local.getDayOfWeek().getValue();
        int hour = local.getHour();
        double factor = 1;

        if (c.approvalRequired()) {
            Tally t = signals.find(c.resourceId(), day, hour, context.group(), Tally::decided);
            if (t.decided() > 0) {
                double approved = t.approved() / (double) t.decided();
                factor *= DECLINED_FLOOR + (1 - DECLINED_FLOOR) * approved;
                reasons.add(approvalReason(t));
            }
        }

        Tally use = signals.find(c.resourceId(), day, hour, context.group(), Tally::held);
        if (use.held() > 0) {
            double released = use.releasedUnused() / (double) use.held();
            factor *= 1 - (1 - RELEASED_FLOOR) * released;
            if (released >= 0.3) {
                reasons.add(Reason.of(ReasonCode.OFTEN_RELEASED_UNUSED, use.releasedUnused(), use.held()));
            } else if (released <= 0.1) {
                reasons.add(Reason.of(ReasonCode.USUALLY_USED));
            }
        }

        if (context.refusedResourceId() != null && context.refused() != null) {
            ZonedDateTime refusedAt = context.refused().start().atZone(context.refusedZone());
            Tally after = signals.find(context.refusedResourceId(), refusedAt.getDayOfWeek().getValue(),
                    refusedAt.getHour(), context.group(), Tally::choicesAfterRefusal);
            int n = after.choicesAfterRefusal();
            boolean elsewhereSameTime = !c.resourceId().equals(context.refusedResourceId())
                    && c.slot().start().equals(context.refused().start());
            boolean sameResource = c.resourceId().equals(context.refusedResourceId());
            if (n > 0 && (elsewhereSameTime || sameResource)) {
                double share = (elsewhereSameTime ? after.sameTimeElsewhere() : after.sameResourceOtherTime())
                        / (double) n;
                factor *= UNCHOSEN_FLOOR + (1 - UNCHOSEN_FLOOR) * share;
                if (share >= 0.5) {
                    reasons.add(Reason.of(elsewhereSameTime ? ReasonCode.REFUSED_TOOK_SAME_TIME_ELSEWHERE
                            : ReasonCode.REFUSED_TOOK_OTHER_TIME_HERE));
                }
            }
        }
        return new RankedSlot(base.resourceId(), base.start(), base.end(), Math.round(base.score() * factor * 1000)
                / 1000.0, List.copyOf(reasons));
    }

    /** Approved within a day 9 times in 10, approved 7 times in 10, or how often it was declined. */
    static Reason approvalReason(Tally t) {
        long inTen = Math.round(10.0 * t.approvedWithinDay() / t.decided());
        long approvedInTen = Math.round(10.0 * t.approved() / t.decided());
        List<Object> values = new ArrayList<>();
        ReasonCode code;
        if (approvedInTen <= 4) {
            code = ReasonCode.USUALLY_DECLINED;
            values.add(t.decided() - t.approved());
            values.add(t.decided());
        } else {
            code = inTen == approvedInTen ? ReasonCode.APPROVED_WITHIN_A_DAY : ReasonCode.APPROVED;
            values.add(approvedInTen);
        }
        if (t.medianDecisionMinutes() >= 0) {
            values.add(t.medianDecisionMinutes());
        }
        return new Reason(code, values);
    }

    private static String hourKey(Candidate c) {
        ZonedDateTime local = c.slot().start().atZone(c.zone());
        return c.resourceId() + "|" + local.getDayOfWeek().getValue() + "|" + local.getHour();
    }

    /** The contention model's estimates for the distinct hours of all candidates, in one call (none: empty). */
    private static Map<String, Double> predictions(List<Candidate> candidates, ContentionModel model) {
        if (model == null || candidates.isEmpty()) {
            return Map.of();
        }
        Map<String, ContentionModel.HourFacts> hours = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            hours.computeIfAbsent(hourKey(c), k -> {
                ZonedDateTime local = c.slot().start().atZone(c.zone());
                return new ContentionModel.HourFacts(local.getDayOfWeek().getValue(), local.getHour(), c.capacity(),
                        c.usualUtilization() == null ? 0 : c.usualUtilization(), c.resourceLately());
            });
        }
        Optional<double[]> p = model.contentions(List.copyOf(hours.values()));
        if (p.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new java.util.HashMap<>();
        int i = 0;
        for (String key : hours.keySet()) {
            out.put(key, p.get()[i++]);
        }
        return out;
    }
}
