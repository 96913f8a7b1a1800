package io.aura.kernel.quota;

import io.aura.kernel.quota.QuotaLedgerRules.QuotaUsage;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import java.util.Collection;
import java.util.List;

/** Quotas for the HTTP API and the web UI alike (ADR 0034); implemented in the app, over commands and views. */
public interface Quotas {

    /**
     * Defines a quota and answers it once the view shows it.
     *
     * @throws io.aura.kernel.validation.InvalidInputException naming each bad field; nothing is recorded
     */
    QuotaView define(QuotaSpec spec);

    List<QuotaView> all();

    /** False when there is no such quota (never defined, or removed already). */
    boolean remove(String quotaId);

    /**
     * The quotas that limit this person's booking on this resource (none for most requests), for the entry point
     * to carry in the request: the saga that counts it never queries a view (ADR 0034).
     */
    List<QuotaView> applicableTo(String username, Collection<String> roles, String resourceId, String category);

    /** As above, for a booking without a category. */
    default List<QuotaView> applicableTo(String username, Collection<String> roles, String resourceId) {
        return applicableTo(username, roles, resourceId, null);
    }

    /** The quotas that limit this person and what their current periods hold. */
    List<QuotaUsage> usageOf(String username, Collection<String> roles);
}
