package io.aura.app.notify;

import io.aura.app.notify.WebhookStore.Delivery;
import io.aura.app.notify.WebhookStore.Registration;
import io.aura.app.notify.WebhookTargets.NotResolved;
import io.aura.app.notify.WebhookTargets.Pinned;
import io.aura.app.notify.WebhookTargets.Refused;
import io.aura.app.privacy.MasterKey;
import io.aura.kernel.MessageMetadata;
import io.aura.kernel.booking.BookingQueries.BookingView;
import io.aura.kernel.booking.BookingQueries.FindBooking;
import io.aura.kernel.identity.UserEvents.UserErased;
import io.aura.kernel.webhook.WebhookEvents.WebhookRegistered;
import io.aura.kernel.webhook.WebhookEvents.WebhookRemoved;
import io.aura.kernel.webhook.WebhookQueries.WatchWebhook;
import io.aura.kernel.webhook.WebhookQueries.WebhookState;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers booking and approval events to the registered webhooks, at least once: each event
 * becomes one delivery per webhook (its id, stable across retries, is the receiver's key for
 * deduplication), written by an event processor and POSTed later with an HMAC-SHA256 signature,
 * retried with backoff. A receiver that is down never holds up a decision. Registrations, secrets
 * and deliveries are kept through the {@link WebhookStore} port. Each delivery looks its host up
 * once, checks every address and connects to those (ADR 0025): a host that points inside the
 * network by then is not sent to, and the delivery is {@link DeliveryStatus#REFUSED}.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {
    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    public static final String PROCESSING_GROUP = "webhooks";
    static final int MAX_ATTEMPTS = 10;
    static final Duration LEASE = Duration.ofMinutes(1);
    public static final String SIGNATURE = "X-Aura-Signature";
    public static final String TIMESTAMP = "X-Aura-Timestamp";
    public static final String DELIVERY = "X-Aura-Delivery";
    public static final String EVENT = "X-Aura-Event";

    private final MasterKey masterKey;
    private final WebhookStore store;
    private final QueryUpdateEmitter emitter;
    private final JsonMapper json;
    private final Clock clock;
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * OkHttp, not the JDK's client, because it takes the addresses to connect to from us ({@link
     * Dns}) while TLS still checks the certificate for the name. No proxy: a proxy would look the
     * name up itself. No redirects: a redirect is a URL nobody checked.
     */
    private final OkHttpClient http = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY)
            .followRedirects(false).followSslRedirects(false)
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
            .writeTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(30)).build();

    private final WebhookTargets targets;

    /** Asked whether a booking is private, for what a receiver is shown of its events (ADR 0040). */
    private final QueryGateway queries;

    public WebhookOutbox(WebhookStore store, QueryUpdateEmitter emitter, JsonMapper json, Clock clock,
                         WebhookTargets targets, QueryGateway queries, MasterKey masterKey) {
        this.masterKey = masterKey;
        this.targets = targets;
        this.queries = queries;
        this.store = store;
        this.emitter = emitter;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registered in this processor, not another: an event after the registration in the store is
     * delivered to it, one before is not, whichever processor runs ahead.
     */
    @EventHandler
    void on(WebhookRegistered registered, EventMessage<?> message) {
        String actor = String.valueOf(message.getMetaData().getOrDefault(MessageMetadata.ACTOR, "system"));
        // the registered webhooks as this processor has seen them, so deliveries follow the stream's order
        store.saveRegistration(new Registration(registered.webhookId(), registered.url(), actor,
                message.getTimestamp()));
        emitter.emit(WatchWebhook.class, q -> q.webhookId().equals(registered.webhookId()),
                new WebhookState(registered.webhookId(), true));
    }

    /**
     * A removed webhook gets nothing more, not even what was still waiting to be retried. The
     * registration goes last: whoever sees it gone (the API's read-your-writes) sees the rest done.
     */
    @EventHandler
    void on(WebhookRemoved removed) {
        store.remove(removed.webhookId());
        emitter.emit(WatchWebhook.class, q -> q.webhookId().equals(removed.webhookId()),
                new WebhookState(removed.webhookId(), false));
    }

    /**
     * What was queued or sent with an erased person's words (titles, descriptions, attendees' names, comments of
     * theirs in the events' payloads) keeps them no more (ADR 0046). Their username, the pseudonym, is what
     * finds those deliveries.
     */
    @EventHandler
    void on(UserErased erased) {
        for (Delivery d : store.deliveriesContaining("\"" + erased.username() + "\"")) {
            String body = ErasedPayloads.erased(json, d.body(), d.eventType(), erased.username());
            if (!body.equals(d.body())) {
                store.replaceBody(d.id(), body);
            }
        }
    }

    @QueryHandler
    Optional<WebhookState> handle(WatchWebhook query) {
        return Optional.of(new WebhookState(query.webhookId(), store.registration(query.webhookId()).isPresent()));
    }

    Optional<Registration> registration(String id) {
        return store.registration(id);
    }

    List<Registration> registrations() {
        return store.registrations();
    }

    /** Booking and approval events only; history is not re-sent on a replay. */
    @DisallowReplay
    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        String type = payload.getClass().getName();
        if (!type.startsWith("io.aura.kernel.booking.") && !type.startsWith("io.aura.kernel.approval.")) {
            return;
        }
        List<Registration> hooks = registrations();
        if (hooks.isEmpty()) {
            return;
        }
        Map<String, String> secrets = store.secrets(hooks.stream().map(Registration::id).toList());
        String eventType = payload.getClass().getSimpleName();
        // a private booking as anyone else sees it: receivers are no one in particular
        Object shown = WebhookPayloads.shown(payload, this::privateBooking);
        for (Registration hook : hooks) {
            String secret = secrets.get(hook.id());
            if (secret == null) {
                log.warn("Webhook {} has no signing secret; nothing is sent to it", hook.id());
                continue;
            }
            String id = message.getIdentifier() + ":" + hook.id();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("eventId", message.getIdentifier());
            body.put("type", eventType);
            if (message instanceof DomainEventMessage<?> domain) {
                body.put("aggregateId", domain.getAggregateIdentifier());
                body.put("sequence", domain.getSequenceNumber());
            }
            body.put("occurredAt", message.getTimestamp().toString());
            body.put("payload", shown);
            store.addDelivery(new Delivery(id, hook.id(), hook.url(), secret, eventType, json.writeValueAsString(body),
                    DeliveryStatus.PENDING, 0, message.getTimestamp(), null, null));
        }
    }

    private Optional<Boolean> privateBooking(String bookingId) {
        return queries.query(new FindBooking(bookingId), ResponseTypes.optionalInstanceOf(BookingView.class)).join()
                .map(BookingView::privateBooking);
    }

    @Scheduled(fixedDelayString = "${aura.webhooks.poll-interval:PT1S}")
    public void deliverDue() {
        for (int i = 0; i < 50; i++) {
            Instant now = clock.instant();
            Delivery d = store.claimDue(now, now.plus(LEASE)).orElse(null);
            if (d == null) {
                return;
            }
            deliver(d, now);
        }
    }

    private void deliver(Delivery d, Instant now) {
        // recorded only while still pending (the store's word): a webhook removed meanwhile has cancelled it
        Integer status = null;
        String error = null;
        String refusal = null;
        try {
            switch (targets.check(d.url())) { // its name may point elsewhere by now
                case Refused refused -> refusal = "not sent: url " + refused.reason();
                case NotResolved notResolved -> error = "not sent: " + notResolved.reason();
                case Pinned pinned -> {
                    HttpUrl url = HttpUrl.parse(d.url());
                    if (url == null || !pinned.isHost(url.host())) {
                        refusal = "not sent: the HTTP client reads another host in url than the one checked";
                    } else {
                        status = send(d, url, pinned, now);
                        if (status / 100 != 2) {
                            error = "HTTP " + status;
                        }
                    }
                }
            }
        } catch (InterruptedIOException e) {
            if (!(e instanceof SocketTimeoutException)) {
                Thread.currentThread().interrupt();
            }
            error = e.toString();
        } catch (Exception e) {
            error = e.toString();
        }
        if (refusal != null) { // a verdict on the address, not a failure: asking again later would not change it
            log.warn("Webhook delivery {} to {} refused: {}", d.id(), d.url(), refusal);
            store.failed(d.id(), DeliveryStatus.REFUSED, d.attempts() + 1, null, refusal, now);
            return;
        }
        if (error == null) { // outside the try: a store that fails to record it is not a delivery that failed
            store.delivered(d.id(), status);
            return;
        }
        int attempts = d.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        log.info("Webhook delivery {} to {} failed (attempt {}{}): {}", d.id(), d.url(), attempts,
                giveUp ? ", giving up" : "", error);
        store.failed(d.id(), giveUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, attempts, status, error,
                now.plus(Backoff.after(attempts)));
    }

    /** Connects to the pinned addresses only; a client per delivery shares the pool, keyed by those addresses. */
    private int send(Delivery d, HttpUrl url, Pinned pinned, Instant now) throws IOException {
        String timestamp = Long.toString(now.getEpochSecond());
        Request request = new Request.Builder().url(url)
                .header(DELIVERY, d.id())
                .header(EVENT, d.eventType())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(masterKey.openText(d.secret(), secretPurpose(d.webhookId())),
                        timestamp + "." + d.body()))
                .post(RequestBody.create(d.body().getBytes(StandardCharsets.UTF_8), JSON)) // its Content-Type
                .build();
        OkHttpClient pinnedClient = http.newBuilder().dns(new PinnedDns(url.host(), pinned.addresses())).build();
        try (Response response = pinnedClient.newCall(request).execute()) {
            return response.code();
        }
    }

    /**
     * The addresses checked for one host, and nothing for any other. A record: OkHttp reuses a
     * pooled connection only for an equal one, so never one made to addresses checked earlier.
     */
    private record PinnedDns(String host, List<InetAddress> addresses) implements Dns {
        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            if (!hostname.equals(host)) {
                throw new UnknownHostException(hostname + " was not checked");
            }
            return addresses;
        }
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}: receivers recompute it and compare in constant time. */
    /**
     * What a webhook's stored secret is bound to (ADR 0046): it is kept sealed with the master key, and opens only
     * as this webhook's, only when a delivery is signed.
     */
    public static String secretPurpose(String webhookId) {
        return "webhook-secret:" + webhookId;
    }

    public static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
