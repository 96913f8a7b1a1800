package io.aura.app.contention;

import io.aura.app.history.StoredEvents;
import io.aura.kernel.booking.BookingEvents;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SignalSource;
import io.aura.kernel.resource.ResourceEvents;
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

    /** The payloads the fold learns from: resources (their zones) and bookings; from the store and live alike. */
    private static final Set<String> READ = Stream.of(ResourceEvents.class, BookingEvents.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredClasses())).map(Class::getName).collect(Collectors.toSet());

    private final StoredEvents stored;
    /** The fold, whether it changed since it was last summed up, and that sum: all under {@link #lock}. */
    private final Object lock = new Object();
    private SignalsFold fold = new SignalsFold();
    private boolean changed;
    private RankingSignals signals = RankingSignals.NONE;

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

    /** Every event of the kinds {@link #READ} names; the others are passed over without being deserialised. */
    @EventHandler
    void on(EventMessage<?> message) {
        if (!READ.contains(message.getPayloadType().getName())) {
            return;
        }
        Recorded recorded = StoredEvents.recorded(message);
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
        stored.read(READ, cutoff, past::apply);
        return past.signals();
    }
}
