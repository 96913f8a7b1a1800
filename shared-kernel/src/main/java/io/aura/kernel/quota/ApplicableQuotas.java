package io.aura.kernel.quota;

import io.aura.kernel.quota.QuotaQueries.QuotaView;
import io.aura.kernel.schedule.TimeRange;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * The quotas that limit one booking request and the zone its weeks and months are counted in (its resource's),
 * looked up where the request entered (ADR 0034) and carried with it, so the booking saga decides from the
 * event alone and never queries a view. {@link #NONE} for most requests, and for events from before it.
 */
public record ApplicableQuotas(List<QuotaView> quotas, String zone) {
    public static final ApplicableQuotas NONE = new ApplicableQuotas(List.of(), null);

    public ApplicableQuotas {
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
        // a resource's zone was checked when it was registered: this only guards the saga against a bad one
        zone = readable(zone) ? zone : "UTC";
    }

    public static ApplicableQuotas of(List<QuotaView> quotas, String zone) {
        return quotas == null || quotas.isEmpty() ? NONE : new ApplicableQuotas(quotas, zone);
    }

    private static boolean readable(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Nothing to count: the request goes straight to the schedule. */
    public boolean limitNothing() {
        return quotas.isEmpty();
    }

    /** Each date of the booking as its person's ledger counts it, with its week and month in the zone. */
    public List<Charge> charges(String bookingId, String resourceId, List<TimeRange> occurrences) {
        return charges(bookingId, resourceId, null, occurrences);
    }

    /** As above, for a booking of {@code category} (null: none), which a category's quota counts (ADR 0040). */
    public List<Charge> charges(String bookingId, String resourceId, String category, List<TimeRange> occurrences) {
        ZoneId in = ZoneId.of(zone);
        return occurrences.stream().map(o -> Charge.of(bookingId, resourceId, category, o, in)).toList();
    }
}
