package io.aura.app.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

/**
 * Server-Sent Events from a subscription query, for API clients: a {@code ready} event once the subscription is open,
 * then one event per burst, holding every update of the last 250 ms (at most 4 a second). Streams never end by
 * themselves: on shutdown they are closed, so a graceful shutdown need not wait for them.
 */
@Component
public class LiveStreams {
    private static final Duration BURST = Duration.ofMillis(250);
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    /** Streams {@code subscription}'s updates as events named {@code event}, each burst as {@code shown} makes it. */
    public <U> SseEmitter open(SubscriptionQueryResult<?, U> subscription, String event,
                               Function<List<U>, Object> shown) throws IOException {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Disposable updates = subscription.updates()
                .bufferTimeout(100, BURST)
                .filter(burst -> !burst.isEmpty())
                .subscribe(burst -> {
                    try {
                        emitter.send(SseEmitter.event().name(event).data(shown.apply(burst)));
                    } catch (IOException | IllegalStateException gone) {
                        subscription.cancel();
                    }
                }, emitter::completeWithError, emitter::complete);
        open.add(emitter);
        Runnable close = () -> {
            open.remove(emitter);
            updates.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        emitter.send(SseEmitter.event().name("ready").data("{}")); // tells the client the subscription is open
        return emitter;
    }
}
