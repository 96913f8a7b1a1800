package io.aura.kernel.schedule;

import io.aura.kernel.approval.ApprovalLevel;
import io.aura.kernel.approval.ApprovalPolicy;
import io.aura.kernel.resource.ResourceSpec;
import io.aura.kernel.schedule.ScheduleCommands.AbandonMove;
import io.aura.kernel.schedule.ScheduleCommands.AddBlackout;
import io.aura.kernel.schedule.ScheduleCommands.CompleteMove;
import io.aura.kernel.schedule.ScheduleCommands.LinkExternalCalendar;
import io.aura.kernel.schedule.ScheduleCommands.MoveHold;
import io.aura.kernel.schedule.ScheduleCommands.PlaceHold;
import io.aura.kernel.schedule.ScheduleCommands.RecordExternalBusy;
import io.aura.kernel.schedule.ScheduleCommands.ReleaseHold;
import io.aura.kernel.schedule.ScheduleCommands.RemoveBlackout;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutAdded;
import io.aura.kernel.schedule.ScheduleEvents.BlackoutRemoved;
import io.aura.kernel.schedule.ScheduleEvents.ExternalBusyChanged;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveAbandoned;
import io.aura.kernel.schedule.ScheduleEvents.HoldMovePending;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoveRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldMoved;
import io.aura.kernel.schedule.ScheduleEvents.HoldPlaced;
import io.aura.kernel.schedule.ScheduleEvents.HoldRefused;
import io.aura.kernel.schedule.ScheduleEvents.HoldReleased;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Reasons;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.validation.TimeBounds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One resource's schedule — its holds, moves awaiting approval, blackouts and outside busy times — and every
 * decision taken on it, as plain Java: a decision returns the events to record, and {@code on(...)} folds a
 * recorded event in. The {@code ResourceSchedule} aggregate is a shell around one (ADR 0048), and the policy
 * what-if replays history through another, so both decide by the very same code. Holds that have ended are
 * dropped (ADR 0005), unless a move of theirs awaits approval. Not thread-safe: its owner runs one command at a time.
 */
public final class ScheduleBook {
    public static final int SUGGESTIONS = 3;
    public static final FieldViolation RETIRED = FieldViolation.of("resourceId", Rule.RESOURCE_RETIRED);
    private static final Comparator<TimeRange> BY_TIME =
            Comparator.comparing(TimeRange::start).thenComparing(TimeRange::end);

    /** Which held range of which booking the index keys: one held date, or the slot a move holds beside it. */
    private sealed interface HoldKey {
        String bookingId();

        /** The {@code index}-th occurrence the booking's {@code HoldPlaced} held. */
        record Occurrence(String bookingId, int index) implements HoldKey {}

        /** The slot a move awaiting approval holds until the approval ends. */
        record PendingMove(String bookingId) implements HoldKey {}
    }

    private final IntervalIndex<HoldKey> holds = new IntervalIndex<>();
    /** keyed by blackout id; a repeating blackout's later dates by {@link #dateKey} */
    private final IntervalIndex<String> blackouts = new IntervalIndex<>();
    /** a repeating blackout's id to its number of dates */
    private final Map<String, Integer> blackoutDates = new HashMap<>();
    /** the linked Outlook calendar's busy times as last read, keyed by a running number */
    private final IntervalIndex<Long> external = new IntervalIndex<>();
    private long nextExternalKey;
    private String externalMailbox;
    /** booking id to the keys of its held occurrences */
    private final Map<String, List<HoldKey.Occurrence>> holdsByBooking = new HashMap<>();
    /** booking id to the slot it asked to move to, held beside its old one while the move is approved */
    private final Map<String, TimeRange> pendingMoves = new HashMap<>();
    /** booking id to the date its pending move leaves (one date of a series moves, the others stay) */
    private final Map<String, TimeRange> pendingMoveFrom = new HashMap<>();
    /**
     * Every booking this schedule has answered (held or refused; released ones stay in): a booking is
     * decided once, so a redelivered PlaceHold cannot place an orphan hold. It grows by one id per
     * booking ever asked of this resource and is never pruned (a snapshot or an age limit would bound it).
     */
    private final Set<String> decided = new HashSet<>();

    // ---- decisions: the events to record ----------------------------------------------------------

    /**
     * A hold for a request under the resource's rules {@code spec}: {@code HoldPlaced} (with the approval levels
     * the policy asks) or {@code HoldRefused}; nothing for a booking decided already (a redelivered command).
     * {@code suggest}: whether a refused single date comes with the nearest free slots (a what-if needs none).
     */
    public List<Object> placeHold(ResourceSpec spec, boolean retired, PlaceHold c, boolean suggest) {
        if (decided.contains(c.bookingId())) {
            return List.of();
        }
        List<FieldViolation> violations = retired ? List.of(RETIRED)
                : ScheduleRules.check(spec, c.occurrences(), c.attendees(), c.requestedAt());
        if (!violations.isEmpty()) {
            return List.of(new HoldRefused(c.resourceId(), c.bookingId(), c.occurrences(), List.of(), violations,
                    List.of()));
        }
        // Occurrences are checked one by one against the schedule and against the ones already
        // accepted from this series, so a series never overlaps itself either.
        IntervalIndex<Integer> accepted = new IntervalIndex<>();
        List<TimeRange> held = new ArrayList<>();
        List<TimeRange> skipped = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Duration buffer = Duration.ofMinutes(spec.bufferMinutes());
        for (int i = 0; i < c.occurrences().size(); i++) {
            TimeRange occurrence = c.occurrences().get(i);
            List<Conflict> found = conflictsWith(spec, occurrence, c.bookingId());
            for (var own : accepted.overlapping(occurrence.widenedBy(buffer))) {
                found.add(new Conflict(own.range(), Conflict.Source.BOOKING, c.bookingId(), occurrence));
            }
            if (found.isEmpty()) {
                held.add(occurrence);
                accepted.put(i, occurrence);
            } else {
                skipped.add(occurrence);
                conflicts.addAll(found);
            }
        }
        boolean allOrNothing = c.policy() != ConflictPolicy.SKIP_CONFLICTS;
        if (held.isEmpty() || (allOrNothing && !skipped.isEmpty())) {
            List<TimeRange> suggestions = suggest && c.occurrences().size() == 1
                    ? nearestFree(spec, c.occurrences().get(0), c.requestedAt())
                    : List.of();
            return List.of(new HoldRefused(c.resourceId(), c.bookingId(), c.occurrences(), conflicts, List.of(),
                    suggestions));
        }
        List<ApprovalLevel> levels = ApprovalPolicy.levelsFor(spec, c.attendees(), held.get(0).duration(),
                c.requesterRoles());
        return List.of(new HoldPlaced(c.resourceId(), c.bookingId(), held, skipped, conflicts, !levels.isEmpty(),
                c.requestedAt(), levels, spec.approvalDeadline(), spec.checkIn()));
    }

    /** A move of one held date: {@code HoldMoved}, {@code HoldMovePending} (approval asked) or {@code HoldMoveRefused}. */
    public List<Object> moveHold(ResourceSpec spec, boolean retired, MoveHold c) {
        List<HoldKey.Occurrence> keys = holdsByBooking.getOrDefault(c.bookingId(), List.of());
        HoldKey.Occurrence moving = heldDate(c.bookingId(), c.from());
        if (moving == null) {
            return List.of(new HoldMoveRefused(c.resourceId(), c.bookingId(), c.to(), List.of(),
                    List.of(FieldViolation.of("bookingId",
                            keys.size() > 1 && c.from() == null ? Rule.SERIES_MOVED_WHOLE : Rule.HOLDS_NOTHING))));
        }
        TimeRange from = holds.get(moving);
        List<FieldViolation> violations = retired ? List.of(RETIRED)
                : ScheduleRules.check(spec, c.to(), c.attendees(), c.requestedAt());
        List<Conflict> conflicts = violations.isEmpty() ? conflictsWith(spec, c.to(), c.bookingId()) : List.of();
        if (violations.isEmpty()) { // a date of a series may not move onto another of its dates
            Duration buffer = Duration.ofMinutes(spec.bufferMinutes());
            for (HoldKey.Occurrence other : keys) {
                TimeRange range = holds.get(other);
                if (!other.equals(moving) && range != null && range.overlaps(c.to().widenedBy(buffer))) {
                    conflicts.add(new Conflict(range, Conflict.Source.BOOKING, c.bookingId(), c.to()));
                }
            }
        }
        if (pendingMoves.containsKey(c.bookingId())) {
            return List.of(new HoldMoveRefused(c.resourceId(), c.bookingId(), c.to(), List.of(),
                    List.of(FieldViolation.of("bookingId", Rule.MOVE_AWAITING_APPROVAL))));
        }
        if (!violations.isEmpty() || !conflicts.isEmpty()) {
            return List.of(new HoldMoveRefused(c.resourceId(), c.bookingId(), c.to(), conflicts, violations));
        }
        List<ApprovalLevel> levels = ApprovalPolicy.levelsFor(spec, c.attendees(), c.to().duration(),
                c.requesterRoles());
        if (levels.isEmpty()) {
            return List.of(new HoldMoved(c.resourceId(), c.bookingId(), from, c.to(), c.requestedAt()));
        }
        // Both slots stay held until the approval ends: the booking never loses its place.
        return List.of(new HoldMovePending(c.resourceId(), c.bookingId(), from, c.to(), levels,
                spec.approvalDeadline(), c.requestedAt()));
    }

    /** The approved move lands: {@code HoldMoved} from the date it leaves; nothing when no such move waits. */
    public List<Object> completeMove(CompleteMove c) {
        HoldKey.Occurrence moving = heldDate(c.bookingId(), pendingMoveFrom.get(c.bookingId()));
        if (c.to().equals(pendingMoves.get(c.bookingId())) && moving != null) {
            return List.of(new HoldMoved(c.resourceId(), c.bookingId(), holds.get(moving), c.to(), null));
        }
        return List.of();
    }

    public List<Object> abandonMove(AbandonMove c) {
        if (c.to().equals(pendingMoves.get(c.bookingId()))) {
            return List.of(new HoldMoveAbandoned(c.resourceId(), c.bookingId(), c.to(), c.reason()));
        }
        return List.of();
    }

    /** The booking's held dates asked for (all: none named), and its pending move's slot among them. */
    public List<Object> releaseHold(ReleaseHold c) {
        List<TimeRange> released = new ArrayList<>();
        for (HoldKey key : holdsByBooking.getOrDefault(c.bookingId(), List.of())) {
            TimeRange range = holds.get(key);
            if (range != null && (c.occurrences().isEmpty() || c.occurrences().contains(range))) {
                released.add(range);
            }
        }
        TimeRange pendingMove = pendingMoves.get(c.bookingId());
        if (pendingMove != null && (c.occurrences().isEmpty() || c.occurrences().contains(pendingMove))
                && !released.contains(pendingMove)) {
            released.add(pendingMove);
        }
        return released.isEmpty() ? List.of() : List.of(new HoldReleased(c.resourceId(), c.bookingId(), released));
    }

    public List<Object> addBlackout(ResourceSpec spec, AddBlackout c) {
        // whoever sends the command: a bounded reason and bounded times (one at the year 1 made every search crawl)
        List<FieldViolation> violations = new ArrayList<>(TimeBounds.outside(c.range()));
        Reasons.tooLong(c.reason()).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (blackouts.get(c.blackoutId()) != null) {
            return List.of(); // added already (a holiday imported again keeps its id): nothing new to record
        }
        if (c.recurrence() == null) {
            return List.of(new BlackoutAdded(c.resourceId(), c.blackoutId(), c.range(), c.reason()));
        }
        // expanded once, here, in the resource's zone: the event lists the dates every view closes
        var expansion = Recurrence.expand(c.recurrence(), c.range(), ZoneId.of(spec.timeZone()));
        List<FieldViolation> broken = new ArrayList<>(expansion.violations());
        expansion.occurrences().forEach(date -> broken.addAll(TimeBounds.outside(date)));
        if (!broken.isEmpty()) {
            throw new InvalidInputException(broken.stream().distinct().toList());
        }
        return List.of(new BlackoutAdded(c.resourceId(), c.blackoutId(), c.range(), c.reason(), c.recurrence(),
                expansion.occurrences()));
    }

    public List<Object> removeBlackout(RemoveBlackout c) {
        TimeRange range = blackouts.get(c.blackoutId());
        if (range == null) { // removed already, or never here: nothing to record
            return List.of();
        }
        int dates = blackoutDates.getOrDefault(c.blackoutId(), 1);
        List<TimeRange> occurrences = new ArrayList<>();
        for (int i = 0; dates > 1 && i < dates; i++) {
            occurrences.add(blackouts.get(i == 0 ? c.blackoutId() : dateKey(c.blackoutId(), i)));
        }
        return List.of(new BlackoutRemoved(c.resourceId(), c.blackoutId(), range, occurrences));
    }

    public List<Object> linkExternalCalendar(LinkExternalCalendar c) {
        String mailbox = c.mailbox() == null || c.mailbox().isBlank() ? null : c.mailbox().trim().toLowerCase();
        if (Objects.equals(mailbox, externalMailbox)) {
            return List.of(); // linked as asked already
        }
        List<Object> out = new ArrayList<>();
        if (externalMailbox != null) {
            out.add(new ExternalCalendarUnlinked(c.resourceId(), externalMailbox));
        }
        if (mailbox != null) {
            out.add(new ExternalCalendarLinked(c.resourceId(), mailbox));
        }
        return out;
    }

    /** A fresh read of the linked calendar: recorded only where it differs from what the schedule knows. */
    public List<Object> recordExternalBusy(RecordExternalBusy c) {
        if (externalMailbox == null || !externalMailbox.equalsIgnoreCase(c.mailbox())) {
            return List.of(); // read from a calendar that no longer counts
        }
        List<TimeRange> seen = c.busy().stream().distinct().sorted(BY_TIME).toList();
        List<TimeRange> known = external.overlapping(c.window()).stream().map(IntervalIndex.Entry::range)
                .sorted(BY_TIME).toList();
        if (known.equals(seen)) {
            return List.of();
        }
        return List.of(new ExternalBusyChanged(c.resourceId(), externalMailbox, c.window(), seen));
    }

    /**
     * Holds of other bookings and blackouts within the resource's buffer of {@code range}, and the
     * parts of it outside the opening hours (the buffer does not reach past closing time).
     */
    public List<Conflict> conflictsWith(ResourceSpec spec, TimeRange range, String ownBookingId) {
        TimeRange widened = range.widenedBy(Duration.ofMinutes(spec.bufferMinutes()));
        List<Conflict> conflicts = new ArrayList<>(ScheduleRules.outsideOpeningHours(spec, range));
        for (var hold : holds.overlapping(widened)) {
            String holder = hold.key().bookingId();
            if (!holder.equals(ownBookingId)) {
                conflicts.add(new Conflict(hold.range(), Conflict.Source.BOOKING, holder, range));
            }
        }
        for (var blackout : blackouts.overlapping(widened)) {
            conflicts.add(new Conflict(blackout.range(), Conflict.Source.BLACKOUT, null, range));
        }
        for (var busy : external.overlapping(widened)) {
            conflicts.add(new Conflict(busy.range(), Conflict.Source.EXTERNAL, null, range));
        }
        return conflicts;
    }

    private List<TimeRange> nearestFree(ResourceSpec spec, TimeRange wanted, Instant now) {
        Instant latest = now.plus(Duration.ofDays(spec.bookingWindowDays()));
        return FreeSlots.nearest(wanted, now, latest, SUGGESTIONS,
                candidate -> conflictsWith(spec, candidate, null).isEmpty());
    }

    /**
     * The held date of {@code bookingId} that starts and ends as {@code date}; without a date (or one
     * the schedule no longer knows by those times), the booking's only hold. Null when there is none.
     */
    private HoldKey.Occurrence heldDate(String bookingId, TimeRange date) {
        List<HoldKey.Occurrence> keys = holdsByBooking.getOrDefault(bookingId, List.of());
        if (date != null) {
            for (HoldKey.Occurrence key : keys) {
                if (date.equals(holds.get(key))) {
                    return key;
                }
            }
        }
        return keys.size() == 1 ? keys.get(0) : null;
    }

    // ---- recorded events folded in ------------------------------------------------------------------

    /** Folds any schedule event in (others are ignored): the one entry for a replay. */
    public void on(Object event) {
        switch (event) {
            case HoldPlaced e -> on(e);
            case HoldRefused e -> on(e);
            case HoldMoved e -> on(e);
            case HoldMovePending e -> on(e);
            case HoldMoveAbandoned e -> on(e);
            case HoldReleased e -> on(e);
            case BlackoutAdded e -> on(e);
            case BlackoutRemoved e -> on(e);
            case ExternalCalendarLinked e -> on(e);
            case ExternalCalendarUnlinked e -> on(e);
            case ExternalBusyChanged e -> on(e);
            default -> { }
        }
    }

    public void on(HoldPlaced event) {
        // Past holds decide nothing any more: dropping them keeps the state as small as the future.
        pruneEndedBefore(event.requestedAt());
        List<HoldKey.Occurrence> keys = new ArrayList<>();
        for (int i = 0; i < event.occurrences().size(); i++) {
            var key = new HoldKey.Occurrence(event.bookingId(), i);
            holds.put(key, event.occurrences().get(i));
            keys.add(key);
        }
        holdsByBooking.put(event.bookingId(), keys);
        decided.add(event.bookingId());
    }

    public void on(HoldRefused event) {
        decided.add(event.bookingId());
    }

    public void on(HoldMoved event) {
        HoldKey.Occurrence moved = heldDate(event.bookingId(), event.from());
        if (moved != null) {
            holds.put(moved, event.to());
        }
        pendingMoveFrom.remove(event.bookingId());
        if (pendingMoves.remove(event.bookingId()) != null) {
            holds.remove(new HoldKey.PendingMove(event.bookingId()));
        }
    }

    public void on(HoldMovePending event) {
        pendingMoves.put(event.bookingId(), event.to());
        pendingMoveFrom.put(event.bookingId(), event.from());
        holds.put(new HoldKey.PendingMove(event.bookingId()), event.to());
    }

    public void on(HoldMoveAbandoned event) {
        pendingMoves.remove(event.bookingId());
        pendingMoveFrom.remove(event.bookingId());
        holds.remove(new HoldKey.PendingMove(event.bookingId()));
    }

    public void on(HoldReleased event) {
        List<HoldKey.Occurrence> keys = holdsByBooking.getOrDefault(event.bookingId(), List.of());
        List<HoldKey.Occurrence> kept = new ArrayList<>();
        for (HoldKey.Occurrence key : keys) {
            TimeRange range = holds.get(key);
            if (range != null && event.occurrences().contains(range)) {
                holds.remove(key);
            } else if (range != null) {
                kept.add(key);
            }
        }
        TimeRange pendingMove = pendingMoves.get(event.bookingId());
        if (pendingMove != null && event.occurrences().contains(pendingMove)) {
            pendingMoves.remove(event.bookingId());
            pendingMoveFrom.remove(event.bookingId());
            holds.remove(new HoldKey.PendingMove(event.bookingId()));
        }
        if (kept.isEmpty()) {
            holdsByBooking.remove(event.bookingId());
        } else {
            holdsByBooking.put(event.bookingId(), kept);
        }
    }

    public void on(BlackoutAdded event) {
        List<TimeRange> dates = event.dates();
        blackouts.put(event.blackoutId(), dates.get(0));
        for (int i = 1; i < dates.size(); i++) {
            blackouts.put(dateKey(event.blackoutId(), i), dates.get(i));
        }
        if (dates.size() > 1) {
            blackoutDates.put(event.blackoutId(), dates.size());
        }
    }

    public void on(BlackoutRemoved event) {
        blackouts.remove(event.blackoutId());
        int dates = blackoutDates.getOrDefault(event.blackoutId(), 1);
        for (int i = 1; i < dates; i++) {
            blackouts.remove(dateKey(event.blackoutId(), i));
        }
        blackoutDates.remove(event.blackoutId());
    }

    public void on(ExternalCalendarLinked event) {
        externalMailbox = event.mailbox();
    }

    public void on(ExternalCalendarUnlinked event) {
        externalMailbox = null;
        external.all().forEach(e -> external.remove(e.key()));
    }

    public void on(ExternalBusyChanged event) {
        external.overlapping(event.window()).forEach(e -> external.remove(e.key()));
        event.busy().forEach(range -> external.put(nextExternalKey++, range));
    }

    /** The key of a repeating blackout's {@code index}th date (0: its own id). */
    private static String dateKey(String blackoutId, int index) {
        return blackoutId + "#" + index;
    }

    private void pruneEndedBefore(Instant instant) {
        // A booking whose move awaits approval keeps both its slots, ended or not: CompleteMove moves
        // from the old one, and the approval has not ended yet.
        List<IntervalIndex.Entry<HoldKey>> waiting = new ArrayList<>();
        for (String bookingId : pendingMoves.keySet()) {
            List<HoldKey> keys = new ArrayList<>(holdsByBooking.getOrDefault(bookingId, List.of()));
            keys.add(new HoldKey.PendingMove(bookingId));
            for (HoldKey key : keys) {
                TimeRange range = holds.get(key);
                if (range != null) {
                    waiting.add(new IntervalIndex.Entry<>(key, range));
                }
            }
        }
        holds.removeEndingBefore(instant);
        external.removeEndingBefore(instant);
        waiting.forEach(e -> holds.put(e.key(), e.range()));
        holdsByBooking.entrySet().removeIf(e -> {
            e.getValue().removeIf(key -> holds.get(key) == null);
            return e.getValue().isEmpty();
        });
    }
}
