package io.aura.kernel.quota;

import java.util.List;

/** What the read side knows of quotas: their definitions and, per person, the dates their ledger counts. */
public final class QuotaQueries {
    private QuotaQueries() {}

    /** A defined quota. */
    public record QuotaView(String quotaId, QuotaSpec spec) {}

    /** Answers {@code List<QuotaView>}: every quota, in the order they were defined. */
    public record FindQuotas() {}

    /** Answers {@code Optional<QuotaView>}; also a subscription query (read your writes). */
    public record FindQuota(String quotaId) {}

    /**
     * Answers {@code List<QuotaView>}: the quotas that limit this person's booking on this resource (none for
     * most requests, which then skip the ledger).
     */
    public record FindApplicableQuotas(String username, List<String> roles, String resourceId, String category) {
        /** {@code category}: the booking's (null: none); a category's quota applies only to its bookings. */
        public FindApplicableQuotas {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public FindApplicableQuotas(String username, List<String> roles, String resourceId) {
            this(username, roles, resourceId, null);
        }
    }

    /** Answers {@code List<Charge>}: the live dates this person's ledger counts. */
    public record FindQuotaCharges(String username) {}
}
