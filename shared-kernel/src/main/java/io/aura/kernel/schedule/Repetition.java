package io.aura.kernel.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A repetition as people choose it ("weekly on Wed, 6 times", "monthly on the last Friday until 30 June")
 * and the RFC 5545 RRULE it stands for: {@link #rrule} writes it, {@link #read} reads a rule back when it
 * says no more than this can (anything else stays a raw rule). Whether a rule may be booked is
 * {@link Recurrence}'s decision (its guards on count and span); this only translates.
 *
 * <p>Days are the resource's days: a rule is expanded in the resource's zone, so the weekday and the day
 * of the month are those of the start there, and an end date ends at midnight there.
 *
 * @param interval every how many days, weeks or months (1 = every); as typed, for {@link Recurrence} to judge
 * @param weekdays the days of a weekly repetition (empty otherwise)
 * @param monthlyOn the day of a monthly repetition (null otherwise)
 * @param end after how many dates or on which date it ends; null for a rule without end (which
 *     {@link Recurrence} refuses, naming what is missing)
 */
public record Repetition(Frequency frequency, int interval, Set<DayOfWeek> weekdays, MonthlyOn monthlyOn, End end) {

    public enum Frequency {
        NONE,
        DAILY,
        WEEKLY,
        MONTHLY
    }

    /** Which day of the month a monthly repetition falls on. */
    public sealed interface MonthlyOn {
        /** Day 1 to 31 of each month; a month without that day has no date then (RFC 5545 skips it). */
        record Day(int day) implements MonthlyOn {
            public Day {
                if (day < 1 || day > 31) {
                    throw new IllegalArgumentException("a day of the month is 1 to 31, not " + day);
                }
            }
        }

        /** The last day of each month (28th to 31st). */
        record LastDay() implements MonthlyOn {}

        /** The 1st to 4th {@code day} of each month, or the last one: {@code ordinal} -1. */
        record Weekday(int ordinal, DayOfWeek day) implements MonthlyOn {
            public Weekday {
                Objects.requireNonNull(day, "day");
                if (ordinal != LAST && (ordinal < 1 || ordinal > 4)) {
                    throw new IllegalArgumentException("a weekday's ordinal is 1 to 4 or last (-1), not " + ordinal);
                }
            }
        }

        int LAST = -1;

        /** The monthly choices a start date offers: its day, its weekday's ordinal, and the last ones where it is last. */
        static List<MonthlyOn> offeredFor(LocalDate start) {
            List<MonthlyOn> offered = new ArrayList<>();
            offered.add(new Day(start.getDayOfMonth()));
            int ordinal = (start.getDayOfMonth() - 1) / 7 + 1;
            if (ordinal <= 4) {
                offered.add(new Weekday(ordinal, start.getDayOfWeek()));
            }
            if (start.plusWeeks(1).getMonth() != start.getMonth()) {
                offered.add(new Weekday(LAST, start.getDayOfWeek()));
            }
            if (start.plusDays(1).getMonth() != start.getMonth()) {
                offered.add(new LastDay());
            }
            return offered;
        }
    }

    /** How a repetition ends. */
    public sealed interface End {
        /** After {@code count} dates (the first included); {@link Recurrence} says how many it holds. */
        record After(int count) implements End {}

        /** With the last date on or before {@code lastDate}, in the resource's zone. */
        record On(LocalDate lastDate) implements End {
            public On {
                Objects.requireNonNull(lastDate, "lastDate");
            }
        }
    }

    /** Booked once. */
    public static final Repetition NONE = new Repetition(Frequency.NONE, 1, Set.of(), null, null);

    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());

    public Repetition {
        Objects.requireNonNull(frequency, "frequency");
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        if (frequency == Frequency.WEEKLY && weekdays.isEmpty()) {
            throw new IllegalArgumentException("a weekly repetition names at least one day");
        }
        if (frequency != Frequency.WEEKLY && !weekdays.isEmpty()) {
            throw new IllegalArgumentException("only a weekly repetition names weekdays");
        }
        if ((frequency == Frequency.MONTHLY) != (monthlyOn != null)) {
            throw new IllegalArgumentException("a monthly repetition, and only it, names its day of the month");
        }
        if (frequency == Frequency.NONE && (interval != 1 || end != null)) {
            throw new IllegalArgumentException("what does not repeat has no interval and no end");
        }
    }

    public static Repetition daily(int interval, End end) {
        return new Repetition(Frequency.DAILY, interval, Set.of(), null, end);
    }

    public static Repetition weekly(int interval, Set<DayOfWeek> days, End end) {
        return new Repetition(Frequency.WEEKLY, interval, days, null, end);
    }

    public static Repetition monthly(int interval, MonthlyOn on, End end) {
        return new Repetition(Frequency.MONTHLY, interval, Set.of(), on, end);
    }

    public boolean repeats() {
        return frequency != Frequency.NONE;
    }

    /** The weekdays in the order of the week, Monday first. */
    public List<DayOfWeek> weekdaysInOrder() {
        return WEEK.stream().filter(weekdays::contains).toList();
    }

    /**
     * The rule, e.g. {@code RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6}; empty for {@link #NONE}. An end date
     * becomes the last second of that day in {@code zone} (the resource's), in UTC as RFC 5545 requires
     * when the first date has a time and a zone.
     */
    public String rrule(ZoneId zone) {
        if (!repeats()) {
            return "";
        }
        StringBuilder rule = new StringBuilder("RRULE:FREQ=").append(frequency.name());
        if (interval != 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (frequency == Frequency.WEEKLY) {
            rule.append(";BYDAY=").append(weekdaysInOrder().stream().map(Repetition::code).collect(Collectors.joining(",")));
        }
        switch (monthlyOn) {
            case MonthlyOn.Day d -> rule.append(";BYMONTHDAY=").append(d.day());
            case MonthlyOn.LastDay l -> rule.append(";BYMONTHDAY=-1");
            case MonthlyOn.Weekday w -> rule.append(";BYDAY=").append(w.ordinal()).append(code(w.day()));
            case null -> { }
        }
        switch (end) {
            case End.After a -> rule.append(";COUNT=").append(a.count());
            case End.On o -> rule.append(";UNTIL=").append(UTC_STAMP.format(endOfDay(o.lastDate(), zone)));
            case null -> { }
        }
        return rule.toString();
    }

    /**
     * The repetition {@code rrule} says, read as the editor shows it, or empty when it says more than a
     * repetition can (yearly, BYSETPOS, an end at another moment than the end of a day, ...): such a rule
     * stays as it is written. A weekly or monthly rule without days repeats on {@code first}'s.
     *
     * @param first the first date's start in the resource's zone
     */
    public static Optional<Repetition> read(String rrule, ZonedDateTime first) {
        if (rrule == null || rrule.isBlank()) {
            return Optional.of(NONE);
        }
        String body = rrule.strip();
        if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
            body = body.substring(6);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : body.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq < 1 || parts.put(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1)) != null) {
                return Optional.empty();
            }
        }
        try {
            return Optional.ofNullable(read(parts, first));
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Repetition read(Map<String, String> parts, ZonedDateTime first) {
        Frequency frequency = switch (String.valueOf(parts.remove("FREQ")).toUpperCase(Locale.ROOT)) {
            case "DAILY" -> Frequency.DAILY;
            case "WEEKLY" -> Frequency.WEEKLY;
            case "MONTHLY" -> Frequency.MONTHLY;
            default -> null;
        };
        String wkst = parts.remove("WKST");
        int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.remove("INTERVAL")) : 1;
        End end = readEnd(parts.remove("COUNT"), parts.remove("UNTIL"), first.getZone());
        String byDay = parts.remove("BYDAY");
        String byMonthDay = parts.remove("BYMONTHDAY");
        if (frequency == null || !parts.isEmpty() || (wkst != null && !wkst.equalsIgnoreCase("MO"))) {
            return null;
        }
        return switch (frequency) {
            case DAILY -> byDay == null && byMonthDay == null ? daily(interval, end) : null;
            case WEEKLY -> {
                if (byMonthDay != null) {
                    yield null;
                }
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String code : byDay == null ? new String[] {code(first.getDayOfWeek())} : byDay.split(",", -1)) {
                    days.add(day(code));
                }
                yield weekly(interval, days, end);
            }
            case MONTHLY -> {
                if (byDay != null && byMonthDay != null) {
                    yield null;
                }
                MonthlyOn on;
                if (byMonthDay != null) {
                    int day = Integer.parseInt(byMonthDay);
                    on = day == -1 ? new MonthlyOn.LastDay() : new MonthlyOn.Day(day);
                } else if (byDay != null) {
                    // "2TU", "+2TU", "-1FR": exactly one weekday with its ordinal
                    String ordinal = byDay.substring(0, byDay.length() - 2);
                    on = new MonthlyOn.Weekday(Integer.parseInt(ordinal), day(byDay.substring(byDay.length() - 2)));
                } else {
                    on = new MonthlyOn.Day(first.getDayOfMonth());
                }
                yield monthly(interval, on, end);
            }
            case NONE -> null;
        };
    }

    private static End readEnd(String count, String until, ZoneId zone) {
        if (count != null && until != null) {
            throw new IllegalArgumentException("COUNT and UNTIL both");
        }
        if (count != null) {
            return new End.After(Integer.parseInt(count));
        }
        if (until == null) {
            return null;
        }
        // only the end of a day in the resource's zone is a date; any other moment stays a raw rule
        LocalDateTime utc;
        try {
            utc = LocalDateTime.parse(until.toUpperCase(Locale.ROOT), UTC_STAMP);
        } catch (DateTimeParseException notUtc) {
            throw new IllegalArgumentException("UNTIL is not a UTC date-time", notUtc);
        }
        LocalDate lastDate = utc.atZone(ZoneOffset.UTC).withZoneSameInstant(zone).toLocalDate();
        if (!endOfDay(lastDate, zone).toLocalDateTime().equals(utc)) {
            throw new IllegalArgumentException("UNTIL is not the end of a day in " + zone);
        }
        return new End.On(lastDate);
    }

    /** The last second of {@code date} in {@code zone}, in UTC. */
    private static ZonedDateTime endOfDay(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).minusSeconds(1).withZoneSameInstant(ZoneOffset.UTC);
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static DayOfWeek day(String code) {
        return WEEK.stream().filter(d -> code(d).equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no weekday " + code));
    }
}
