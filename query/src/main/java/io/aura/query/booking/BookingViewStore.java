package io.aura.query.booking;

import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.CalendarEntry;
import io.aura.kernel.booking.BookingQueries.CheckInDue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where booking views are kept (one record per booking, computed by {@link BookingViewFold}): the
 * port the booking projection writes through and its queries read from. The store only saves what
 * the fold computed; it decides nothing. Adapters: {@link SqlBookingViewStore} (SQLite on the
 * embedded default, plain SQL that PostgreSQL runs too) and {@link MongoBookingViewStore}
 * (production); {@code BookingViewStoreContract} holds both to the same behaviour.
 */
public interface BookingViewStore {

    Optional<BookingView> find(String bookingId);

    /** Stores the booking's view as it is now (replacing the one before). */
    void save(BookingView view);

    /** The bookings someone requested, latest start first, at most {@code limit}. */
    List<BookingView> requestedBy(String requester, int limit);

    /**
     * One entry per active occurrence (pending approval or confirmed) overlapping [from, to), of one
     * resource or, with {@code resourceId} null, of all; in no particular order.
     */
    List<CalendarEntry> activeBetween(Instant from, Instant to, String resourceId);

    /**
     * The cancelled bookings of one resource with a date overlapping [from, to), in no particular order:
     * what a resource's calendar feed still shows, as cancelled, so that subscribers remove them (ADR 0035).
     */
    List<BookingView> cancelledBetween(Instant from, Instant to, String resourceId);

    /**
     * Confirmed dates of confirmed bookings that need check-in, are not checked in, and were due by
     * {@code now} (ADR 0033), earliest due first, at most {@code limit}.
     */
    List<CheckInDue> checkInsDue(Instant now, int limit);

    /**
     * The bookings with a date that held its resource (confirmed, checked in or not, or a no-show) starting in
     * [from, to), of one requester or, with {@code requester} null, of everyone; each once, in no particular
     * order. What timesheets and utilization reports are folded from (their dates are counted by their start).
     */
    List<BookingView> heldStartingBetween(Instant from, Instant to, String requester);

    /**
     * Every booking {@code username} requested or declined (wrote the approval's comment of), this batch's
     * included, in no particular order: what forgets an erased person (ADR 0046). Rare, so it may read many.
     */
    List<BookingView> mentioning(String username);

    /**
     * The bookings whose last date ({@link io.aura.kernel.booking.BookingRetention#lastEnd}) ended before
     * {@code cutoff}, of one resource or, with {@code resourceId} null, of all; earliest ended first, at most
     * {@code limit}. What the retention sweep reads (ADR 0047); the kernel's rule decides on each.
     */
    List<BookingView> endedBefore(Instant cutoff, String resourceId, int limit);

    /**
     * Forgets these bookings in every read of this store (the view, its calendar dates, its rows in reports,
     * cancelled dates, check-ins due): past retention (ADR 0047). One the store does not have changes nothing.
     */
    void remove(Collection<String> bookingIds);

    /** Forgets every booking (a replay starts from nothing). */
    void clear();
}
