package io.aura.app.history;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The one reader of stored history for those who learn from it or replay it in memory (the ranking's signals,
 * the choices after a refusal, the policy what-if): Axon's own stream, so each event is upcast and deserialised
 * as every handler sees it, and only the kinds asked for are deserialised at all. A walk ends at the store's head
 * as it was when the walk began, never waiting at the end of the stream.
 */
@Component
public class StoredEvents {
    private final EventStore eventStore;

    public StoredEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Hands {@code each} the events after {@code from} (null: from the first) whose payload type is in
     * {@code types}, oldest first, up to the head, or up to the first event recorded at or after {@code before}
     * (null: no bound; the store is in the order it was appended, so the rest is later). Answers the token of
     * the last event read, {@code from} when there was none.
     */
    public TrackingToken read(TrackingToken from, Set<String> types, Instant before, Consumer<Recorded> each) {
        return read(from, types, before, Duration.ofSeconds(5), each);
    }

    /**
     * As {@link #read(TrackingToken, Set, Instant, Consumer)}, waiting at most {@code patience} for an event the
     * head already counts but the stream has not brought yet (one not yet committed, or a gap that will never
     * fill): a reader on a request's path takes what is there and comes back for the rest.
     */
    public TrackingToken read(TrackingToken from, Set<String> types, Instant before, Duration patience,
                              Consumer<Recorded> each) {
        TrackingToken head = eventStore.createHeadToken();
        long last = position(head);
        if (last < 0 || (from != null && position(from) >= last)) {
            return from;
        }
        TrackingToken readTo = from;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            while (stream.hasNextAvailable((int) patience.toMillis(), TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (before != null && !message.getTimestamp().isBefore(before)) {
                    break;
                }
                readTo = message.trackingToken();
                if (types.contains(message.getPayloadType().getName())) {
                    each.accept(new Recorded(message.getTimestamp(), message.getPayload(),
                            rolesOf(message.getMetaData().get(MessageMetadata.ACTOR_ROLES))));
                }
                if (position(readTo) >= last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        return readTo;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** The roles an event's actor acted with, from its metadata (comma-separated; none when absent). */
    public static List<String> rolesOf(Object roles) {
        return roles == null || roles.toString().isBlank() ? List.of()
                : Arrays.stream(roles.toString().split(",")).map(String::trim).toList();
    }
}
