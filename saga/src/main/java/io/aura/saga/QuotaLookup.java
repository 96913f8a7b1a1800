package io.aura.saga;

import io.aura.kernel.quota.QuotaQueries.QuotaView;
import java.time.ZoneId;
import java.util.List;

/**
 * What the saga reads before it counts a request against a quota (ADR 0034): the quotas that limit this
 * person on this resource, and the resource's zone, which the weeks and months are counted in. The app
 * answers from the read side (the quota and resource views).
 */
public interface QuotaLookup {

    /** The quotas that limit this person's booking on this resource; empty for most requests. */
    List<QuotaView> applicable(String username, List<String> roles, String resourceId);

    /** The resource's time zone (UTC when it is unknown). */
    ZoneId zoneOf(String resourceId);
}
