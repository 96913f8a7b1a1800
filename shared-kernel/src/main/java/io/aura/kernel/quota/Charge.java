package io.aura.kernel.quota;

import io.aura.kernel.schedule.TimeRange;
import java.time.ZoneId;

/**
 * One booked date as a person's quota ledger counts it: its booking, resource and category (null: none), its
 * time, and the week and month it falls in, in its resource's zone (worked out once, when it is reserved).
 */
public record Charge(String bookingId, String resourceId, String category, TimeRange occurrence, String zone,
                     String week, String month) {

    public static Charge of(String bookingId, String resourceId, String category, TimeRange occurrence, ZoneId zone) {
        return new Charge(bookingId, resourceId, category, occurrence, zone.getId(),
                QuotaPeriod.P1W.keyOf(occurrence.start(), zone), QuotaPeriod.P1M.keyOf(occurrence.start(), zone));
    }

    public String periodKey(QuotaPeriod period) {
        return period == QuotaPeriod.P1W ? week : month;
    }

    public long minutes() {
        return occurrence.duration().toMinutes();
    }

    public long amount(QuotaMeasure measure) {
        return measure == QuotaMeasure.BOOKINGS ? 1 : minutes();
    }
}
