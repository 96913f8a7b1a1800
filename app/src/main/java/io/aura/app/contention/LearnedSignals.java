package io.aura.app.contention;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.booking.BookingEvents;
import io.aura.kernel.booking.RankingSignals;
import io.aura.kernel.booking.SignalSource;
import io.aura.kernel.resource.ResourceEvents;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import io.aura.query.ranking.SignalsFold;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

    private final EventStore eventStore;
    private final SignalsFold fold = new SignalsFold();
    private TrackingToken readTo;
    private long readUpTo = -1;
    private RankingSignals signals = RankingSignals.NONE;

    public LearnedSignals(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public synchronized RankingSignals current() {
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        if (last <= readUpTo) {
            return signals;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(readTo)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                readTo = message.trackingToken();
                if (READ.contains(message.getPayloadType().getName())) {
                    fold.apply(new Recorded(message.getTimestamp(), message.getPayload(),
                            rolesOf(message.getMetaData().get(MessageMetadata.ACTOR_ROLES))));
                }
                if (message.trackingToken().position().orElse(-1) >= last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return signals;
        }
        readUpTo = last;
        signals = fold.signals();
        return signals;
    }

    /**
     * The signals as they were learned from the events recorded before {@code cutoff} only: what a hold-out
     * evaluation ranks with, so that it is never tested on choices it learned from. Reads the store from its start.
     */
    public RankingSignals before(java.time.Instant cutoff) {
        SignalsFold past = new SignalsFold();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (!message.getTimestamp().isBefore(cutoff)) {
                    break;
                }
                if (READ.contains(message.getPayloadType().getName())) {
                    past.apply(new Recorded(message.getTimestamp(), message.getPayload(),
                            rolesOf(message.getMetaData().get(MessageMetadata.ACTOR_ROLES))));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return past.signals();
    }

    private static List<String> rolesOf(Object roles) {
        return roles == null || roles.toString().isBlank() ? List.of()
                : Arrays.stream(roles.toString().split(",")).map(String::trim).toList();
    }
}
