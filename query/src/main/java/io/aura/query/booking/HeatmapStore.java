package io.aura.query.booking;

import io.aura.kernel.schedule.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the heatmap's view is kept: each resource's time zone, the minutes booked and blacked out in
 * each of its local hours as "shares" (one per slice of a booking occurrence or blackout, keyed so
 * that writing one again counts it once and a cancellation removes exactly its own), and the
 * occurrences each booking holds (what its cancellation releases). {@link HeatmapFold} computes
 * every change; a store only saves and answers. Adapters: {@link SqlHeatmapStore} (the embedded
 * default, plain SQL that PostgreSQL runs too) and {@link MongoHeatmapStore} (production);
 * {@code HeatmapStoreContract} holds both to the same behaviour.
 */
public interface HeatmapStore {

    /** A resource's time zone and when it became bookable (null in views written before that was kept). */
    record Zone(String resourceId, String timeZone, Instant registeredAt) {
        public ZoneId zoneId() {
            return ZoneId.of(timeZone);
        }
    }

    /** Booked minutes fill an hour; blocked (blacked-out) minutes leave what could be booked in it. */
    enum ShareKind {
        BOOKED,
        BLOCKED,
        /** booked minutes of a no-show, held until it was released and never used (ADR 0033) */
        UNUSED
    }

    /**
     * One share's place: a resource's local date and hour, its kind, and the slice it comes from
     * (its booking or blackout, the occurrence's start and the slice's index in it).
     */
    record ShareKey(String resourceId, LocalDate date, int hour, ShareKind kind, String slice) {}

    record Share(ShareKey key, long minutes) {}

    /** The occurrences a booking holds, by start. */
    record Held(String bookingId, String resourceId, List<TimeRange> occurrences) {
        public Held {
            occurrences = List.copyOf(occurrences);
        }
    }

    /** The minutes of all shares of one local hour of a resource. */
    record HourTotals(String resourceId, LocalDate date, int hour, long bookedMinutes, long blockedMinutes,
                      long unusedMinutes) {
        public HourTotals(String resourceId, LocalDate date, int hour, long bookedMinutes, long blockedMinutes) {
            this(resourceId, date, hour, bookedMinutes, blockedMinutes, 0);
        }
    }

    /** Stores a resource's zone (replacing the one before). */
    void saveZone(Zone zone);

    Optional<Zone> zone(String resourceId);

    /** Every resource's zone, in registration order (then by id). */
    List<Zone> zones();

    /** Sets each share to its minutes, by key: a share written again changes nothing. */
    void saveShares(Collection<Share> shares);

    /** Removes these shares; a key not stored is no error. */
    void removeShares(Collection<ShareKey> keys);

    Optional<Held> held(String bookingId);

    /** Stores what a booking holds now; holding nothing forgets the booking. */
    void saveHeld(Held held);

    /**
     * The totals of every local hour holding a share, of one resource or (null) every resource, for
     * the local dates {@code first} to {@code last} inclusive, in no particular order. Answers
     * committed state: only queries read it, never a handler in the middle of a batch.
     */
    List<HourTotals> hours(String resourceId, LocalDate first, LocalDate last);

    /** Forgets everything (a replay starts from nothing). */
    void clear();
}
