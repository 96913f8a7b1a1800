package io.aura.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.queryhandling.SubscriptionQueryResult;

/**
 * Keeps a view live while it is on screen: loads it and opens its subscription when attached, cancels
 * the subscription when detached (a closed tab must not keep a query open on the server).
 */
public final class LiveWhileAttached {
    private LiveWhileAttached() {}

    /** {@code open} gets the UI to push into (updates go through {@code ui.access}) and returns what to cancel. */
    public static void keep(Component view, Runnable load, Function<UI, SubscriptionQueryResult<?, ?>> open) {
        AtomicReference<SubscriptionQueryResult<?, ?>> live = new AtomicReference<>();
        view.addAttachListener(e -> {
            load.run();
            live.set(open.apply(e.getUI()));
        });
        view.addDetachListener(e -> {
            SubscriptionQueryResult<?, ?> subscription = live.getAndSet(null);
            if (subscription != null) {
                subscription.cancel();
            }
        });
    }
}
