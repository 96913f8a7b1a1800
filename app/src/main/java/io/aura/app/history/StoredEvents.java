package io.aura.app.history;

import io.aura.kernel.MessageMetadata;
import io.aura.kernel.whatif.PolicyWhatIf.Recorded;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
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
     * Hands {@code each} the events whose payload type is in {@code types}, oldest first, from the first up to the
     * head, or up to the first event recorded at or after {@code before} (null: no bound; the store is in the order
     * it was appended, so the rest is later).
     */
    public void read(Set<String> types, Instant before, Consumer<Recorded> each) {
        long last = position(eventStore.createHeadToken());
        if (last < 0) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            // an event the head counts but the stream has not brought (not yet committed, or a gap that never fills)
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (before != null && !message.getTimestamp().isBefore(before)) {
                    break;
                }
                if (types.contains(message.getPayloadType().getName())) {
                    each.accept(recorded(message));
                }
                if (position(message.trackingToken()) >= last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
    }

    /** An event as those who learn from history see it: when, what, and the roles its actor acted with. */
    public static Recorded recorded(EventMessage<?> message) {
        return new Recorded(message.getTimestamp(), message.getPayload(),
                rolesOf(message.getMetaData().get(MessageMetadata.ACTOR_ROLES)));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static List<String> rolesOf(Object roles) {
        return roles == null || roles.toString().isBlank() ? List.of()
                : Arrays.stream(roles.toString().split(",")).map(String::trim).toList();
    }
}
