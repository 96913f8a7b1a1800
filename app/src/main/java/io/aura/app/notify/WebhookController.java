package io.aura.app.notify;

import io.aura.app.axon.ReadYourWrites;
import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.aura.kernel.webhook.WebhookCommands.RegisterWebhook;
import io.aura.kernel.webhook.WebhookCommands.RemoveWebhook;
import io.aura.kernel.webhook.WebhookQueries.WatchWebhook;
import io.aura.kernel.webhook.WebhookQueries.WebhookState;
import io.aura.kernel.webhook.WebhookUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions (ADMIN). Registering and removing one are events (who sent our data where,
 * and from when, is audited); the secret is write-only: kept beside the views, it signs deliveries
 * and is never shown or recorded. Both answer once deliveries follow the change (read-your-writes).
 */
@RestController
@Tag(name = "Webhooks")
public class WebhookController {
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final ReadYourWrites commands;
    private final WebhookOutbox outbox;
    private final Clock clock;

    public WebhookController(MongoTemplate mongo, ReadYourWrites commands, WebhookOutbox outbox, Clock clock) {
        this.mongo = mongo;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewWebhook(String url, String secret) {}

    public record WebhookView(String id, String url, String createdBy, Instant createdAt) {}

    @Operation(summary = "Register a URL to receive booking and approval events, signed with HMAC-SHA256 (ADMIN)")
    @PostMapping("/api/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<WebhookView> register(@RequestBody NewWebhook body, Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        if (!WebhookUrls.isHttpUrl(body.url())) {
            violations.add(new FieldViolation("url", "must be an absolute http or https URL"));
        }
        if (body.secret() == null || body.secret().length() < 16 || body.secret().length() > 256) {
            violations.add(new FieldViolation("secret", "must be 16 to 256 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String id = UUID.randomUUID().toString();
        // the secret first: a delivery never finds a registration without one
        mongo.save(new WebhookOutbox.Secret(id, body.secret()), WebhookOutbox.SECRETS);
        commands.sendAndAwait(new RegisterWebhook(id, body.url()), new WatchWebhook(id), WebhookState.class,
                WebhookState::registered, VISIBLE_WITHIN);
        WebhookView view = outbox.registrations().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(WebhookController::view)
                .orElseGet(() -> new WebhookView(id, body.url(), caller.getName(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/webhooks/" + id)).body(view);
    }

    @Operation(summary = "The registered webhooks (ADMIN)")
    @GetMapping("/api/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    public List<WebhookView> list() {
        return outbox.registrations().stream().map(WebhookController::view).toList();
    }

    @Operation(summary = "Stop delivering to a webhook (ADMIN); 404 if it is unknown or removed already")
    @DeleteMapping("/api/webhooks/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> remove(@PathVariable String id) {
        commands.sendAndAwait(new RemoveWebhook(id), new WatchWebhook(id), WebhookState.class, s -> !s.registered(),
                VISIBLE_WITHIN);
        return ResponseEntity.noContent().build();
    }

    private static WebhookView view(WebhookOutbox.Registration registration) {
        return new WebhookView(registration.id(), registration.url(), registration.createdBy(), registration.createdAt());
    }
}
