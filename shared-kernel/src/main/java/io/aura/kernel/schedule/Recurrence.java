package io.aura.kernel.schedule;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Expands an RFC 5545 RRULE into occurrences, in the resource's own time zone: a weekly 09:00
 * stays 09:00 local across a daylight-saving change (lib-recur computes in local time). A series
 * is bounded: at most {@value #MAX_OCCURRENCES} occurrences within {@value #MAX_DAYS} days.
 */
public final class Recurrence {
    public static final int MAX_OCCURRENCES = 500;
    public static final int MAX_DAYS = 731;

    private Recurrence() {}

    public record Expansion(List<TimeRange> occurrences, List<FieldViolation> violations) {}

    public static Expansion expand(String rrule, TimeRange first, ZoneId zone) {
        String body = rrule.trim();
        if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
            body = body.substring(6);
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(body, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            return invalid(Rule.RRULE_INVALID, e.getMessage());
        }
        Duration length = first.duration();
        Instant limit = first.start().plus(Duration.ofDays(MAX_DAYS));
        // an INTERVAL whose second date lies past the limit: said before lib-recur overflows on it and spins
        Integer count = rule.getCount();
        if (approximateStep(rule).multipliedBy(Math.max(1, rule.getInterval())).toDays() > MAX_DAYS
                && (count == null || count > 1)) {
            return invalid(Rule.RRULE_BEYOND_LIMIT, MAX_DAYS);
        }
        List<TimeRange> occurrences = new ArrayList<>();
        try {
            RecurrenceRuleIterator it = rule.iterator(first.start().toEpochMilli(), TimeZone.getTimeZone(zone));
            while (it.hasNext()) {
                Instant start = Instant.ofEpochMilli(it.nextMillis());
                if (start.isAfter(limit)) {
                    return invalid(rule.isInfinite() ? Rule.RRULE_ENDLESS : Rule.RRULE_BEYOND_LIMIT, MAX_DAYS);
                }
                if (occurrences.size() == MAX_OCCURRENCES) {
                    return invalid(Rule.RRULE_TOO_MANY, MAX_OCCURRENCES);
                }
                occurrences.add(new TimeRange(start, start.plus(length)));
            }
        } catch (RuntimeException e) {
            // lib-recur gives up on rules whose dates cannot exist (February 31st, a 500th Monday): the caller's mistake
            return invalid(Rule.RRULE_IMPOSSIBLE_DATES, e.getMessage());
        }
        if (occurrences.isEmpty()) {
            return invalid(Rule.RRULE_EMPTY);
        }
        return new Expansion(occurrences, List.of());
    }

    /** The shortest span one step of the rule's frequency can take. */
    private static Duration approximateStep(RecurrenceRule rule) {
        return switch (rule.getFreq()) {
            case SECONDLY -> Duration.ofSeconds(1);
            case MINUTELY -> Duration.ofMinutes(1);
            case HOURLY -> Duration.ofHours(1);
            case DAILY -> Duration.ofDays(1);
            case WEEKLY -> Duration.ofDays(7);
            case MONTHLY -> Duration.ofDays(28);
            case YEARLY -> Duration.ofDays(365);
        };
    }

    private static Expansion invalid(Rule broken, Object... arguments) {
        return new Expansion(List.of(), List.of(FieldViolation.of("recurrence", broken, arguments)));
    }
}
