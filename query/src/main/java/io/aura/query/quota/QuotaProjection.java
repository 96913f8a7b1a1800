package io.aura.query.quota;

import io.aura.kernel.quota.Charge;
import io.aura.kernel.quota.QuotaEvents.QuotaDefined;
import io.aura.kernel.quota.QuotaEvents.QuotaMoveReserved;
import io.aura.kernel.quota.QuotaEvents.QuotaReleased;
import io.aura.kernel.quota.QuotaEvents.QuotaRemoved;
import io.aura.kernel.quota.QuotaEvents.QuotaReserved;
import io.aura.kernel.quota.QuotaQueries.FindApplicableQuotas;
import io.aura.kernel.quota.QuotaQueries.FindQuota;
import io.aura.kernel.quota.QuotaQueries.FindQuotaCharges;
import io.aura.kernel.quota.QuotaQueries.FindQuotas;
import io.aura.kernel.quota.QuotaQueries.QuotaView;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** Quota definitions and the dates each person's ledger counts (ADR 0034), folded by {@link QuotaFold}. */
@Component
@ProcessingGroup(QuotaProjection.PROCESSING_GROUP)
public class QuotaProjection {
    public static final String PROCESSING_GROUP = "quotas";

    private final QuotaStore store;
    private final QueryUpdateEmitter emitter;

    public QuotaProjection(QuotaStore store, QueryUpdateEmitter emitter) {
        this.store = store;
        this.emitter = emitter;
    }

    @EventHandler
    void on(QuotaDefined event) {
        QuotaView quota = QuotaFold.defined(event);
        store.save(quota);
        emitter.emit(FindQuota.class, q -> q.quotaId().equals(quota.quotaId()), quota);
    }

    @EventHandler
    void on(QuotaRemoved event) {
        store.remove(event.quotaId()); // whoever removed it reads until it is gone
    }

    @EventHandler
    void on(QuotaReserved event) {
        store.saveCharges(event.username(), event.bookingId(), event.charges());
    }

    @EventHandler
    void on(QuotaMoveReserved event) {
        store.saveCharges(event.username(), event.bookingId(),
                QuotaFold.moveReserved(store.chargesOf(event.username(), event.bookingId()), event));
    }

    @EventHandler
    void on(QuotaReleased event) {
        store.saveCharges(event.username(), event.bookingId(),
                QuotaFold.released(store.chargesOf(event.username(), event.bookingId()), event));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    @QueryHandler
    List<QuotaView> handle(FindQuotas query) {
        return store.quotas();
    }

    @QueryHandler
    Optional<QuotaView> handle(FindQuota query) {
        return store.quota(query.quotaId());
    }

    @QueryHandler
    List<QuotaView> handle(FindApplicableQuotas query) {
        return store.quotas().stream().filter(q -> q.spec().appliesTo(query.username(), query.roles())
                && q.spec().covers(query.resourceId(), query.category())).toList();
    }

    @QueryHandler
    List<Charge> handle(FindQuotaCharges query) {
        return store.chargesOf(query.username());
    }
}
