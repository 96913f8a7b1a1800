package io.aura.app.external;

import io.aura.app.external.OutlookOutbox.Booking;
import io.aura.app.external.OutlookOutbox.Delivery;
import io.aura.app.external.OutlookOutbox.Kind;
import io.aura.app.external.OutlookOutbox.OutlookDate;
import io.aura.app.external.OutlookOutbox.Status;
import io.aura.kernel.booking.BookingCommands.RecordExternalEvent;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.BookingPrivacy;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.privacy.PersonalData;
import io.aura.kernel.schedule.ExternalEvents;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarLinked;
import io.aura.kernel.schedule.ScheduleEvents.ExternalCalendarUnlinked;
import io.aura.kernel.schedule.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Aura's confirmed bookings in their resource's Outlook room calendar (ADR 0043). A tracking processor
 * turns booking events into deliveries in the {@link OutlookOutbox} — one Outlook event per held date,
 * created, moved and deleted — with the links it has seen itself, so a booking confirmed after a link in
 * the stream is written and one before is not. A scheduler sends them through Graph, never inside a
 * command: Graph being down delays a write, it never holds up nor loses a booking. A 429 waits as long
 * as Graph asks; 5xx and timeouts are retried with exponential backoff up to {@code aura.graph.write-attempts},
 * then FAILED, logged and counted in the link's status for an administrator. The created event's id
 * goes back to the booking as {@link RecordExternalEvent}.
 */
@Component
@ProcessingGroup(OutlookWriteBack.PROCESSING_GROUP)
public class OutlookWriteBack {
    public static final String PROCESSING_GROUP = "outlook";
    private static final Logger log = LoggerFactory.getLogger(OutlookWriteBack.class);
    static final Duration LEASE = Duration.ofMinutes(2);

    private final OutlookOutbox outbox;
    private final ObjectProvider<ExternalEvents> graph;
    private final CommandGateway commands;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration backoffCap;

    public OutlookWriteBack(OutlookOutbox outbox, ObjectProvider<ExternalEvents> graph, CommandGateway commands,
                            Clock clock, @Value("${aura.graph.write-attempts:12}") int maxAttempts,
                            @Value("${aura.graph.write-backoff:PT2S}") Duration backoff,
                            @Value("${aura.graph.write-backoff-cap:PT1H}") Duration backoffCap) {
        this.outbox = outbox;
        this.graph = graph;
        this.commands = commands;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.backoffCap = backoffCap;
    }

    // ---- what to write: a processor over the event stream ---------------------------------------

    @EventHandler
    void on(ExternalCalendarLinked e) {
        outbox.link(e.resourceId(), e.mailbox());
    }

    @EventHandler
    void on(ExternalCalendarUnlinked e) {
        outbox.link(e.resourceId(), null);
    }

    /**
     * Only a booking on a linked resource is remembered (its title names its Outlook events). A room's calendar is
     * read by everyone who books it: a private booking is named "Busy" there (ADR 0040).
     */
    @DisallowReplay
    @EventHandler
    void on(BookingRequested e) {
        if (outbox.mailboxOf(e.resourceId()).isPresent()) {
            outbox.saveBooking(new Booking(e.bookingId(), e.resourceId(),
                    BookingPrivacy.title(e.title(), !Boolean.TRUE.equals(e.privateBooking())), e.requester()));
        }
    }

    /**
     * An erased requester's bookings are named "[erased]" here from now on (ADR 0046), in the writes still queued
     * and in those kept as done; a private one stays "Busy". What Outlook already shows is Outlook's: Graph is
     * not asked to rename it.
     */
    @EventHandler
    void on(UserErased e) {
        for (Booking booking : outbox.bookingsOf(e.username())) {
            Booking erased = erased(booking);
            outbox.saveBooking(erased);
            outbox.renameDeliveries(booking.bookingId(), erased.title());
        }
    }

    static Booking erased(Booking b) {
        String title = BookingPrivacy.BUSY.equals(b.title()) ? b.title() : PersonalData.ERASED;
        return new Booking(b.bookingId(), b.resourceId(), title, b.requester());
    }

    /** Each held date is its own Outlook event; a date already over is not written. */
    @DisallowReplay
    @EventHandler
    void on(BookingConfirmed e, @SequenceNumber long sequence, EventMessage<?> message) {
        Booking booking = outbox.booking(e.bookingId()).orElse(null);
        String mailbox = booking == null ? null : outbox.mailboxOf(e.resourceId()).orElse(null);
        if (mailbox == null) {
            return;
        }
        Instant now = clock.instant();
        for (TimeRange date : e.held()) {
            OutlookDate written = new OutlookDate(e.bookingId(), date.start(), mailbox, date, true);
            outbox.saveDate(written);
            if (date.end().isAfter(now)) {
                queue(message, sequence, written, Kind.CREATE, booking.title());
            }
        }
    }

    @DisallowReplay
    @EventHandler
    void on(BookingRescheduled e, @SequenceNumber long sequence, EventMessage<?> message) {
        outbox.datesOf(e.bookingId()).stream().filter(d -> d.live() && d.times().equals(e.from())).findFirst()
                .ifPresent(d -> {
                    OutlookDate moved = new OutlookDate(d.bookingId(), d.date(), d.mailbox(), e.to(), true);
                    outbox.saveDate(moved);
                    queue(message, sequence, moved, Kind.MOVE, outbox.booking(e.bookingId()).map(Booking::title)
                            .orElse(null));
                });
    }

    @DisallowReplay
    @EventHandler
    void on(OccurrenceCancelled e, @SequenceNumber long sequence, EventMessage<?> message) {
        release(e.bookingId(), e.occurrence(), sequence, message);
    }

    /** A no-show releases the date in Aura, so it frees the room in Outlook too. */
    @DisallowReplay
    @EventHandler
    void on(OccurrenceMarkedNoShow e, @SequenceNumber long sequence, EventMessage<?> message) {
        release(e.bookingId(), e.occurrence(), sequence, message);
    }

    @DisallowReplay
    @EventHandler
    void on(BookingCancelled e, @SequenceNumber long sequence, EventMessage<?> message) {
        release(e.bookingId(), null, sequence, message);
    }

    /** Deletes one live date ({@code only}) or all of a booking's; a date already over stays in Outlook as it happened. */
    private void release(String bookingId, TimeRange only, long sequence, EventMessage<?> message) {
        Instant now = clock.instant();
        for (OutlookDate d : outbox.datesOf(bookingId)) {
            if (d.live() && (only == null || d.times().equals(only))) {
                OutlookDate gone = new OutlookDate(d.bookingId(), d.date(), d.mailbox(), d.times(), false);
                outbox.saveDate(gone);
                if (only != null || d.times().end().isAfter(now)) {
                    queue(message, sequence, gone, Kind.DELETE, null);
                }
            }
        }
    }

    /** Once per event and date: the delivery's id is theirs, so a redelivered event queues nothing new. */
    private void queue(EventMessage<?> message, long sequence, OutlookDate date, Kind kind, String subject) {
        outbox.addDelivery(new Delivery(message.getIdentifier() + ":" + date.date().toEpochMilli(), date.bookingId(),
                date.date(), date.mailbox(), kind, subject, date.times(), sequence, Status.PENDING, 0,
                message.getTimestamp(), null, null));
    }

    // ---- writing it: a scheduler, outside any command --------------------------------------------

    @Scheduled(fixedDelayString = "${aura.graph.write-interval:PT1S}")
    public void sendDue() {
        ExternalEvents outlook = graph.getIfAvailable();
        if (outlook == null) {
            return; // kept until Graph is configured
        }
        for (int i = 0; i < 50; i++) {
            Instant now = clock.instant();
            Delivery d = outbox.claimDue(now, now.plus(LEASE)).orElse(null);
            if (d == null) {
                return;
            }
            send(outlook, d, now);
        }
    }

    private void send(ExternalEvents outlook, Delivery d, Instant now) {
        String created = null;
        try {
            String id = outbox.externalEventId(d.bookingId(), d.date()).orElse(null);
            switch (d.kind()) {
                case CREATE -> created = id != null ? id : create(outlook, d);
                case MOVE -> {
                    if (id == null) { // its create never got through (or the date was over then): create it here
                        created = create(outlook, d);
                    } else {
                        outlook.move(d.mailbox(), id, d.times());
                    }
                }
                case DELETE -> {
                    if (id != null) {
                        outlook.delete(d.mailbox(), id);
                    }
                }
            }
            if (created != null) {
                // the booking keeps it (and the view shows it); a failure here tries the idempotent create again
                commands.sendAndWait(new RecordExternalEvent(d.bookingId(), d.date(), d.mailbox(), created), 20,
                        TimeUnit.SECONDS);
            }
        } catch (ExternalEvents.Throttled e) {
            retry(d, now, e.getMessage(), e.retryAfter());
            return;
        } catch (ExternalEvents.Refused e) {
            giveUp(d, d.attempts() + 1, e.getMessage());
            return;
        } catch (RuntimeException e) { // Graph unavailable, a timeout, or the command not taken
            retry(d, now, e.getMessage(), backoff(d.attempts() + 1));
            return;
        }
        outbox.done(d.id(), created);
    }

    private String create(ExternalEvents outlook, Delivery d) {
        String subject = d.subject() == null || d.subject().isBlank() ? "Aura booking" : d.subject();
        return outlook.create(d.mailbox(), ExternalEvents.transactionId(d.bookingId(), d.date()), subject, d.times());
    }

    private void retry(Delivery d, Instant now, String error, Duration wait) {
        int attempts = d.attempts() + 1;
        if (attempts >= maxAttempts) {
            giveUp(d, attempts, error);
            return;
        }
        log.info("Outlook {} of booking {} in {} not written (attempt {}), again in {}: {}", d.kind(), d.bookingId(),
                d.mailbox(), attempts, wait, error);
        outbox.failed(d.id(), Status.PENDING, attempts, error, now.plus(wait));
    }

    private void giveUp(Delivery d, int attempts, String error) {
        log.warn("Outlook {} of booking {} (date {}) in {} given up after {} attempt(s): {}", d.kind(), d.bookingId(),
                d.date(), d.mailbox(), attempts, error);
        outbox.failed(d.id(), Status.FAILED, attempts, error, clock.instant());
    }

    /** {@code backoff}, doubled each attempt, at most {@code backoffCap}. */
    Duration backoff(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(backoffCap) > 0 ? backoffCap : wait;
    }
}
