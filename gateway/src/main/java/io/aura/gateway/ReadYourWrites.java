package io.aura.gateway;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a command and waits until a projection shows its effect, without a race: the subscription
 * query is opened before the command is sent, so no update can slip by. The view is also read again
 * every {@link #REREAD} while waiting: a projection rebuilt in one pass (a replay) emits no updates, so
 * a command that records nothing new during a rebuild (disabling a user twice) would otherwise wait for
 * an update that never comes.
 */
@Component
public class ReadYourWrites {
    static final Duration REREAD = Duration.ofMillis(250);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public ReadYourWrites(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * @return the first view matching {@code done}, or empty if the projection did not show it in
     *     time (the command has still succeeded; only the read side is late)
     * @throws RuntimeException whatever the command handler refused the command with
     */
    public <R> Optional<R> sendAndAwait(Object command, Object query, Class<R> viewType, Predicate<R> done,
                                        Duration timeout) {
        return subscribe(query, viewType, done, timeout, () -> commands.sendAndWait(command));
    }

    /** Waits, without sending anything, until the view matches {@code done} (or the timeout passes). */
    public <R> Optional<R> await(Object query, Class<R> viewType, Predicate<R> done, Duration timeout) {
        return subscribe(query, viewType, done, timeout, () -> {});
    }

    private <R> Optional<R> subscribe(Object query, Class<R> viewType, Predicate<R> done, Duration timeout,
                                      Runnable whileSubscribed) {
        SubscriptionQueryResult<Optional<R>, R> subscription = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
        try {
            whileSubscribed.run();
            Flux<R> rereads = Flux.interval(REREAD).concatMap(tick -> Mono.fromFuture(
                    queries.query(query, ResponseTypes.optionalInstanceOf(viewType))).flatMap(Mono::justOrEmpty));
            return Optional.ofNullable(subscription.initialResult()
                    .flatMap(Mono::justOrEmpty)
                    .concatWith(Flux.merge(subscription.updates(), rereads))
                    .filter(done)
                    .next()
                    .timeout(timeout, Mono.empty())
                    .block());
        } finally {
            subscription.cancel();
        }
    }
}
