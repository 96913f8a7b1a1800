package io.aura.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.queryhandling.SubscriptionQueryResult;

/** Live updates for a view, handed on in bursts: at most four a second, as Vaadin advises for push. */
public final class Bursts {
    public static final Duration BURST = Duration.ofMillis(250);

    private Bursts() {}

    public static <I, U> SubscriptionQueryResult<I, U> inBursts(SubscriptionQueryResult<I, U> subscription,
                                                        Consumer<List<U>> onBurst) {
        subscription.updates().bufferTimeout(100, BURST).filter(b -> !b.isEmpty()).subscribe(onBurst);
        return subscription;
    }
}
