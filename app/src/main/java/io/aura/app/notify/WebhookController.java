package io.aura.app.notify;

import io.aura.kernel.validation.FieldViolation;
import io.aura.kernel.validation.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions (ADMIN). The secret is write-only: it signs deliveries and is never shown again. */
@RestController
@Tag(name = "Webhooks")
public class WebhookController {
    static final String COLLECTION = "webhooks";

    private final MongoTemplate mongo;
    private final Clock clock;

    public WebhookController(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record NewWebhook(String url, String secret) {}

    public record WebhookView(String id, String url, String createdBy, Instant createdAt) {}

    record Webhook(String id, String url, String secret, String createdBy, Instant createdAt) {
        WebhookView view() {
            return new WebhookView(id, url, createdBy, createdAt);
        }
    }

    @Operation(summary = "Register a URL to receive booking and approval events, signed with HMAC-SHA256 (ADMIN)")
    @PostMapping("/api/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<WebhookView> register(@RequestBody NewWebhook body, Authentication caller) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body.url() == null || !isHttpUrl(body.url())) {
            violations.add(new FieldViolation("url", "must be an absolute http or https URL"));
        }
        if (body.secret() == null || body.secret().length() < 16 || body.secret().length() > 256) {
            violations.add(new FieldViolation("secret", "must be 16 to 256 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Webhook hook = new Webhook(UUID.randomUUID().toString(), body.url(), body.secret(), caller.getName(),
                clock.instant());
        mongo.insert(hook, COLLECTION);
        return ResponseEntity.created(URI.create("/api/webhooks/" + hook.id())).body(hook.view());
    }

    @Operation(summary = "The registered webhooks (ADMIN)")
    @GetMapping("/api/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    public List<WebhookView> list() {
        return mongo.findAll(Webhook.class, COLLECTION).stream().map(Webhook::view).toList();
    }

    @Operation(summary = "Stop delivering to a webhook (ADMIN)")
    @DeleteMapping("/api/webhooks/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> remove(@PathVariable String id) {
        long removed = mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount();
        return removed == 0 ? ResponseEntity.notFound().build() : ResponseEntity.noContent().build();
    }

    List<Webhook> all() {
        return mongo.findAll(Webhook.class, COLLECTION);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
