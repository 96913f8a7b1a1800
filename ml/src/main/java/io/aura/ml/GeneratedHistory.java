package io.aura.ml;

import io.aura.kernel.booking.ContentionEvaluation.Candidate;
import io.aura.kernel.booking.ContentionEvaluation.Choice;
import io.aura.kernel.booking.ContentionEvaluation.DatedHour;
import io.aura.kernel.booking.ContentionModel.HourFacts;
import io.aura.kernel.booking.ContentionModel.PastHour;
import io.aura.kernel.booking.SlotRanking.SlotFacts;
import io.aura.kernel.schedule.TimeRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded history with stated behaviours, so that the hold-out's figures mean something (ADR 0050).
 * Three rooms in UTC: A and B seat 8, C seats 12. Each hour is "mostly booked" or not, drawn
 * independently with these chances:
 * <ul>
 *   <li>any room, weekdays 08:00–18:00: 25 % (C: 20 %); nights 2 %; weekends 3 %;</li>
 *   <li>room A is busy Tuesday and Thursday 09:00–11:00: 90 %;</li>
 *   <li>a group prefers afternoons, and meets in C: C weekdays 13:00–17:00, 55 %;</li>
 *   <li>a new team arrives in week {@link #DRIFT_WEEK}: from then on B's Wednesdays 09:00–12:00, 85 %
 *       (the past frequency of those hours lags behind; the last four weeks do not).</li>
 * </ul>
 * Each weekday twenty people ask for room A at an hour drawn uniformly from 08:00–17:00, for six
 * attendees. Asked for an hour A already has, they are refused and then book, from the hours of
 * that day still free (08:00–18:00, every room): the same time in another room 70 % of the time
 * (B or C, whichever is free, at random if both); otherwise, if they are of the afternoon group
 * (half of them), the earliest free afternoon hour (13:00–17:00) of A; otherwise the next free hour
 * of A after the one refused. Where none of those is free, nothing is recorded. Their bookings do
 * not change the occupancy above (it is drawn, not simulated).
 * <p>
 * What this can show: whether the evaluation machinery computes what it claims, and whether a
 * model or a ranker picks up behaviours of this kind and size. What it cannot show: how well either
 * does on an organisation's real history, whose behaviours are neither stated nor stationary.
 */
public final class GeneratedHistory {
    public static final List<String> ROOMS = List.of("A", "B", "C");
    public static final int DRIFT_WEEK = 8;
    /** Weeks drawn before the first week reported, so that every reported hour has four weeks before it. */
    static final int LOOKBACK_WEEKS = 4;
    static final int REQUESTS_PER_WEEKDAY = 20;
    static final int ATTENDEES = 6;

    private final List<DatedHour> hours;
    private final List<Choice> choices;
    private final boolean[][][] booked; // [room][day since the lookback began][hour]
    private final LocalDate drawnFrom;

    private GeneratedHistory(List<DatedHour> hours, List<Choice> choices, boolean[][][] booked, LocalDate drawnFrom) {
        this.hours = hours;
        this.choices = choices;
        this.booked = booked;
        this.drawnFrom = drawnFrom;
    }

    /** {@code weeks} weeks from the Monday {@code firstMonday}, drawn with {@code seed}. */
    public static GeneratedHistory generate(long seed, int weeks, LocalDate firstMonday) {
        if (firstMonday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("firstMonday must be a Monday");
        }
        Random random = new Random(seed);
        LocalDate drawnFrom = firstMonday.minusWeeks(LOOKBACK_WEEKS);
        int days = 7 * (weeks + LOOKBACK_WEEKS);
        boolean[][][] booked = new boolean[ROOMS.size()][days][24];
        for (int d = 0; d < days; d++) {
            LocalDate day = drawnFrom.plusDays(d);
            int week = d / 7 - LOOKBACK_WEEKS;
            for (int r = 0; r < ROOMS.size(); r++) {
                for (int h = 0; h < 24; h++) {
                    booked[r][d][h] = random.nextDouble() < chance(ROOMS.get(r), day.getDayOfWeek(), h, week);
                }
            }
        }
        List<DatedHour> hours = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (int d = 7 * LOOKBACK_WEEKS; d < days; d++) {
            LocalDate day = drawnFrom.plusDays(d);
            for (int r = 0; r < ROOMS.size(); r++) {
                double lately = resourceLately(booked[r], d);
                for (int h = 0; h < 24; h++) {
                    hours.add(new DatedHour(ROOMS.get(r), day, new PastHour(new HourFacts(day.getDayOfWeek().getValue(),
                            h, capacity(r), sameHourLately(booked[r], d, h), lately), booked[r][d][h])));
                }
            }
            if (day.getDayOfWeek().getValue() <= 5) {
                for (int i = 0; i < REQUESTS_PER_WEEKDAY; i++) {
                    int wanted = 8 + random.nextInt(10);
                    if (booked[0][d][wanted]) {
                        choose(random, booked, d, day, wanted).ifPresent(choices::add);
                    }
                }
            }
        }
        return new GeneratedHistory(List.copyOf(hours), List.copyOf(choices), booked, drawnFrom);
    }

    static double chance(String room, DayOfWeek day, int hour, int week) {
        boolean weekday = day.getValue() <= 5;
        boolean working = hour >= 8 && hour < 18;
        if (!weekday) {
            return 0.03;
        }
        if (!working) {
            return 0.02;
        }
        return switch (room) {
            case "A" -> (day == DayOfWeek.TUESDAY || day == DayOfWeek.THURSDAY) && hour >= 9 && hour < 11 ? 0.9 : 0.25;
            case "B" -> week >= DRIFT_WEEK && day == DayOfWeek.WEDNESDAY && hour >= 9 && hour < 12 ? 0.85 : 0.25;
            default -> hour >= 13 && hour < 17 ? 0.55 : 0.20;
        };
    }

    private static java.util.Optional<Choice> choose(Random random, boolean[][][] booked, int d, LocalDate day,
                                                     int refused) {
        List<Candidate> candidates = new ArrayList<>();
        TimeRange window = new TimeRange(at(day, 8), at(day, 18));
        for (int r = 0; r < ROOMS.size(); r++) {
            double lately = resourceLately(booked[r], d);
            for (int h = 8; h < 18; h++) {
                if (!booked[r][d][h]) {
                    double usual = sameHourLately(booked[r], d, h);
                    candidates.add(new Candidate(new SlotFacts(ROOMS.get(r), new TimeRange(at(day, h), at(day, h + 1)),
                            window, ZoneOffset.UTC, capacity(r), ATTENDEES, usual, at(day, refused)),
                            new HourFacts(day.getDayOfWeek().getValue(), h, capacity(r), usual, lately)));
                }
            }
        }
        double behaviour = random.nextDouble();
        boolean afternoonGroup = random.nextBoolean();
        String room = null;
        int hour = -1;
        if (behaviour < 0.7) {
            List<Integer> elsewhere = new ArrayList<>();
            for (int r = 1; r < ROOMS.size(); r++) {
                if (!booked[r][d][refused]) {
                    elsewhere.add(r);
                }
            }
            if (!elsewhere.isEmpty()) {
                room = ROOMS.get(elsewhere.get(random.nextInt(elsewhere.size())));
                hour = refused;
            }
        } else {
            int from = afternoonGroup ? 13 : refused + 1;
            int to = afternoonGroup ? 17 : 18;
            for (int h = from; h < to && room == null; h++) {
                if (!booked[0][d][h]) {
                    room = "A";
                    hour = h;
                }
            }
        }
        return room == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Choice(day, candidates, room, at(day, hour)));
    }

    /** That weekday and hour over the four weeks before (the share of them booked). */
    private static double sameHourLately(boolean[][] room, int d, int hour) {
        int n = 0;
        int booked = 0;
        for (int back = d - 7; back >= Math.max(0, d - 7 * LOOKBACK_WEEKS); back -= 7) {
            n++;
            booked += room[back][hour] ? 1 : 0;
        }
        return n == 0 ? 0 : booked / (double) n;
    }

    /** The room over every hour of the four weeks before. */
    private static double resourceLately(boolean[][] room, int d) {
        int n = 0;
        int booked = 0;
        for (int back = Math.max(0, d - 7 * LOOKBACK_WEEKS); back < d; back++) {
            for (int h = 0; h < 24; h++) {
                n++;
                booked += room[back][h] ? 1 : 0;
            }
        }
        return n == 0 ? 0 : booked / (double) n;
    }

    private static int capacity(int room) {
        return ROOMS.get(room).equals("C") ? 12 : 8;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atStartOfDay().plusHours(hour).toInstant(ZoneOffset.UTC);
    }

    public List<DatedHour> hours() {
        return hours;
    }

    public List<Choice> choices() {
        return choices;
    }

    /** Whether {@code room} was mostly booked at {@code hour} of {@code day} (lookback weeks included). */
    public boolean booked(String room, LocalDate day, int hour) {
        return booked[ROOMS.indexOf(room)][(int) java.time.temporal.ChronoUnit.DAYS.between(drawnFrom, day)][hour];
    }

    /**
     * Up to {@code count} candidate slots as one search over the history's last week would offer them:
     * the free hours 08:00–18:00 of every room, day by day, each with what the model would be asked.
     */
    public List<Candidate> candidates(int count) {
        int days = booked[0].length;
        int first = days - 7;
        LocalDate monday = drawnFrom.plusDays(first);
        TimeRange window = new TimeRange(at(monday, 0), at(monday.plusDays(7), 0));
        List<Candidate> out = new ArrayList<>();
        for (int d = first; d < days; d++) {
            LocalDate day = drawnFrom.plusDays(d);
            for (int r = 0; r < ROOMS.size(); r++) {
                double lately = resourceLately(booked[r], d);
                for (int h = 8; h < 18 && out.size() < count; h++) {
                    if (!booked[r][d][h]) {
                        double usual = sameHourLately(booked[r], d, h);
                        out.add(new Candidate(new SlotFacts(ROOMS.get(r), new TimeRange(at(day, h), at(day, h + 1)),
                                window, ZoneOffset.UTC, capacity(r), ATTENDEES, usual, null),
                                new HourFacts(day.getDayOfWeek().getValue(), h, capacity(r), usual, lately)));
                    }
                }
            }
        }
        return out;
    }
}
