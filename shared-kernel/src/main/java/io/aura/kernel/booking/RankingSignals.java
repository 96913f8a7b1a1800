package io.aura.kernel.booking;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What the organisation's history says about booking a resource at a local weekday and hour, for a
 * requester group (ADR 0049): how often a request there was approved and how fast, how often a held
 * booking was released unused (cancelled before it began, or a no-show), and what people refused
 * there took instead. Learned by a fold over the recorded events; read by {@link SlotRanker}.
 * Tallies are kept at four levels (hour and group, hour, group, the resource as a whole) and each
 * signal is read at the most specific level with enough samples: one rejected Tuesday says little.
 */
public record RankingSignals(Map<Key, Tally> tallies) {
    /** Fewer samples than this at a level say nothing; the next, wider level is asked. */
    public static final int MIN_SAMPLES = 3;
    /** {@code dayOfWeek} and {@code hour} of this value, or a null {@code group}, mean "any". */
    public static final int ANY = -1;
    public static final RankingSignals NONE = new RankingSignals(Map.of());

    public RankingSignals {
        tallies = Map.copyOf(tallies);
    }

    /**
     * One cell: a resource, a local weekday (1 = Monday .. 7) and hour (0..23) in its own zone, and
     * the group the requester acted in (their highest role: ADMIN, APPROVER, REQUESTER).
     */
    public record Key(String resourceId, int dayOfWeek, int hour, String group) {}

    /**
     * What was seen in one cell. {@code decided}: approvals decided (granted, declined or expired) of which
     * {@code approved} granted and {@code approvedWithinDay} granted within 24 hours of the request;
     * {@code medianDecisionMinutes}: median time from request to a decision (-1: none decided);
     * {@code held}: dates held; {@code releasedUnused}: of them cancelled before they began or not checked
     * in; {@code sameTimeElsewhere}, {@code sameResourceOtherTime}, {@code otherChoice}: what a requester
     * refused here booked within a day after (same time in another resource, another time here, anything
     * else).
     */
    public record Tally(int decided, int approved, int approvedWithinDay, long medianDecisionMinutes, int held,
                        int releasedUnused, int sameTimeElsewhere, int sameResourceOtherTime, int otherChoice) {
        public static final Tally EMPTY = new Tally(0, 0, 0, -1, 0, 0, 0, 0, 0);

        public int choicesAfterRefusal() {
            return sameTimeElsewhere + sameResourceOtherTime + otherChoice;
        }
    }

    /**
     * The tally of the most specific level with at least {@link #MIN_SAMPLES} of what {@code samples}
     * counts: hour and group, hour, group, resource; {@link Tally#EMPTY} when none has enough.
     */
    public Tally find(String resourceId, int dayOfWeek, int hour, String group, ToIntFunction<Tally> samples) {
        for (Key key : List.of(new Key(resourceId, dayOfWeek, hour, group), new Key(resourceId, dayOfWeek, hour, null),
                new Key(resourceId, ANY, ANY, group), new Key(resourceId, ANY, ANY, null))) {
            Tally tally = tallies.get(key);
            if (tally != null && samples.applyAsInt(tally) >= MIN_SAMPLES) {
                return tally;
            }
        }
        return Tally.EMPTY;
    }

    /** The group a requester acts in: their highest role (ADMIN, then APPROVER, then REQUESTER). */
    public static String groupOf(java.util.Collection<String> roles) {
        if (roles == null) {
            return "REQUESTER";
        }
        for (String role : List.of("ADMIN", "APPROVER")) {
            if (roles.contains(role) || roles.contains("ROLE_" + role)) {
                return role;
            }
        }
        return "REQUESTER";
    }
}
