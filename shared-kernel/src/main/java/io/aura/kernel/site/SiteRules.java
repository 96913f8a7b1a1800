package io.aura.kernel.site;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TextPolicy;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What a site and a travel time must be, checked by the aggregates however the command arrives. */
public final class SiteRules {
    /** A day: nobody books a meeting a day's travel away and expects a warning to help. */
    public static final int MAX_TRAVEL_MINUTES = 24 * 60;

    private SiteRules() {}

    public static List<FieldViolation> violations(String name, String timeZone) {
        List<FieldViolation> out = new ArrayList<>();
        if (name == null || name.isBlank()) {
            out.add(FieldViolation.of("name", Rule.NOT_BLANK));
        } else {
            TextPolicy.line("name", name, 120).ifPresent(out::add);
        }
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            out.add(FieldViolation.of("timeZone", Rule.TIME_ZONE));
        }
        return out;
    }

    public static List<FieldViolation> travelViolations(String fromSiteId, String toSiteId, Integer minutes) {
        List<FieldViolation> out = new ArrayList<>();
        if (fromSiteId == null || fromSiteId.isBlank()) {
            out.add(FieldViolation.of("fromSiteId", Rule.REQUIRED));
        }
        if (toSiteId == null || toSiteId.isBlank()) {
            out.add(FieldViolation.of("toSiteId", Rule.REQUIRED));
        } else if (toSiteId.equals(fromSiteId)) {
            out.add(FieldViolation.of("toSiteId", Rule.TRAVEL_TO_ITSELF));
        }
        if (minutes == null || minutes < 0 || minutes > MAX_TRAVEL_MINUTES) {
            out.add(FieldViolation.of("minutes", Rule.TRAVEL_MINUTES_RANGE, MAX_TRAVEL_MINUTES));
        }
        return out;
    }
}
