package io.aura.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.GenericSubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

/** Axon's own simple buses in memory: a command, a view, and whether the view announces its change. */
class ReadYourWritesTest {
    record Disable(String username) {}

    record FindAccount(String username) {}

    record Account(String username, boolean disabled) {}

    private final AtomicBoolean disabled = new AtomicBoolean();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    private final ReadYourWrites readYourWrites = new ReadYourWrites(
            DefaultCommandGateway.builder().commandBus(commandBus).build(),
            DefaultQueryGateway.builder().queryBus(queryBus).build());

    ReadYourWritesTest() {
        queryBus.subscribe(FindAccount.class.getName(), Account.class,
                query -> Optional.of(new Account("ann", disabled.get())));
    }

    @Test
    void a_change_the_view_announces_is_seen_at_once() {
        // the stored view never shows the change here, so reading it again cannot be what sees it (no clock in
        // the assertion: a busy machine made "within 250 ms" fail once)
        commandBus.subscribe(Disable.class.getName(), command -> {
            queryBus.queryUpdateEmitter().emit(FindAccount.class, q -> true,
                    GenericSubscriptionQueryUpdateMessage.asUpdateMessage(new Account("ann", true)));
            return null;
        });

        var seen = readYourWrites.sendAndAwait(new Disable("ann"), new FindAccount("ann"), Account.class,
                Account::disabled, Duration.ofSeconds(5));

        assertThat(seen).map(Account::disabled).contains(true);
        assertThat(disabled).isFalse();
    }

    @Test
    void a_view_that_changes_without_announcing_it_a_rebuild_is_seen_by_reading_it_again() {
        commandBus.subscribe(Disable.class.getName(), command -> {
            // the view is being rebuilt in one pass: it changes later and emits no update
            CompletableFuture.runAsync(() -> disabled.set(true),
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            return null;
        });

        var seen = readYourWrites.sendAndAwait(new Disable("ann"), new FindAccount("ann"), Account.class,
                Account::disabled, Duration.ofSeconds(3));

        assertThat(seen).map(Account::disabled).contains(true);
    }

}
