package io.aura.command.waitlist;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.aura.command.booking.BookingStateException;
import io.aura.command.booking.NotOwnerException;
import io.aura.kernel.booking.BookingRequestRules;
import io.aura.kernel.quota.ApplicableQuotas;
import io.aura.kernel.schedule.TimeRange;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.Rule;
import io.aura.kernel.waitlist.WaitlistCommands;
import io.aura.kernel.waitlist.WaitlistCommands.FulfilWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistCommands.JoinWaitlist;
import io.aura.kernel.waitlist.WaitlistCommands.LeaveWaitlist;
import io.aura.kernel.waitlist.WaitlistCommands.OfferFreedTime;
import io.aura.kernel.waitlist.WaitlistCommands.ReturnWaitlistEntry;
import io.aura.kernel.waitlist.WaitlistEntryStatus;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryExpired;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryFulfilled;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryPromoted;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistEntryReturned;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistJoined;
import io.aura.kernel.waitlist.WaitlistEvents.WaitlistLeft;
import io.aura.kernel.waitlist.Waitlists;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A resource's waitlist (ADR 0036): who waits for which of its taken slots, in the order they asked.
 * It decides who is first when time frees ({@link Waitlists#promotable}) and records the promotion; it
 * never holds time itself — the booking it asks for goes through the schedule like any other, so a
 * promotion racing a direct request can never double-book.
 */
public class Waitlist {

    @AggregateIdentifier
    private String waitlistId;

    private String resourceId;
    private long nextSequence = 1;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** What the waitlist remembers of an entry: enough to ask for its booking again. */
    private record Entry(String entryId, long sequence, TimeRange range, String title, int attendees,
                         List<String> attendeeNames, String owner, List<String> ownerRoles,
                         ApplicableQuotas ownerQuotas, WaitlistEntryStatus status, String bookingId, int promotions) {
        Entry with(WaitlistEntryStatus newStatus, String newBookingId, int newPromotions) {
            return new Entry(entryId, sequence, range, title, attendees, attendeeNames, owner, ownerRoles, ownerQuotas,
                    newStatus, newBookingId, newPromotions);
        }

        Waitlists.Entry decided() {
            return new Waitlists.Entry(entryId, sequence, range, status);
        }
    }

    protected Waitlist() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(JoinWaitlist c) {
        // the request's own limits hold however the command arrives, as for a booking (one rule, one place)
        List<FieldViolation> violations = BookingRequestRules.fieldViolations(c.title(), null, c.attendees(),
                c.attendeeNames(), c.range());
        if (c.range() == null) {
            violations.add(FieldViolation.of("start", Rule.REQUIRED));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (entries.containsKey(c.entryId())) {
            return; // a redelivered join
        }
        boolean alreadyWaiting = entries.values().stream().anyMatch(e -> e.status().isOpen()
                && e.owner().equals(c.owner()) && e.range().equals(c.range()));
        if (alreadyWaiting) {
            throw new BookingStateException("You are already on the waitlist for this slot.");
        }
        apply(new WaitlistJoined(WaitlistCommands.waitlistId(c.resourceId()), c.entryId(), c.resourceId(),
                nextSequence, c.range(), c.title(), c.attendees(), c.attendeeNames(), c.owner(), c.ownerRoles(),
                c.ownerQuotas()));
    }

    @CommandHandler
    void handle(LeaveWaitlist c) {
        Entry entry = Optional.ofNullable(entries.get(c.entryId()))
                .orElseThrow(() -> new BookingStateException("No such waitlist entry."));
        if (!c.byAdmin() && !entry.owner().equals(c.by())) {
            throw new NotOwnerException("Only its owner or an administrator may take an entry off the waitlist.");
        }
        if (entry.status() == WaitlistEntryStatus.LEFT) {
            return;
        }
        if (!entry.status().isOpen()) {
            throw new BookingStateException("This entry is no longer waiting (" + entry.status() + ").");
        }
        apply(new WaitlistLeft(waitlistId, entry.entryId(), resourceId, c.by()));
    }

    @CommandHandler
    void handle(OfferFreedTime c) {
        List<Waitlists.Entry> inOrder = entries.values().stream().map(Entry::decided).toList();
        for (Waitlists.Entry gone : Waitlists.expired(inOrder, c.now())) {
            apply(new WaitlistEntryExpired(waitlistId, gone.entryId(), resourceId));
        }
        for (Waitlists.Entry first : Waitlists.promotable(inOrder, c.freed(), c.now())) {
            Entry entry = entries.get(first.entryId());
            apply(new WaitlistEntryPromoted(waitlistId, entry.entryId(), resourceId,
                    Waitlists.bookingIdFor(entry.entryId(), entry.promotions() + 1), entry.range(), entry.title(),
                    entry.attendees(), entry.attendeeNames(), entry.owner(), entry.ownerRoles(), entry.ownerQuotas()));
        }
    }

    @CommandHandler
    void handle(ReturnWaitlistEntry c) {
        promotedBy(c.bookingId()).filter(e -> e.status() == WaitlistEntryStatus.PROMOTED).ifPresent(e ->
                apply(new WaitlistEntryReturned(waitlistId, e.entryId(), resourceId, c.bookingId())));
    }

    /** Also from WAITING: a booking that was thought refused (a lost command) may still have been held. */
    @CommandHandler
    void handle(FulfilWaitlistEntry c) {
        promotedBy(c.bookingId())
                .filter(e -> e.status() == WaitlistEntryStatus.PROMOTED || e.status() == WaitlistEntryStatus.WAITING)
                .ifPresent(e -> apply(new WaitlistEntryFulfilled(waitlistId, e.entryId(), resourceId, c.bookingId(),
                        e.owner(), e.range(), e.title())));
    }

    private Optional<Entry> promotedBy(String bookingId) {
        return entries.values().stream().filter(e -> bookingId.equals(e.bookingId())).findFirst();
    }

    @EventSourcingHandler
    void on(WaitlistJoined e) {
        waitlistId = e.waitlistId();
        resourceId = e.resourceId();
        nextSequence = Math.max(nextSequence, e.sequence() + 1);
        entries.put(e.entryId(), new Entry(e.entryId(), e.sequence(), e.range(), e.title(), e.attendees(),
                e.attendeeNames(), e.owner(), e.ownerRoles(), e.ownerQuotas(), WaitlistEntryStatus.WAITING, null, 0));
    }

    @EventSourcingHandler
    void on(WaitlistLeft e) {
        entries.computeIfPresent(e.entryId(), (id, entry) -> entry.with(WaitlistEntryStatus.LEFT, entry.bookingId(),
                entry.promotions()));
    }

    @EventSourcingHandler
    void on(WaitlistEntryPromoted e) {
        entries.computeIfPresent(e.entryId(), (id, entry) -> entry.with(WaitlistEntryStatus.PROMOTED, e.bookingId(),
                entry.promotions() + 1));
    }

    @EventSourcingHandler
    void on(WaitlistEntryReturned e) {
        entries.computeIfPresent(e.entryId(), (id, entry) -> entry.with(WaitlistEntryStatus.WAITING,
                entry.bookingId(), entry.promotions()));
    }

    @EventSourcingHandler
    void on(WaitlistEntryFulfilled e) {
        entries.computeIfPresent(e.entryId(), (id, entry) -> entry.with(WaitlistEntryStatus.FULFILLED,
                entry.bookingId(), entry.promotions()));
    }

    @EventSourcingHandler
    void on(WaitlistEntryExpired e) {
        entries.computeIfPresent(e.entryId(), (id, entry) -> entry.with(WaitlistEntryStatus.EXPIRED,
                entry.bookingId(), entry.promotions()));
    }
}
