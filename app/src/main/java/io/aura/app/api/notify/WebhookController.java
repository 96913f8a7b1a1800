package io.aura.app.api.notify;

import io.aura.app.api.NotFoundException;
import io.aura.kernel.webhook.Webhooks;
import io.aura.kernel.webhook.Webhooks.Subscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions (ADMIN). Registering and removing one are events (who sent our data where,
 * and from when, is audited); the secret is write-only: it signs deliveries and is never shown or
 * recorded (ADR 0013).
 */
@RestController
@Tag(name = "Webhooks")
@PreAuthorize("hasRole('ADMIN')")
public class WebhookController {
    private final Webhooks webhooks;

    public WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    public record NewWebhook(String url, String secret) {}

    @Operation(summary = "Register a URL to receive booking and approval events, signed with HMAC-SHA256 (ADMIN)")
    @PostMapping("/api/webhooks")
    public ResponseEntity<Subscription> register(@RequestBody NewWebhook body) {
        Subscription created = webhooks.register(body.url(), body.secret());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @Operation(summary = "The registered webhooks (ADMIN)")
    @GetMapping("/api/webhooks")
    public List<Subscription> list() {
        return webhooks.all();
    }

    @Operation(summary = "Stop delivering to a webhook (ADMIN); 404 if it is unknown or removed already")
    @DeleteMapping("/api/webhooks/{id}")
    public ResponseEntity<Void> remove(@PathVariable String id) {
        if (!webhooks.remove(id)) {
            throw new NotFoundException("No webhook " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
