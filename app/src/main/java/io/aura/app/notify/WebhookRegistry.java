package io.aura.app.notify;

import io.aura.app.privacy.MasterKey;
import io.aura.gateway.ReadYourWrites;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.validation.TextPolicy;
import io.aura.kernel.webhook.WebhookCommands.RegisterWebhook;
import io.aura.kernel.webhook.WebhookCommands.RemoveWebhook;
import io.aura.kernel.webhook.WebhookQueries.WatchWebhook;
import io.aura.kernel.webhook.WebhookQueries.WebhookState;
import io.aura.kernel.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Registering and removing webhooks (ADR 0013): the secret is kept beside the views before the
 * command is sent, so a delivery never finds a registration without one; each change answers once
 * the outbox's processor has seen it (read-your-writes).
 */
@Component
public class WebhookRegistry implements Webhooks {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

    private final MasterKey masterKey;
    private final WebhookStore store;
    private final ReadYourWrites commands;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookRegistry(WebhookStore store, ReadYourWrites commands, WebhookOutbox outbox, Clock clock,
                           WebhookTargets targets, MasterKey masterKey) {
        this.masterKey = masterKey;
        this.targets = targets;
        this.store = store;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What browsers and proxies reliably carry; a webhook address is never longer. */
    static final int MAX_URL_LENGTH = 2048;

    @Override
    public Subscription register(String url, String secret) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<FieldViolation> unbounded = TextPolicy.line("url", url, MAX_URL_LENGTH);
        String refusal = unbounded.isPresent() ? null : targets.refusal(url); // http(s), no user, a public host
        unbounded.ifPresent(violations::add);
        if (refusal != null) {
            violations.add(new FieldViolation("url", refusal));
        }
        if (secret == null || secret.length() < 16 || secret.length() > 256) {
            violations.add(new FieldViolation("secret", "must be 16 to 256 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String id = UUID.randomUUID().toString();
        // sealed with the master key (ADR 0046); committed before the command: a delivery never finds no secret
        store.saveSecret(id, masterKey.sealText(secret, WebhookOutbox.secretPurpose(id)));
        commands.sendAndAwait(new RegisterWebhook(id, url), new WatchWebhook(id), WebhookState.class,
                WebhookState::registered, VISIBLE_WITHIN);
        return outbox.registration(id).map(WebhookRegistry::subscription)
                .orElseGet(() -> new Subscription(id, url, null, clock.instant()));
    }

    @Override
    public List<Subscription> all() {
        return outbox.registrations().stream().map(WebhookRegistry::subscription).toList();
    }

    private static Subscription subscription(WebhookStore.Registration r) {
        return new Subscription(r.id(), r.url(), r.createdBy(), r.createdAt());
    }

    @Override
    public boolean remove(String id) {
        try {
            commands.sendAndAwait(new RemoveWebhook(id), new WatchWebhook(id), WebhookState.class,
                    s -> !s.registered(), VISIBLE_WITHIN);
            return true;
        } catch (RuntimeException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Locally the handler's exception arrives as it is; through Axon Server wrapped in a CommandExecutionException. */
    private static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
