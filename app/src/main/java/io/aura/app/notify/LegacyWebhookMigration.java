package io.aura.app.notify;

import io.aura.kernel.webhook.WebhookCommands.RegisterWebhook;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Webhooks registered before registrations became events lived only as documents in
 * {@code webhooks}. At start each one is registered through a command under its old id (actor
 * "system"), its secret moved beside the others, and the document removed; a registration that is
 * already in the event store (a start interrupted half-way) only has its document removed.
 *
 * <p>Only a MongoDB written by those versions holds such documents, so this runs in the production
 * profile only (declared there, not scanned). The embedded default keeps its webhooks in SQL; an old
 * embedded view store that still had such documents was migrated by the version that used it, at
 * its start.
 */
public class LegacyWebhookMigration {
    private static final Logger log = LoggerFactory.getLogger(LegacyWebhookMigration.class);
    static final String LEGACY = "webhooks";

    private final MongoTemplate mongo;
    private final WebhookStore webhooks;
    private final CommandGateway commands;
    private final EventStore eventStore;

    public LegacyWebhookMigration(MongoTemplate mongo, WebhookStore webhooks, CommandGateway commands,
                                  EventStore eventStore) {
        this.mongo = mongo;
        this.webhooks = webhooks;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    public int migrate() {
        List<Document> legacy = mongo.findAll(Document.class, LEGACY);
        int migrated = 0;
        for (Document hook : legacy) {
            String id = hook.getString("_id");
            webhooks.saveSecret(id, hook.getString("secret"));
            try {
                commands.sendAndWait(new RegisterWebhook(id, hook.getString("url")));
            } catch (RuntimeException e) {
                if (!eventStore.readEvents(id).hasNext()) {
                    log.warn("Webhook {} could not be registered as an event; it stays where it was: {}", id, e.toString());
                    continue;
                }
            }
            mongo.remove(Query.query(Criteria.where("_id").is(id)), LEGACY);
            migrated++;
        }
        if (migrated > 0) {
            log.info("{} webhook(s) registered before registrations were events are now in the event store", migrated);
        }
        return migrated;
    }
}
