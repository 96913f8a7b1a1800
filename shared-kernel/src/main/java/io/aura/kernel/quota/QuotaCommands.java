package io.aura.kernel.quota;

import io.aura.kernel.TargetsAggregate;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.schedule.TimeRange;
import java.util.List;

/** Commands of quota definitions and of the per-person quota ledgers (ADR 0034). */
public final class QuotaCommands {
    private QuotaCommands() {}

    /** A person's ledger: one aggregate per person, so their requests are decided one after the other. */
    public static String ledgerId(String username) {
        return "quota-ledger:" + username;
    }

    public record DefineQuota(String quotaId, QuotaSpec spec) implements TargetsAggregate {
        public String targetAggregateId() { return quotaId; }
    }

    public record RemoveQuota(String quotaId) implements TargetsAggregate {
        public String targetAggregateId() { return quotaId; }
    }

    /**
     * Counts a requested booking's dates against the quotas that apply to it (looked up by the saga, so the
     * ledger decides from what it is given and what it holds); its answer is QuotaReserved or QuotaExceeded.
     */
    public record ReserveQuota(String username, String bookingId, List<QuotaView> quotas, List<Charge> charges)
            implements TargetsAggregate {
        public ReserveQuota {
            quotas = quotas == null ? List.of() : List.copyOf(quotas);
            charges = charges == null ? List.of() : List.copyOf(charges);
        }

        public String targetAggregateId() { return ledgerId(username); }
    }

    /**
     * Counts the new date of a move ({@code moveId}: the move request's event, the same on redelivery) against
     * the quotas the booking was counted under, as if the date it leaves ({@code from}) were free already; the
     * ledger keeps both counted until the move is decided. Its answer is QuotaMoveReserved or QuotaMoveExceeded.
     */
    public record ReserveMove(String username, String bookingId, String moveId, TimeRange from,
                              List<QuotaView> quotas, Charge to) implements TargetsAggregate {
        public ReserveMove {
            quotas = quotas == null ? List.of() : List.copyOf(quotas);
        }

        public String targetAggregateId() { return ledgerId(username); }
    }

    /** Stops counting a booking's dates ({@code occurrences} empty: all of them). */
    public record ReleaseQuota(String username, String bookingId, List<TimeRange> occurrences)
            implements TargetsAggregate {
        public ReleaseQuota {
            occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        }

        public String targetAggregateId() { return ledgerId(username); }
    }
}
