package io.aura.saga;

import io.aura.kernel.quota.QuotaQueries.QuotaView;
import java.time.ZoneId;
import java.util.List;

/** Quota lookups for saga fixtures: the quotas and the zone the read side would answer with. */
final class QuotaLookups {
    private QuotaLookups() {}

    static QuotaLookup none() {
        return of(List.of(), ZoneId.of("UTC"));
    }

    static QuotaLookup of(List<QuotaView> quotas, ZoneId zone) {
        return new QuotaLookup() {
            @Override
            public List<QuotaView> applicable(String username, List<String> roles, String resourceId) {
                return quotas.stream().filter(q -> q.spec().appliesTo(username, roles)
                        && q.spec().covers(resourceId, null)).toList();
            }

            @Override
            public ZoneId zoneOf(String resourceId) {
                return zone;
            }
        };
    }
}
