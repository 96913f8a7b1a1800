package io.aura.app.contention;

import io.aura.app.history.StoredEvents;
import io.aura.kernel.booking.BookingEvents;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SignalSource;
import io.aura.kernel.resource.ResourceEvents;
import io.aura.query.ranking.SignalsFold;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * The ranking's learned signals (ADR 0049), kept up to date by reading the event store where it was
 * last read to and folding what is new into {@link SignalsFold}: each ask reads only events appended
 * since the last one (none: nothing is read), so a suggestion made right after a booking already
 * knows it. The store is the source, on every node alike; nothing is written, and a replay of the
 * views changes nothing here.
 */
@Component
public class LearnedSignals implements SignalSource {
    /** The payloads the fold learns from: resources (their zones) and bookings. */
    private static final Set<String> READ = Stream.of(ResourceEvents.class, BookingEvents.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredClasses())).map(Class::getName).collect(Collectors.toSet());

    private final StoredEvents stored;
    private final SignalsFold fold = new SignalsFold();
    /** How long a request's read waits for an event the head counts but the stream has not brought yet. */
    static final java.time.Duration PATIENCE = java.time.Duration.ofMillis(250);

    private final java.util.concurrent.locks.ReentrantLock refreshing = new java.util.concurrent.locks.ReentrantLock();
    private TrackingToken readTo;
    private volatile RankingSignals signals = RankingSignals.NONE;

    public LearnedSignals(StoredEvents stored) {
        this.stored = stored;
    }

    /**
     * The signals with every event the stream has brought so far. One caller at a time reads what is new, waiting
     * at most {@link #PATIENCE} for it; callers meanwhile take the signals as they are (statistics over weeks: a
     * booking more or less is the next caller's), so no request queues behind another's read.
     */
    @Override
    public RankingSignals current() {
        if (!refreshing.tryLock()) {
            return signals;
        }
        try {
            // the read looks at the head itself and answers where it was when nothing is new
            TrackingToken read = stored.read(readTo, READ, null, PATIENCE, fold::apply);
            if (read != readTo) {
                readTo = read;
                signals = fold.signals();
            }
            return signals;
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * The signals as they were learned from the events recorded before {@code cutoff} only: what a hold-out
     * evaluation ranks with, so that it is never tested on choices it learned from. Reads the store from its start.
     */
    public RankingSignals before(java.time.Instant cutoff) {
        SignalsFold past = new SignalsFold();
        stored.read(null, READ, cutoff, past::apply);
        return past.signals();
    }
}
