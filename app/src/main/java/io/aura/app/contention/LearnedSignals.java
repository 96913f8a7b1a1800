package io.aura.app.contention;

import io.aura.app.history.StoredEvents;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.booking.BookingEvents;
import io.aura.kernel.booking.BookingEvents.BookingAwaitingApproval;
import io.aura.kernel.booking.BookingEvents.BookingCancelled;
import io.aura.kernel.booking.BookingEvents.BookingConfirmed;
import io.aura.kernel.booking.BookingEvents.BookingDeclined;
import io.aura.kernel.booking.BookingEvents.BookingRejected;
import io.aura.kernel.booking.BookingEvents.BookingRequested;
import io.aura.kernel.booking.BookingEvents.BookingRescheduled;
import io.aura.kernel.booking.BookingEvents.OccurrenceCancelled;
import io.aura.kernel.booking.BookingEvents.OccurrenceMarkedNoShow;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SignalSource;
import io.aura.kernel.resource.ResourceEvents;
import io.aura.kernel.resource.ResourceEvents.ResourceChanged;
import io.aura.kernel.resource.ResourceEvents.ResourceRegistered;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import io.aura.query.ranking.SignalsFold;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The ranking's learned signals (ADR 0049, ADR 0056): folded into {@link SignalsFold} by a tracking processor of
 * their own, as every view is folded, so ranking a request's alternatives only reads memory and never the event
 * store. The processor keeps its position in memory (each node folds the store from its start when it starts, in
 * the background): the signals are derived from the events alone, nothing is written, and a replay of the views
 * changes nothing here. A request ranks with the signals as far as the processor has come; it follows the head
 * within milliseconds, well inside the hops a request's own decision takes.
 */
@Component
@ProcessingGroup(LearnedSignals.PROCESSING_GROUP)
public class LearnedSignals implements SignalSource {
    public static final String PROCESSING_GROUP = "ranking-signals";

    /** The payloads the fold learns from: resources (their zones) and bookings. */
    private static final Set<String> READ = Stream.of(ResourceEvents.class, BookingEvents.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredClasses())).map(Class::getName).collect(Collectors.toSet());

    private final StoredEvents stored;
    /** Written by the processor's thread only, under {@link #lock}; read under it when the signals are taken. */
    private final Object lock = new Object();
    private SignalsFold fold = new SignalsFold();
    private boolean changed;
    private volatile RankingSignals signals = RankingSignals.NONE;

    public LearnedSignals(StoredEvents stored) {
        this.stored = stored;
    }

    /**
     * The signals with every event the processor has folded so far. Taking them is a read of memory: when the fold
     * changed since the last caller, the first caller to find it free sums it up; callers meanwhile take the signals
     * as they are (statistics over weeks: a booking more or less is the next caller's).
     */
    @Override
    public RankingSignals current() {
        synchronized (lock) {
            if (changed) {
                signals = fold.signals();
                changed = false;
            }
            return signals;
        }
    }

    /** Nobody resets this processor today; if one did, the fold starts again instead of counting events twice. */
    @ResetHandler
    void reset() {
        synchronized (lock) {
            fold = new SignalsFold();
            changed = true;
        }
    }

    @EventHandler
    void on(ResourceRegistered event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(ResourceChanged event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingRequested event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingRejected event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingAwaitingApproval event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingConfirmed event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingDeclined event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingRescheduled event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(BookingCancelled event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(OccurrenceCancelled event, EventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(OccurrenceMarkedNoShow event, EventMessage<?> message) {
        fold(event, message);
    }

    private void fold(Object event, EventMessage<?> message) {
        Recorded recorded = new Recorded(message.getTimestamp(), event,
                StoredEvents.rolesOf(message.getMetaData().get(MessageMetadata.ACTOR_ROLES)));
        synchronized (lock) {
            fold.apply(recorded);
            changed = true;
        }
    }

    /**
     * The signals as they were learned from the events recorded before {@code cutoff} only: what a hold-out
     * evaluation ranks with, so that it is never tested on choices it learned from. Reads the store from its start.
     */
    public RankingSignals before(Instant cutoff) {
        SignalsFold past = new SignalsFold();
        stored.read(null, READ, cutoff, past::apply);
        return past.signals();
    }
}
