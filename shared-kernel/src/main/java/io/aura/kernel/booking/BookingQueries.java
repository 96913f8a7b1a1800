package io.aura.kernel.booking;

import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Instant;
import java.util.List;

public final class BookingQueries {
    private BookingQueries() {}

    public record FindBooking(String bookingId) {}

    /** The bookings someone requested, newest start first (at most {@code limit}). */
    public record FindBookingsOf(String requester, int limit) {}

    /** Active bookings overlapping [from, to), of one resource or (resourceId null) all. */
    public record FindCalendar(Instant from, Instant to, String resourceId) {}

    /**
     * The same slot on other resources with room for {@code attendees} that the read side shows as
     * free (no active booking within their buffer, no blackout), smallest fitting first.
     */
    public record FindAlternatives(String excludedResourceId, Instant start, Instant end, int attendees, int limit) {}

    /**
     * Free slots of {@code durationMinutes} in [from, to) — on one resource, or (resourceId null) on
     * any that seats {@code attendees} — ranked by {@link SlotRanker}, at most {@code count}.
     * {@code near}: rank by closeness to this start instead of earliness, and {@code movingBookingId}:
     * that booking's own slot counts as free (a refused move). {@code alsoBusy}: times on that resource
     * to count as taken besides what its views hold (the other dates of a series not held, or held and
     * given up with {@code movingBookingId}). Answers {@code List<SlotRanking.RankedSlot>}. The read side
     * proposes; the schedule still decides.
     */
    public record FindFreeSlots(String resourceId, int durationMinutes, Instant from, Instant to, int count,
                                int attendees, Instant near, String movingBookingId, Instant now,
                                List<TimeRange> alsoBusy, String group) {
        /** {@code group}: the requester group the learned signals are read for (null: REQUESTER). */
        public FindFreeSlots {
            alsoBusy = alsoBusy == null ? List.of() : List.copyOf(alsoBusy);
        }

        public FindFreeSlots(String resourceId, int durationMinutes, Instant from, Instant to, int count,
                             int attendees, Instant near, String movingBookingId, Instant now,
                             List<TimeRange> alsoBusy) {
            this(resourceId, durationMinutes, from, to, count, attendees, near, movingBookingId, now, alsoBusy, null);
        }

        public FindFreeSlots(String resourceId, int durationMinutes, Instant from, Instant to, int count,
                             int attendees, Instant near, String movingBookingId, Instant now) {
            this(resourceId, durationMinutes, from, to, count, attendees, near, movingBookingId, now, List.of());
        }
    }

    /** Booked minutes by day of week and hour, in each resource's own time zone, over [from, to). */
    public record FindHeatmap(Instant from, Instant to, String resourceId) {}

    /**
     * One day-of-week × local-hour cell of a resource over a window: minutes booked, minutes the
     * resource could be booked (the window's minutes in that cell less its blackouts), and their ratio.
     */
    public record HeatmapCell(String resourceId, int dayOfWeek, int hour, long bookedMinutes, double utilization,
                              long bookableMinutes, long unusedMinutes) {
        /**
         * {@code unusedMinutes} (ADR 0033): of the booked minutes, those of no-shows, held until released and never
         * used (booked-but-unused). Cells computed before it read 0.
         */
        public HeatmapCell(String resourceId, int dayOfWeek, int hour, long bookedMinutes, double utilization,
                           long bookableMinutes) {
            this(resourceId, dayOfWeek, hour, bookedMinutes, utilization, bookableMinutes, 0);
        }
    }

    /**
     * Live heatmap changes of one resource (or, resourceId null, all): a subscription query whose
     * updates name the resource whose booked minutes changed (the client re-reads its window).
     */
    public record WatchHeatmap(String resourceId) {}

    public record HeatmapChanged(String resourceId, Instant from, Instant to) {}

    /** Live calendar changes of one resource (or, resourceId null, all): a subscription query. */
    public record WatchCalendar(String resourceId) {}

    /** A booking whose place on the calendar changed: its status and occurrences now. */
    public record CalendarChange(String bookingId, String title, String resourceId, BookingStatus status,
                                 List<Occurrence> occurrences, String requester, Boolean privateBooking,
                                 String category) {
        /** {@code requester}, {@code privateBooking}, {@code category}: for the reader's edge to apply ADR 0040. */
        public CalendarChange {
            privateBooking = Boolean.TRUE.equals(privateBooking);
        }

        public CalendarChange(String bookingId, String title, String resourceId, BookingStatus status,
                              List<Occurrence> occurrences) {
            this(bookingId, title, resourceId, status, occurrences, null, false, null);
        }
    }

    /**
     * A free slot offered instead, with its score and (where {@link SlotRanker} ranked it) the reasons, as
     * values each edge words in its reader's language (ADR 0054); a booking view's stored suggestions carry none.
     */
    public record Suggestion(String resourceId, Instant start, Instant end, double score, List<Reason> reasons) {
        public Suggestion {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public Suggestion(String resourceId, Instant start, Instant end, double score) {
            this(resourceId, start, end, score, List.of());
        }

        public static Suggestion of(SlotRanking.RankedSlot ranked) {
            return new Suggestion(ranked.resourceId(), ranked.start(), ranked.end(), ranked.score(), ranked.reasons());
        }
    }

    /**
     * Ranks given slots, free when they were found, with {@link SlotRanker} (ADR 0049): the alternatives to a
     * refused request, the form's one-click slots. {@code from}/{@code to}: the span searched around the wanted
     * time; {@code near}: the wanted start; {@code group}: the requester's ({@link RankingSignals#groupOf});
     * {@code refusedResourceId}/{@code refused}: what was refused, if anything. Answers
     * {@code List<SlotRanking.RankedSlot>}, best first, one per candidate on a resource that still exists.
     */
    public record RankSlots(List<Suggestion> candidates, Instant from, Instant to, int attendees, Instant near,
                            String group, String refusedResourceId, TimeRange refused) {
        public RankSlots {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }
    }

    /**
     * The span a refusal's alternatives are searched and ranked in, the same wherever they are offered:
     * from a day before the wanted slot (not before {@code now}) to three days after it.
     */
    public static TimeRange aroundRefused(TimeRange wanted, Instant now) {
        Instant from = wanted.start().minus(java.time.Duration.ofDays(1));
        return new TimeRange(from.isBefore(now) ? now : from, wanted.end().plus(java.time.Duration.ofDays(3)));
    }

    /** {@code violations} in the API's English words; {@code refusals} the same rules named, for a UI to word. */
    public record RescheduleOutcome(RescheduleStatus status, Instant start, Instant end, List<Conflict> conflicts,
                                    List<String> violations, List<FieldViolation> refusals) {
        public RescheduleOutcome {
            refusals = refusals == null ? List.of() : List.copyOf(refusals); // stored before refusals were kept
        }
    }

    /**
     * {@code checkInDueAt}: when this date becomes a no-show unless checked in (null: no check-in required);
     * {@code checkedInAt}: when it was checked in to (null: not). Both added with ADR 0033; older views read null.
     */
    public record Occurrence(Instant start, Instant end, OccurrenceStatus status, Instant checkInDueAt,
                             Instant checkedInAt, String externalEventId) {
        public Occurrence(Instant start, Instant end, OccurrenceStatus status) {
            this(start, end, status, null, null, null);
        }

        /** {@code externalEventId} (ADR 0043): the date's event in the resource's Outlook calendar (null: none). */
        public Occurrence(Instant start, Instant end, OccurrenceStatus status, Instant checkInDueAt,
                          Instant checkedInAt) {
            this(start, end, status, checkInDueAt, checkedInAt, null);
        }
    }

    public record BookingView(String bookingId, String title, String resourceId, Instant start, Instant end,
                              BookingStatus status, String requester, int attendees, List<String> attendeeNames,
                              String description, String recurrence, List<Occurrence> occurrences,
                              List<Conflict> conflicts, List<String> violations, List<FieldViolation> refusals,
                              List<Suggestion> suggestions, RescheduleOutcome lastReschedule, long revision,
                              Boolean privateBooking, String category, String declinedBy) {
        /**
         * {@code violations} are the API's English words; {@code refusals} the same rules named, for a UI to word.
         * {@code privateBooking}, {@code category} (ADR 0040): views stored before them read not private, none.
         * {@code declinedBy} (ADR 0046): who wrote the approval's comment among the refusals, so that it can be
         * erased with its writer; null when no approval declined it (and in views stored before it was kept).
         */
        public BookingView {
            refusals = refusals == null ? List.of() : List.copyOf(refusals); // stored before refusals were kept
            privateBooking = Boolean.TRUE.equals(privateBooking);
        }

        /** A booking no approval declined. */
        public BookingView(String bookingId, String title, String resourceId, Instant start, Instant end,
                           BookingStatus status, String requester, int attendees, List<String> attendeeNames,
                           String description, String recurrence, List<Occurrence> occurrences,
                           List<Conflict> conflicts, List<String> violations, List<FieldViolation> refusals,
                           List<Suggestion> suggestions, RescheduleOutcome lastReschedule, long revision,
                           Boolean privateBooking, String category) {
            this(bookingId, title, resourceId, start, end, status, requester, attendees, attendeeNames, description,
                    recurrence, occurrences, conflicts, violations, refusals, suggestions, lastReschedule, revision,
                    privateBooking, category, null);
        }

        public BookingView(String bookingId, String title, String resourceId, Instant start, Instant end,
                           BookingStatus status, String requester, int attendees, List<String> attendeeNames,
                           String description, String recurrence, List<Occurrence> occurrences,
                           List<Conflict> conflicts, List<String> violations, List<FieldViolation> refusals,
                           List<Suggestion> suggestions, RescheduleOutcome lastReschedule, long revision) {
            this(bookingId, title, resourceId, start, end, status, requester, attendees, attendeeNames, description,
                    recurrence, occurrences, conflicts, violations, refusals, suggestions, lastReschedule, revision,
                    false, null);
        }
    }

    /**
     * An active date on the calendar. {@code requester}, {@code privateBooking} and {@code category} (ADR 0040) are
     * for the reader's edge: it shows a private one as {@link BookingPrivacy#BUSY} to whoever may not see it.
     */
    public record CalendarEntry(String bookingId, String title, String resourceId, Instant start, Instant end,
                                BookingStatus status, String requester, Boolean privateBooking, String category) {
        public CalendarEntry {
            privateBooking = Boolean.TRUE.equals(privateBooking);
        }

        public CalendarEntry(String bookingId, String title, String resourceId, Instant start, Instant end,
                             BookingStatus status) {
            this(bookingId, title, resourceId, start, end, status, null, false, null);
        }
    }

    /**
     * The bookings with a date that held its resource (confirmed or a no-show) starting in [from, to), of one
     * requester or (null) of everyone: what timesheets and utilization reports are made from.
     */
    public record FindHeldBookings(Instant from, Instant to, String requester) {}

    /** The cancelled bookings of one resource with a date overlapping [from, to), as their views (ADR 0035). */
    public record FindCancelledBookings(Instant from, Instant to, String resourceId) {}
    /** Confirmed dates needing check-in, not checked in, whose window ended by {@code now}: at most {@code limit}. */
    public record FindCheckInsDue(Instant now, int limit) {}

    /** A date of a booking that is due for its no-show check. */
    public record CheckInDue(String bookingId, Instant start, Instant end) {}
}
