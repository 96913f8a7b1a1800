package io.aura.kernel.booking;

import io.aura.kernel.schedule.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How good a free slot is for someone who asked "when can I have a room for this?", as pure
 * functions: a score in [0, 1] with the reasons behind it ({@link Reason} values), and the pick of the best few. Four
 * named policies, weighted: soon (earlier in the asked window), quiet (the resource was little
 * used at that local weekday and hour in the past weeks: less contention around it), fit (the
 * smallest resource that seats everyone) and working hours (Mon–Fri 08:00–18:00 in the resource's
 * zone). Asked for a slot near a wanted start (a refused move), closeness replaces "soon" and
 * weighs most. Where the learned {@link ContentionModel} is trained, its prediction replaces the
 * raw history in "quiet".
 */
public final class SlotRanking {
    static final double SOON = 0.35;
    /** Moving a booking: closeness to the wanted start counts for most (weights are normalised). */
    static final double NEAR = 1.0;
    static final double QUIET = 0.25;
    static final double FIT = 0.20;
    static final double WORKING_HOURS = 0.20;
    static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(18, 0);

    private SlotRanking() {}

    /** What is known about one free slot. {@code usualUtilization}: share booked at that local hour lately, null if unknown. */
    public record SlotFacts(String resourceId, TimeRange slot, TimeRange window, ZoneId zone, int capacity,
                            int attendees, Double usualUtilization, java.time.Instant near, Double predictedContention) {
        public SlotFacts(String resourceId, TimeRange slot, TimeRange window, ZoneId zone, int capacity, int attendees,
                         Double usualUtilization, java.time.Instant near) {
            this(resourceId, slot, window, zone, capacity, attendees, usualUtilization, near, null);
        }
    }

    /** A slot to offer: free when computed, with its score and why (each edge words the reasons, ADR 0054). */
    public record RankedSlot(String resourceId, java.time.Instant start, java.time.Instant end, double score,
                             List<Reason> reasons) {}

    public static RankedSlot score(SlotFacts f) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(ReasonCode.FREE));
        double soon = f.near() == null ? soon(f.slot(), f.window()) : near(f.slot(), f.window(), f.near());
        double quiet = quiet(f.predictedContention() != null ? f.predictedContention() : f.usualUtilization());
        if (f.predictedContention() != null) {
            long percent = Math.round(f.predictedContention() * 100);
            reasons.add(Reason.of(percent <= 25 ? ReasonCode.LIKELY_QUIET : percent >= 60 ? ReasonCode.LIKELY_CONTENDED
                    : ReasonCode.SOMETIMES_TAKEN, percent));
        } else if (f.usualUtilization() != null) {
            long percent = Math.round(f.usualUtilization() * 100);
            if (percent <= 25) {
                reasons.add(Reason.of(ReasonCode.USUALLY_QUIET, percent));
            } else if (percent >= 60) {
                reasons.add(Reason.of(ReasonCode.OFTEN_BUSY, percent));
            }
        }
        double fit = fit(f.capacity(), f.attendees());
        reasons.add(Reason.of(ReasonCode.SEATS, f.capacity(), f.attendees()));
        boolean working = inWorkingHours(f.slot(), f.zone());
        if (working) {
            reasons.add(Reason.of(ReasonCode.WORKING_HOURS, f.zone().getId()));
        }
        double timing = f.near() == null ? SOON : NEAR;
        double score = (timing * soon + QUIET * quiet + FIT * fit + WORKING_HOURS * (working ? 1 : 0))
                / (timing + QUIET + FIT + WORKING_HOURS);
        return new RankedSlot(f.resourceId(), f.slot().start(), f.slot().end(), Math.round(score * 1000) / 1000.0,
                List.copyOf(reasons));
    }

    /** 1 at the start of the window, falling linearly to 0 at its end. */
    static double soon(TimeRange slot, TimeRange window) {
        double span = Duration.between(window.start(), window.end()).toMillis();
        double into = Duration.between(window.start(), slot.start()).toMillis();
        return span <= 0 ? 1 : Math.max(0, Math.min(1, 1 - into / span));
    }

    /** 1 at the wanted start, falling linearly with the distance from it (a window's length away: 0). */
    static double near(TimeRange slot, TimeRange window, java.time.Instant wanted) {
        double span = Duration.between(window.start(), window.end()).toMillis();
        double away = Math.abs(Duration.between(wanted, slot.start()).toMillis());
        return span <= 0 ? 1 : Math.max(0, 1 - away / span);
    }

    /** 1 where nothing was booked at that hour lately; without history, neutral. */
    static double quiet(Double usualUtilization) {
        return usualUtilization == null ? 0.5 : 1 - Math.max(0, Math.min(1, usualUtilization));
    }

    /** 1 when every seat is used; a hall for two scores low. */
    static double fit(int capacity, int attendees) {
        return capacity <= 0 ? 0 : Math.min(1, Math.max(1, attendees) / (double) capacity);
    }

    static boolean inWorkingHours(TimeRange slot, ZoneId zone) {
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        DayOfWeek day = start.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && start.toLocalDate().equals(end.toLocalDate())
                && !start.toLocalTime().isBefore(DAY_STARTS) && !end.toLocalTime().isAfter(DAY_ENDS);
    }

    /**
     * The best {@code count}, best first (then earlier, then by resource), never two overlapping
     * slots of one resource: a list of 09:00, 09:15, 09:30 in one room offers one choice, not three.
     */
    public static List<RankedSlot> best(List<RankedSlot> ranked, int count) {
        List<RankedSlot> sorted = new ArrayList<>(ranked);
        sorted.sort(Comparator.comparingDouble(RankedSlot::score).reversed()
                .thenComparing(RankedSlot::start).thenComparing(RankedSlot::resourceId));
        List<RankedSlot> out = new ArrayList<>();
        for (RankedSlot candidate : sorted) {
            if (out.size() >= count) {
                break;
            }
            TimeRange range = new TimeRange(candidate.start(), candidate.end());
            boolean overlapsChosen = out.stream().anyMatch(c -> c.resourceId().equals(candidate.resourceId())
                    && new TimeRange(c.start(), c.end()).overlaps(range));
            if (!overlapsChosen) {
                out.add(candidate);
            }
        }
        return out;
    }
}
