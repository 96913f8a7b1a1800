package io.aura.query.quota;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import java.util.List;
import java.util.Optional;

/**
 * Where the quota definitions and, per person, the dates their ledger counts are kept (folded by
 * {@link QuotaFold}). Adapters: {@link SqlQuotaStore} (embedded default) and {@link MongoQuotaStore}
 * (production); {@code QuotaStoreContract} holds both to the same behaviour.
 */
public interface QuotaStore {

    /** Every defined quota, by id. */
    List<QuotaView> quotas();

    Optional<QuotaView> quota(String quotaId);

    void save(QuotaView quota);

    void remove(String quotaId);

    /** The dates a person's ledger counts now, by booking and start. */
    List<Charge> chargesOf(String username);

    /** What one booking of theirs still counts. */
    List<Charge> chargesOf(String username, String bookingId);

    /** Replaces what a booking counts ({@code charges} empty: nothing any more). */
    void saveCharges(String username, String bookingId, List<Charge> charges);

    /** Forgets everything (a replay starts from nothing). */
    void clear();
}
