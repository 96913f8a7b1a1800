package io.aura.kernel.quota;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Optional;

/**
 * The span a quota counts over, named as ISO-8601 durations in the API: an ISO week (Monday to Sunday) or a
 * calendar month, both in the local time of the resource a booking is on (ADR 0034).
 */
public enum QuotaPeriod {
    P1W,
    P1M;

    /** The period {@code at} falls in, in {@code zone}: {@code 2026-W50} or {@code 2026-12}. */
    public String keyOf(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return switch (this) {
            case P1W -> String.format("%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                    local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case P1M -> String.format("%d-%02d", local.getYear(), local.getMonthValue());
        };
    }

    public static Optional<QuotaPeriod> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.name().equals(text)).findFirst();
    }
}
