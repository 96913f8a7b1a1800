package io.aura.query.quota;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaEvents.QuotaDefined;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReleased;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import java.util.List;
import java.util.stream.Stream;

/** The quota views' next state from an event: pure, so a redelivered event computes the same again. */
public final class QuotaFold {
    private QuotaFold() {}

    public static QuotaView defined(QuotaDefined event) {
        return new QuotaView(event.quotaId(), event.spec());
    }

    /** What a booking still counts after some of its dates were released. */
    public static List<Charge> released(List<Charge> before, QuotaReleased event) {
        return before.stream().filter(c -> !event.occurrences().contains(c.occurrence())).toList();
    }

    /** What a booking counts once its move is reserved: the new date beside the old (one goes when decided). */
    public static List<Charge> moveReserved(List<Charge> before, QuotaMoveReserved event) {
        if (before.stream().anyMatch(c -> c.occurrence().equals(event.to().occurrence()))) {
            return before; // as the ledger: a date is counted once
        }
        return Stream.concat(before.stream(), Stream.of(event.to())).toList();
    }
}
