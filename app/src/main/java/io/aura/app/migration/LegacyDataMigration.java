package io.aura.app.migration;

import io.aura.app.idempotency.IdempotencyStore;
import io.aura.app.notify.DeliveryStatus;
import io.aura.app.notify.InboxEntry;
import io.aura.app.notify.MailStatus;
import io.aura.app.notify.NotificationStore;
import io.aura.app.notify.WebhookStore;
import io.aura.app.security.CredentialStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a data directory written before the views moved into SQL (ADR 0021), once, before any
 * processor starts: what is not derived from events — password hashes, idempotency keys, webhook
 * secrets and deliveries, and the inbox with its mails' states — is copied from the old view store
 * ({@code views.mv}); every view processor's token becomes a replay token, so the views are rebuilt
 * from the events (handlers see a replay: nothing is mailed or delivered again); then the old file
 * is kept as {@code views.mv.migrated}. Each step can run again after a crash in between.
 */
public final class LegacyDataMigration {
    private static final Logger log = LoggerFactory.getLogger(LegacyDataMigration.class);

    /** The processors whose state now lives in SQL and is rebuilt from the events. */
    static final List<String> REBUILT = List.of("users", "resources", "bookings", "availability", "heatmap",
            "approvals", "notifications", "webhooks");

    private final Path dataDir;
    private final CredentialStore credentials;
    private final IdempotencyStore idempotency;
    private final NotificationStore notifications;
    private final WebhookStore webhooks;
    private final TokenStore tokens;
    private final TransactionManager transactions;

    public LegacyDataMigration(Path dataDir, CredentialStore credentials, IdempotencyStore idempotency,
                               NotificationStore notifications, WebhookStore webhooks, TokenStore tokens,
                               TransactionManager transactions) {
        this.dataDir = dataDir;
        this.credentials = credentials;
        this.idempotency = idempotency;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.transactions = transactions;
    }

    /** @return whether there was an old view store to migrate */
    public boolean migrateIfNeeded() {
        if (Files.exists(dataDir.resolve("query.mv")) && !Files.exists(dataDir.resolve(LegacyViewStore.FILE))) {
            throw new IllegalStateException("The data directory " + dataDir + " holds a view store (query.mv) older "
                    + "than release c3f0f4d: start that release on it once, then this one.");
        }
        var legacy = LegacyViewStore.open(dataDir);
        if (legacy.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        int copied = 0;
        try (LegacyViewStore old = legacy.get()) {
            for (Document d : old.documents("credentials")) {
                credentials.create(d.getString("_id"), d.getString("passwordHash"));
                copied++;
            }
            for (Document d : old.documents("idempotency")) {
                String id = d.getString("_id");
                int colon = id.indexOf(':');
                String caller = id.substring(0, colon);
                String key = id.substring(colon + 1);
                idempotency.claim(caller, key, d.getString("bookingId"));
                if (d.getInteger("httpStatus") != null) {
                    idempotency.answer(caller, key, d.getInteger("httpStatus"), plain(d.get("body", Document.class)));
                }
                copied++;
            }
            for (Document d : old.documents("webhook_secrets")) {
                webhooks.saveSecret(d.getString("_id"), d.getString("secret"));
                copied++;
            }
            for (Document d : old.documents("webhook_deliveries")) {
                webhooks.addDelivery(new WebhookStore.Delivery(d.getString("_id"), d.getString("webhookId"),
                        d.getString("url"), d.getString("secret"), d.getString("eventType"), d.getString("body"),
                        DeliveryStatus.valueOf(d.getString("status")), d.getInteger("attempts", 0),
                        instant(d, "nextAttemptAt"), d.getInteger("lastStatus"), d.getString("lastError")));
                copied++;
            }
            for (Document d : old.documents("notifications")) {
                notifications.add(new InboxEntry(d.getString("_id"), d.getString("user"), d.getString("type"),
                        d.getString("bookingId"), d.getString("approvalId"), d.getString("link"), d.getString("token"),
                        d.getString("message"), instant(d, "createdAt"), d.getString("email"),
                        MailStatus.valueOf(d.getString("mailStatus")), d.getInteger("mailAttempts", 0),
                        instant(d, "mailNextAttemptAt"), d.getString("mailError")));
                copied++;
            }
        }
        replayViewProcessors();
        try {
            Files.move(dataDir.resolve(LegacyViewStore.FILE), dataDir.resolve(LegacyViewStore.FILE + ".migrated"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the migrated view store aside", e);
        }
        log.info("Migrated the data directory {} to views in SQL: {} records copied from {}, the views rebuild from "
                        + "the events ({} ms)", dataDir, copied, LegacyViewStore.FILE,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /**
     * Every view processor replays from the first event. A token already in a replay (a rebuild that had
     * not met a new event yet) replays again from the start too, up to the head it was reset at. Storing a
     * token claims it; the claims are released in a second transaction, as a one-pass rebuild does. The
     * previous release's claims may still be held for Axon's claim timeout after it was killed: retried.
     */
    private void replayViewProcessors() {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeInTransaction(() -> {
                    for (String processor : REBUILT) {
                        for (int segment : tokens.fetchSegments(processor)) {
                            TrackingToken current = tokens.fetchToken(processor, segment);
                            if (current != null) {
                                TrackingToken head = current instanceof ReplayToken replay ? replay.getTokenAtReset()
                                        : current;
                                tokens.storeToken(ReplayToken.createReplayToken(head), processor, segment);
                            }
                        }
                    }
                });
                break;
            } catch (UnableToClaimTokenException stillClaimed) {
                if (attempt == CLAIM_ATTEMPTS) {
                    throw stillClaimed;
                }
                log.info("A view processor's token is still claimed by the previous run; trying again in 2 s");
                sleep();
            }
        }
        transactions.executeInTransaction(() -> REBUILT.forEach(processor -> {
            for (int segment : tokens.fetchSegments(processor)) {
                tokens.releaseClaim(processor, segment);
            }
        }));
    }

    /** Axon's claim timeout is 10 s: a killed run's claims have lapsed well within these attempts. */
    private static final int CLAIM_ATTEMPTS = 10;

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating", e);
        }
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** A BSON document as plain JSON values (maps, lists, text, numbers). */
    private static Map<String, Object> plain(Document d) {
        return d == null ? null : new LinkedHashMap<>(Document.parse(d.toJson()));
    }
}
