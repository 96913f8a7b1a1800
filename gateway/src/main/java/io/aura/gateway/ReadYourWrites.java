package io.aura.gateway;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a command and waits until a projection shows its effect, without polling and without a
 * race: the subscription query is opened before the command is sent, so no update can slip by.
 */
@Component
public class ReadYourWrites {
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
            return Optional.ofNullable(subscription.initialResult()
                    .flatMap(Mono::justOrEmpty)
                    .concatWith(subscription.updates())
                    .filter(done)
                    .next()
                    .timeout(timeout, Mono.empty())
                    .block());
        } finally {
            subscription.cancel();
        }
    }
}
