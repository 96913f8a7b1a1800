package io.aura.kernel.quota;

import io.aura.kernel.quota.QuotaEvents.Excess;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a person's quota ledger decides, as pure functions of the quotas and the dates it counts (ADR 0034). */
public final class QuotaLedgerRules {
    private QuotaLedgerRules() {}

    /**
     * The quotas the wanted dates would go over, per period each date falls in; empty when they fit. A date
     * counts against a quota when its resource and category are covered by it; each date of a series is one
     * booking, in its own period.
     */
    public static List<Excess> excesses(List<QuotaView> quotas, Collection<Charge> live, List<Charge> wanted) {
        List<Excess> out = new ArrayList<>();
        for (QuotaView quota : quotas) {
            QuotaSpec spec = quota.spec();
            Map<String, List<Charge>> byPeriod = new LinkedHashMap<>();
            wanted.stream().filter(c -> spec.covers(c.resourceId(), c.category()))
                    .forEach(c -> byPeriod.computeIfAbsent(c.periodKey(spec.period()), k -> new ArrayList<>()).add(c));
            for (var period : byPeriod.entrySet()) {
                for (QuotaMeasure measure : QuotaMeasure.values()) {
                    Integer limit = spec.limitOf(measure);
                    if (limit == null) {
                        continue;
                    }
                    long total = used(spec, live, period.getKey(), measure)
                            + period.getValue().stream().mapToLong(c -> c.amount(measure)).sum();
                    if (total > limit) {
                        out.add(new Excess(quota.quotaId(), spec.period(), period.getKey(), measure, limit, total,
                                period.getValue().stream().map(Charge::occurrence).toList()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A move as the ledger counts it: the booking as it will be after it, without the date it leaves
     * ({@code from}), with {@code to} counted as the date it replaces ({@link #chargeReplacing}).
     */
    public static List<Excess> moveExcesses(List<QuotaView> quotas, Map<String, List<Charge>> live, String bookingId,
                                            TimeRange from, Charge to) {
        List<Charge> counted = new ArrayList<>();
        live.forEach((booking, charges) -> charges.stream()
                .filter(c -> !(booking.equals(bookingId) && c.occurrence().equals(from)))
                .forEach(counted::add));
        return excesses(quotas, counted, List.of(chargeReplacing(live, bookingId, from, to)));
    }

    /**
     * The new date of a move counts as the one it replaces: of the booking's category (ADR 0040), which the ledger
     * knows from the booking's request and a move request does not repeat.
     */
    public static Charge chargeReplacing(Map<String, List<Charge>> live, String bookingId, TimeRange from, Charge to) {
        String category = live.getOrDefault(bookingId, List.of()).stream()
                .filter(c -> c.occurrence().equals(from) && c.category() != null).map(Charge::category)
                .findFirst().orElse(to.category());
        return java.util.Objects.equals(category, to.category()) ? to
                : new Charge(to.bookingId(), to.resourceId(), category, to.occurrence(), to.zone(), to.week(), to.month());
    }

    /** How much of a quota's measure the counted dates use in one of its periods. */
    public static long used(QuotaSpec spec, Collection<Charge> live, String periodKey, QuotaMeasure measure) {
        return live.stream().filter(c -> spec.covers(c.resourceId(), c.category()))
                .filter(c -> c.periodKey(spec.period()).equals(periodKey))
                .mapToLong(c -> c.amount(measure)).sum();
    }

    /**
     * Per quota, what its current period holds so far, and each later period that holds something: a date
     * counts in the period it falls in, in its resource's zone; {@code zone} only names the current period.
     * (Period names sort as text: 2026-W09 before 2026-W10, 2026-09 before 2026-10.)
     */
    public static List<QuotaUsage> usage(List<QuotaView> quotas, Collection<Charge> live, Instant now, ZoneId zone) {
        return quotas.stream().map(q -> {
            QuotaSpec spec = q.spec();
            Map<String, List<Charge>> byPeriod = new java.util.TreeMap<>();
            live.stream().filter(c -> spec.covers(c.resourceId(), c.category()))
                    .filter(c -> c.periodKey(spec.period()).compareTo(spec.period().keyOf(now, ZoneId.of(c.zone()))) >= 0)
                    .forEach(c -> byPeriod.computeIfAbsent(c.periodKey(spec.period()), k -> new ArrayList<>()).add(c));
            String current = spec.period().keyOf(now, zone);
            List<Charge> inCurrent = live.stream().filter(c -> spec.covers(c.resourceId(), c.category()))
                    .filter(c -> c.periodKey(spec.period()).equals(spec.period().keyOf(now, ZoneId.of(c.zone()))))
                    .toList();
            List<PeriodUsage> later = byPeriod.entrySet().stream().filter(e -> e.getKey().compareTo(current) > 0)
                    .map(e -> PeriodUsage.of(e.getKey(), e.getValue())).toList();
            PeriodUsage now1 = PeriodUsage.of(current, inCurrent);
            return new QuotaUsage(q.quotaId(), spec, current, now1.usedBookings(), now1.usedMinutes(), later);
        }).toList();
    }

    /** A quota's current period and what is used of it, and the later periods already holding bookings. */
    public record QuotaUsage(String quotaId, QuotaSpec spec, String periodKey, long usedBookings, long usedMinutes,
                             List<PeriodUsage> upcoming) {}

    /** What one period of a quota holds. */
    public record PeriodUsage(String period, long usedBookings, long usedMinutes) {
        static PeriodUsage of(String period, List<Charge> charges) {
            return new PeriodUsage(period, charges.stream().mapToLong(c -> c.amount(QuotaMeasure.BOOKINGS)).sum(),
                    charges.stream().mapToLong(c -> c.amount(QuotaMeasure.MINUTES)).sum());
        }
    }

    /** The booking's refusal: a QUOTA conflict per date over a quota. */
    public static List<Conflict> conflicts(List<Excess> excesses) {
        List<TimeRange> dates = new ArrayList<>();
        excesses.forEach(e -> e.occurrences().stream().filter(o -> !dates.contains(o)).forEach(dates::add));
        return dates.stream().map(d -> new Conflict(d, Conflict.Source.QUOTA, null, d)).toList();
    }

    /** The refusal's words: which quota, its limit, and what the period would hold. */
    public static List<FieldViolation> violations(List<Excess> excesses) {
        return excesses.stream().map(e -> FieldViolation.of("quota",
                e.measure() == QuotaMeasure.BOOKINGS ? Rule.QUOTA_BOOKINGS_EXCEEDED : Rule.QUOTA_MINUTES_EXCEEDED,
                e.limit(), e.total(), e.periodKey(), e.quotaId())).toList();
    }
}
