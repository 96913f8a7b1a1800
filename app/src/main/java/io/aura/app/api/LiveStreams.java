package io.aura.app.api;

import io.aura.app.security.AuraUserDetailsService;
import io.aura.app.security.AuraUserDetailsService.Account;
import io.aura.kernel.identity.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

/**
 * Server-Sent Events from a subscription query, for API clients: a {@code ready} event once the subscription is open,
 * then one event per burst, holding every update of the last 250 ms (at most 4 a second). Streams never end by
 * themselves: on shutdown they are closed, so a graceful shutdown need not wait for them.
 *
 * <p>A stream acts with the caller's account as it is at each send, not as it was when it opened (docs/security.md):
 * before each burst the account is read again, as every request reads it; a disabled account, or one without any of
 * the roles the stream needs, ends the stream, and what a burst shows is chosen with the account's roles of now.
 */
@Component
public class LiveStreams {
    private static final Duration BURST = Duration.ofMillis(250);
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final AuraUserDetailsService accounts;

    public LiveStreams(AuraUserDetailsService accounts) {
        this.accounts = accounts;
    }

    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    /**
     * Streams {@code subscription}'s updates to {@code caller} as events named {@code event}, while the caller's
     * account is enabled and has one of {@code needs} (any role when empty); each burst as {@code shown} makes it for
     * the account as it is now. A burst shown as an empty collection is not sent.
     */
    public <U> SseEmitter open(Authentication caller, Set<Role> needs, SubscriptionQueryResult<?, U> subscription,
                               String event, BiFunction<List<U>, Account, Object> shown) throws IOException {
        String username = caller.getName();
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Disposable updates = subscription.updates()
                .bufferTimeout(100, BURST)
                .filter(burst -> !burst.isEmpty())
                .subscribe(burst -> {
                    Optional<Account> now = accounts.activeAccount(username)
                            .filter(a -> needs.isEmpty() || a.roles().stream().anyMatch(needs::contains));
                    if (now.isEmpty()) { // disabled, or the role this stream needs was revoked: it ends here
                        subscription.cancel();
                        emitter.complete();
                        return;
                    }
                    Object data = shown.apply(burst, now.get());
                    if (data instanceof Collection<?> c && c.isEmpty()) {
                        return;
                    }
                    try {
                        emitter.send(SseEmitter.event().name(event).data(data));
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
