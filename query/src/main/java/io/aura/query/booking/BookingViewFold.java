package io.aura.query.booking;

import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.RescheduleRefused;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.Occurrence;
import io.aura.kernel.booking.BookingQueries.RescheduleOutcome;
import io.aura.kernel.booking.BookingQueries.Suggestion;
import io.aura.kernel.booking.BookingStatus;
import io.aura.kernel.booking.OccurrenceStatus;
import io.aura.kernel.booking.RescheduleStatus;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.resource.CheckInPolicy;
import io.aura.kernel.schedule.Conflict;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A booking's view, event by event: each function takes the view as it was and returns the next
 * one (the event's sequence number becomes its revision). Pure, so the same fold serves every store
 * and a replay computes exactly what live processing did.
 */
public final class BookingViewFold {
    private BookingViewFold() {}

    public static BookingView requested(BookingRequested e, long sequence) {
        List<Occurrence> occurrences = e.occurrences().stream()
                .map(o -> new Occurrence(o.start(), o.end(), OccurrenceStatus.REQUESTED)).toList();
        return new BookingView(e.bookingId(), e.title(), e.resourceId(), e.range().start(), e.range().end(),
                BookingStatus.REQUESTED, e.requester(), e.attendees(),
                e.attendeeNames() == null ? List.of() : e.attendeeNames(), e.description(), e.recurrence(),
                occurrences, List.of(), List.of(), List.of(), List.of(), null, sequence, e.privateBooking(),
                e.category());
    }

    /** The conflict check held {@code held} (and skipped {@code skipped}): confirmed or awaiting approval. */
    public static BookingView decided(BookingView v, BookingStatus status, List<TimeRange> held, List<TimeRange> skipped,
                                      List<Conflict> skippedConflicts, long sequence) {
        return decided(v, status, held, skipped, skippedConflicts, null, sequence);
    }

    /** As above; under a required {@code checkIn} each held date is due for check-in at its window's end. */
    public static BookingView decided(BookingView v, BookingStatus status, List<TimeRange> held, List<TimeRange> skipped,
                                      List<Conflict> skippedConflicts, CheckInPolicy checkIn, long sequence) {
        List<Occurrence> occurrences = new ArrayList<>();
        held.forEach(o -> occurrences.add(new Occurrence(o.start(), o.end(), OccurrenceStatus.of(status),
                checkIn != null && checkIn.required() ? checkIn.noShowAt(o) : null, null)));
        skipped.forEach(o -> occurrences.add(new Occurrence(o.start(), o.end(), OccurrenceStatus.SKIPPED)));
        occurrences.sort(Comparator.comparing(Occurrence::start));
        return next(v, status, v.start(), v.end(), occurrences, skippedConflicts, v.violations(), v.refusals(),
                v.suggestions(), v.lastReschedule(), sequence);
    }

    public static BookingView occurrenceCancelled(BookingView v, TimeRange occurrence, long sequence) {
        List<Occurrence> occurrences = v.occurrences().stream()
                .map(o -> o.start().equals(occurrence.start()) && o.end().equals(occurrence.end())
                        ? new Occurrence(o.start(), o.end(), OccurrenceStatus.CANCELLED, null, null, o.externalEventId())
                        : o)
                .toList();
        return next(v, v.status(), v.start(), v.end(), occurrences, v.conflicts(), v.violations(), v.refusals(),
                v.suggestions(), v.lastReschedule(), sequence);
    }

    /** Checked in to {@code occurrence} at {@code at}: it is no longer due. */
    public static BookingView checkedIn(BookingView v, TimeRange occurrence, Instant at, long sequence) {
        List<Occurrence> occurrences = v.occurrences().stream()
                .map(o -> same(o, occurrence)
                        ? new Occurrence(o.start(), o.end(), o.status(), o.checkInDueAt(), at, o.externalEventId())
                        : o)
                .toList();
        return next(v, v.status(), v.start(), v.end(), occurrences, v.conflicts(), v.violations(), v.refusals(),
                v.suggestions(), v.lastReschedule(), sequence);
    }

    /** Nobody checked in to {@code occurrence}: it is released, a no-show. */
    public static BookingView noShow(BookingView v, TimeRange occurrence, long sequence) {
        List<Occurrence> occurrences = v.occurrences().stream()
                .map(o -> same(o, occurrence)
                        ? new Occurrence(o.start(), o.end(), OccurrenceStatus.NO_SHOW, o.checkInDueAt(), null,
                                o.externalEventId())
                        : o)
                .toList();
        return next(v, v.status(), v.start(), v.end(), occurrences, v.conflicts(), v.violations(), v.refusals(),
                v.suggestions(), v.lastReschedule(), sequence);
    }

    /** The booking's last held date was a no-show: the booking is one. */
    public static BookingView bookingNoShow(BookingView v, long sequence) {
        return next(v, BookingStatus.NO_SHOW, v.start(), v.end(), v.occurrences(), v.conflicts(), v.violations(),
                v.refusals(), v.suggestions(), v.lastReschedule(), sequence);
    }

    private static boolean same(Occurrence o, TimeRange range) {
        return o.start().equals(range.start()) && o.end().equals(range.end());
    }

    /** Refused by the conflict check: the conflicts, the rules broken, and free slots nearest first. */
    public static BookingView rejected(BookingView v, BookingRejected e, long sequence) {
        return next(v, BookingStatus.REJECTED, v.start(), v.end(), every(v, OccurrenceStatus.REJECTED),
                e.conflicts(), messages(e.violations()), e.violations(), suggestions(e.resourceId(), e.suggestions(), v.start()),
                v.lastReschedule(), sequence);
    }

    public static BookingView cancelled(BookingView v, long sequence) {
        return next(v, BookingStatus.CANCELLED, v.start(), v.end(), active(v, OccurrenceStatus.CANCELLED),
                v.conflicts(), v.violations(), v.refusals(), v.suggestions(), v.lastReschedule(), sequence);
    }

    /** The approval was rejected or expired: the booking ends, its occurrences with it. */
    public static BookingView declined(BookingView v, BookingDeclined e, long sequence) {
        // an approver's words: no rule to name
        List<FieldViolation> why = e.comment() == null || e.comment().isBlank() ? List.of()
                : List.of(new FieldViolation("approval", e.comment()));
        return declinedBy(next(v, e.outcome(), v.start(), v.end(), active(v, OccurrenceStatus.of(e.outcome())),
                v.conflicts(), messages(why), why, v.suggestions(), v.lastReschedule(), sequence), e.by());
    }

    private static BookingView declinedBy(BookingView v, String by) {
        return new BookingView(v.bookingId(), v.title(), v.resourceId(), v.start(), v.end(), v.status(), v.requester(),
                v.attendees(), v.attendeeNames(), v.description(), v.recurrence(), v.occurrences(), v.conflicts(),
                v.violations(), v.refusals(), v.suggestions(), v.lastReschedule(), v.revision(), v.privateBooking(),
                v.category(), by);
    }

    /**
     * {@code username} was erased (ADR 0046). Their own booking keeps its times, status and requester (the
     * pseudonym) but its title reads as erased, its description and attendees' names are gone; an approval
     * comment they wrote on anyone's booking reads as erased. The revision stays: erasure is no event of the
     * booking, so the booking's own events still apply once each. Seeing it twice changes nothing.
     */
    public static BookingView erased(BookingView v, String username) {
        boolean theirs = username.equals(v.requester());
        boolean theirComment = username.equals(v.declinedBy());
        List<FieldViolation> refusals = theirComment ? v.refusals().stream()
                .map(f -> "approval".equals(f.field()) ? new FieldViolation(f.field(), PersonalData.ERASED) : f)
                .toList() : v.refusals();
        List<String> violations = theirComment ? messages(refusals) : v.violations();
        return new BookingView(v.bookingId(), theirs ? PersonalData.ERASED : v.title(), v.resourceId(), v.start(),
                v.end(), v.status(), v.requester(), v.attendees(), theirs ? List.of() : v.attendeeNames(),
                theirs ? null : v.description(), v.recurrence(), v.occurrences(), v.conflicts(), violations, refusals,
                v.suggestions(), v.lastReschedule(), v.revision(), v.privateBooking(), v.category(), v.declinedBy());
    }

    public static BookingView rescheduleAwaitingApproval(BookingView v, TimeRange to, long sequence) {
        return rescheduling(v, new RescheduleOutcome(RescheduleStatus.PENDING_APPROVAL, to.start(), to.end(), List.of(), List.of(),
                List.of()), sequence);
    }

    public static BookingView rescheduleRequested(BookingView v, TimeRange to, long sequence) {
        return rescheduling(v, new RescheduleOutcome(RescheduleStatus.PENDING, to.start(), to.end(), List.of(), List.of(),
                List.of()), sequence);
    }

    /** Moved: a booking to its new slot; a series' one date to its new times, its other dates as they were. */
    public static BookingView rescheduled(BookingView v, BookingRescheduled e, long sequence) {
        RescheduleOutcome moved = new RescheduleOutcome(RescheduleStatus.MOVED, e.to().start(), e.to().end(),
                List.of(), List.of(), List.of());
        boolean oneDateOfASeries = v.occurrences().size() > 1 && v.occurrences().stream()
                .anyMatch(o -> o.start().equals(e.from().start()) && o.end().equals(e.from().end()));
        if (!oneDateOfASeries) {
            // a moved date keeps its check-in window's length (the booking keeps the policy; ADR 0033)
            Instant due = v.occurrences().stream().filter(o -> o.status().isActive() && o.checkInDueAt() != null)
                    .findFirst().map(o -> shiftedDue(o, e.to())).orElse(null);
            // the same Outlook event, moved (ADR 0043)
            String outlook = v.occurrences().stream().filter(o -> o.status().isActive() && o.externalEventId() != null)
                    .findFirst().map(Occurrence::externalEventId).orElse(null);
            return next(v, v.status(), e.to().start(), e.to().end(),
                    List.of(new Occurrence(e.to().start(), e.to().end(), OccurrenceStatus.of(v.status()), due, null,
                            outlook)),
                    v.conflicts(), v.violations(), v.refusals(), v.suggestions(), moved, sequence);
        }
        List<Occurrence> occurrences = new ArrayList<>(v.occurrences().stream()
                .map(o -> o.start().equals(e.from().start()) && o.end().equals(e.from().end())
                        ? new Occurrence(e.to().start(), e.to().end(), o.status(),
                                o.checkInDueAt() == null ? null : shiftedDue(o, e.to()), null, o.externalEventId())
                        : o)
                .toList());
        occurrences.sort(Comparator.comparing(Occurrence::start));
        // the series' own start and end stay those it was asked for, unless its first date is the one moved
        boolean first = v.start().equals(e.from().start()) && v.end().equals(e.from().end());
        return next(v, v.status(), first ? e.to().start() : v.start(), first ? e.to().end() : v.end(), occurrences,
                v.conflicts(), v.violations(), v.refusals(), v.suggestions(), moved, sequence);
    }

    /** The check-in due time of {@code date} moved to {@code to}: as long after its start, at most its end. */
    private static Instant shiftedDue(Occurrence date, TimeRange to) {
        Instant shifted = to.start().plus(Duration.between(date.start(), date.checkInDueAt()));
        return shifted.isBefore(to.end()) ? shifted : to.end();
    }

    public static BookingView rescheduleRefused(BookingView v, RescheduleRefused e, long sequence) {
        return rescheduling(v, new RescheduleOutcome(RescheduleStatus.REFUSED, e.to().start(), e.to().end(), e.conflicts(),
                messages(e.violations()), e.violations()), sequence);
    }

    private static BookingView rescheduling(BookingView v, RescheduleOutcome outcome, long sequence) {
        return next(v, v.status(), v.start(), v.end(), v.occurrences(), v.conflicts(), v.violations(), v.refusals(),
                v.suggestions(), outcome, sequence);
    }

    private static BookingView next(BookingView v, BookingStatus status, Instant start, Instant end,
                                    List<Occurrence> occurrences, List<Conflict> conflicts, List<String> violations,
                                    List<FieldViolation> refusals, List<Suggestion> suggestions, RescheduleOutcome lastReschedule, long sequence) {
        return new BookingView(v.bookingId(), v.title(), v.resourceId(), start, end, status, v.requester(),
                v.attendees(), v.attendeeNames(), v.description(), v.recurrence(), List.copyOf(occurrences),
                List.copyOf(conflicts), List.copyOf(violations), refusals, List.copyOf(suggestions), lastReschedule,
                sequence, v.privateBooking(), v.category(), v.declinedBy());
    }

    /** The date at {@code occurrence} is Outlook event {@code externalEventId} (ADR 0043). */
    public static BookingView externalEventRecorded(BookingView v, TimeRange occurrence, String externalEventId,
                                                    long sequence) {
        List<Occurrence> occurrences = v.occurrences().stream()
                .map(o -> same(o, occurrence) ? new Occurrence(o.start(), o.end(), o.status(), o.checkInDueAt(),
                        o.checkedInAt(), externalEventId) : o)
                .toList();
        return next(v, v.status(), v.start(), v.end(), occurrences, v.conflicts(), v.violations(), v.refusals(),
                v.suggestions(), v.lastReschedule(), sequence);
    }

    /** Every occurrence in {@code status}. */
    private static List<Occurrence> every(BookingView v, OccurrenceStatus status) {
        return v.occurrences().stream().map(o -> new Occurrence(o.start(), o.end(), status)).toList();
    }

    /** The occurrences still holding their slot in {@code status}; the others as they were. */
    private static List<Occurrence> active(BookingView v, OccurrenceStatus status) {
        return v.occurrences().stream()
                .map(o -> o.status().isActive() ? new Occurrence(o.start(), o.end(), status, null, null,
                        o.externalEventId()) : o)
                .toList();
    }

    private static List<String> messages(List<FieldViolation> violations) {
        return violations.stream().map(f -> f.field() + ": " + f.message()).toList();
    }

    /** Nearest first; the score falls with the distance from the wanted start (1 = the same time). */
    private static List<Suggestion> suggestions(String resourceId, List<TimeRange> slots, Instant wanted) {
        return slots.stream().map(slot -> {
            double hoursAway = Math.abs(Duration.between(wanted, slot.start()).toMinutes()) / 60.0;
            return new Suggestion(resourceId, slot.start(), slot.end(), Math.round(1000 / (1 + hoursAway)) / 1000.0);
        }).toList();
    }
}
