package io.aura.query.booking;

import io.aura.kernel.schedule.ScheduleQueries.BlackoutView;
import io.aura.kernel.schedule.ScheduleQueries.ClosedTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where blackouts and linked-Outlook busy times are kept (computed by {@link ClosedTimeFold}): the
 * port the availability projection writes through and its queries read from. The store only saves
 * what the fold computed. Adapters: {@link SqlClosedTimeViewStore} (embedded default, plain SQL that
 * PostgreSQL runs too) and {@link MongoClosedTimeViewStore} (production);
 * {@code ClosedTimeViewStoreContract} holds both to the same behaviour.
 */
public interface ClosedTimeViewStore {
    /** By start; at one start blackouts before busy times; then by resource, end and reason. */
    Comparator<ClosedTime> ORDER = Comparator.comparing(ClosedTime::start)
            .thenComparing(ClosedTime::source)
            .thenComparing(ClosedTime::resourceId)
            .thenComparing(ClosedTime::end)
            .thenComparing(ClosedTime::reason, Comparator.nullsFirst(Comparator.naturalOrder()));

    Optional<BlackoutView> findBlackout(String blackoutId);

    /** Stores the blackout (replacing one with its id). */
    void saveBlackout(BlackoutView blackout);

    /** Forgets the blackout; one it does not have changes nothing. */
    void removeBlackout(String blackoutId);

    /** The resource's blackouts, by start (a repeating one once, at its first date: not its later dates). */
    List<BlackoutView> blackoutsOf(String resourceId);

    /** The resource's busy times overlapping [from, to). */
    List<BusyTime> busyBetween(String resourceId, Instant from, Instant to);

    /** Every busy time of the resource. */
    List<BusyTime> busyOf(String resourceId);

    /** Removes the busy times {@code removed} (by id), then keeps {@code added}. */
    void changeBusy(ClosedTimeFold.BusyChanges changes);

    /**
     * Blackouts (source BLACKOUT, with their reason) and busy times (source EXTERNAL) overlapping
     * [from, to), of one resource or, with {@code resourceId} null, of all; in {@link #ORDER}.
     */
    List<ClosedTime> closedBetween(Instant from, Instant to, String resourceId);

    /** Forgets every blackout and busy time (a replay starts from nothing). */
    void clear();
}
