package io.aura.kernel.quota;

import io.aura.kernel.schedule.TimeRange;
import java.util.List;

/** Facts about quotas and the ledgers that count against them (ADR 0034), past tense, never changed. */
public final class QuotaEvents {
    private QuotaEvents() {}

    public record QuotaDefined(String quotaId, QuotaSpec spec) {}

    public record QuotaRemoved(String quotaId) {}

    /** The booking's dates count against the person's quotas from now on. */
    public record QuotaReserved(String ledgerId, String username, String bookingId, List<Charge> charges) {}

    /** The booking would go over these quotas: it is refused and nothing is counted. */
    public record QuotaExceeded(String ledgerId, String username, String bookingId, List<Excess> excesses) {}

    /**
     * The booking's move to {@code to} fits the person's quotas: the new date counts from now on, beside the date
     * it leaves ({@code from}) until the move is decided (then one of the two is released).
     */
    public record QuotaMoveReserved(String ledgerId, String username, String bookingId, String moveId, TimeRange from,
                                    Charge to) {}

    /** The booking's move would go over these quotas: the move is refused, the booking keeps its date. */
    public record QuotaMoveExceeded(String ledgerId, String username, String bookingId, String moveId, TimeRange from,
                                    TimeRange to, List<Excess> excesses) {}

    /** These dates of the booking no longer count (refused, declined, cancelled, moved away from, a move refused). */
    public record QuotaReleased(String ledgerId, String username, String bookingId, List<TimeRange> occurrences) {}

    /**
     * One quota a booking would break in one period: {@code limit} of {@code measure}, {@code total} what the
     * period would hold with the booking; {@code occurrences} the booking's dates in that period.
     */
    public record Excess(String quotaId, QuotaPeriod period, String periodKey, QuotaMeasure measure, long limit,
                         long total, List<TimeRange> occurrences) {}
}
