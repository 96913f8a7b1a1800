package io.aura.kernel.waitlist;

import io.aura.kernel.booking.BookingCommands.RequestBooking;
import io.aura.kernel.schedule.ConflictPolicy;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The waitlist's decisions as pure functions: who is first for freed time, and where an entry stands. */
public final class Waitlists {
    private Waitlists() {}

    /** An entry as the decisions see it, in the waitlist's order. */
    public record Entry(String entryId, long sequence, TimeRange range, WaitlistEntryStatus status) {}

    /**
     * The entries to promote when {@code freed} time comes free, first come first served: each waiting
     * entry whose whole slot lies inside one freed range, is still ahead of {@code now}, and overlaps no
     * entry promoted before it (in flight already, or chosen in this offer) — the schedule decides the rest.
     */
    public static List<Entry> promotable(List<Entry> inOrder, List<TimeRange> freed, Instant now) {
        List<TimeRange> taken = new ArrayList<>();
        inOrder.stream().filter(e -> e.status() == WaitlistEntryStatus.PROMOTED).forEach(e -> taken.add(e.range()));
        List<Entry> out = new ArrayList<>();
        for (Entry entry : inOrder) {
            if (entry.status() != WaitlistEntryStatus.WAITING || !entry.range().start().isAfter(now)
                    || freed.stream().noneMatch(f -> inside(entry.range(), f))
                    || taken.stream().anyMatch(entry.range()::overlaps)) {
                continue;
            }
            out.add(entry);
            taken.add(entry.range());
        }
        return out;
    }

    /** Waiting entries whose slot has begun: no freed time can give it to them any more. */
    public static List<Entry> expired(List<Entry> inOrder, Instant now) {
        return inOrder.stream()
                .filter(e -> e.status() == WaitlistEntryStatus.WAITING && !e.range().start().isAfter(now)).toList();
    }

    /**
     * An open entry's place in the queue for its slot: 1 + the open entries before it (by sequence) whose
     * slot overlaps its own. Closed entries have none (0).
     */
    public static int position(Entry entry, List<Entry> sameResource) {
        if (!entry.status().isOpen()) {
            return 0;
        }
        return 1 + (int) sameResource.stream().filter(other -> other.status().isOpen()
                && other.sequence() < entry.sequence() && other.range().overlaps(entry.range())).count();
    }

    /**
     * The booking requested for an entry's {@code attempt}-th promotion: deterministic, so a redelivered
     * offer asks for the same booking instead of a second one.
     */
    public static String bookingIdFor(String entryId, int attempt) {
        String key = "waitlist|" + entryId + "|" + attempt;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The booking a promotion asks for, for the entry's owner: the slot they waited for, as they asked for it,
     * counted against the quotas that limited them when they joined (a saga may not look them up, ADR 0034).
     * Its rules were checked when they joined ({@code BookingRequestRules.prepare}); the {@code Booking}
     * checks its fields again and the schedule the resource's rules, as for every request.
     */
    public static RequestBooking bookingRequest(WaitlistEntryPromoted promoted) {
        return new RequestBooking(promoted.bookingId(), promoted.resourceId(), promoted.title(), promoted.range(),
                List.of(promoted.range()), null, ConflictPolicy.ALL_OR_NOTHING, promoted.attendees(),
                promoted.attendeeNames(), null, promoted.owner(), promoted.ownerQuotas());
    }

    private static boolean inside(TimeRange inner, TimeRange outer) {
        return !inner.start().isBefore(outer.start()) && !inner.end().isAfter(outer.end());
    }
}
